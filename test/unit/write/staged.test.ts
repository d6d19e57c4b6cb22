/**
 * The write stage writes each file as soon as its template has made it (into a staging folder beside the
 * output), drops the text from memory, and puts the folder in place at the end — or removes it, leaving the
 * previous output exactly as it was.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { OutputFile } from "../../../src/emit/template.js";
import { CheckedOutput, OWNER_MARK, StagedOutput } from "../../../src/write/index.js";
import { generate } from "../../../src/index.js";

function previousOutput(): string {
  const parent = mkdtempSync(join(tmpdir(), "sf-staged-"));
  const out = join(parent, "out");
  mkdirSync(out);
  writeFileSync(join(out, "package.json"), JSON.stringify({ description: OWNER_MARK }));
  writeFileSync(join(out, "old.txt"), "previous run");
  return out;
}

const staging = (out: string): string[] => readdirSync(join(out, "..")).filter((e) => e.includes("schemaforge-new"));

/** A file whose text is not ready until `release()` (as a file the printer worker has not answered yet). */
function lateFile(path: string, text: string): OutputFile & { release(): void } {
  let ready = false;
  const file = {
    path,
    get contents() {
      return text;
    },
    release: () => (ready = true),
  };
  return Object.defineProperty(file, "pending", { value: () => !ready });
}

describe("StagedOutput", () => {
  it("writes files as they are added, keeps the old output until finish, then reads texts back from disk", () => {
    const out = previousOutput();
    const staged = new StagedOutput(out);
    const a: OutputFile = { path: "a.txt", contents: "A" };
    staged.add([a, { path: "sub/b.txt", contents: "B" }]);
    const [folder] = staging(out);
    expect(readFileSync(join(out, "..", folder!, "sub/b.txt"), "utf8")).toBe("B");
    expect(readFileSync(join(out, "old.txt"), "utf8")).toBe("previous run");
    // The text now comes from the written file.
    expect(Object.getOwnPropertyDescriptor(a, "contents")!.get).toBeTypeOf("function");
    expect(a.contents).toBe("A");
    staged.add([{ path: "package.json", contents: JSON.stringify({ description: OWNER_MARK }) }]);
    staged.finish();
    expect(readdirSync(out).sort()).toEqual(["a.txt", "package.json", "sub"]);
    expect(a.contents).toBe("A");
    expect(staging(out)).toEqual([]);
  });

  it("holds back a file whose text is still being made, and writes it at the next add or at finish", () => {
    const out = join(mkdtempSync(join(tmpdir(), "sf-staged-")), "out");
    const staged = new StagedOutput(out);
    const late = lateFile("late.txt", "L");
    staged.add([late, { path: "early.txt", contents: "E" }]);
    const folder = join(out, "..", staging(out)[0]!);
    expect(readdirSync(folder)).toEqual(["early.txt"]);
    late.release();
    staged.add([]);
    expect(readdirSync(folder).sort()).toEqual(["early.txt", "late.txt"]);
    const later = lateFile("later.txt", "LL");
    staged.add([later]);
    staged.finish();
    expect(readFileSync(join(out, "later.txt"), "utf8")).toBe("LL");
  });

  it("keeps a failure until finish, then removes the staging folder and leaves the previous output", () => {
    const out = previousOutput();
    const staged = new StagedOutput(out);
    staged.add([{ path: "../escape.txt", contents: "x" }, { path: "fine.txt", contents: "y" }]);
    expect(() => staged.finish()).toThrow(/refusing to write \.\.\/escape\.txt: outside the output folder/);
    expect(staging(out)).toEqual([]);
    expect(existsSync(join(out, "..", "escape.txt"))).toBe(false);
    expect(readdirSync(out).sort()).toEqual(["old.txt", "package.json"]);
  });

  it("refuses a folder it did not write, before anything is written", () => {
    const out = join(mkdtempSync(join(tmpdir(), "sf-staged-")), "mine");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "a user's file");
    const staged = new StagedOutput(out);
    staged.add([{ path: "a.txt", contents: "A" }]);
    expect(staging(out)).toEqual([]);
    expect(() => staged.finish()).toThrow(/holds files schemaforge did not write/);
    expect(readdirSync(out)).toEqual(["notes.txt"]);
  });

  it("a vetoed run (an input changed) keeps the previous output", () => {
    const out = previousOutput();
    const staged = new StagedOutput(out);
    staged.add([{ path: "a.txt", contents: "A" }]);
    expect(() => staged.finish(() => "an input changed")).toThrow("an input changed");
    expect(readFileSync(join(out, "old.txt"), "utf8")).toBe("previous run");
    expect(staging(out)).toEqual([]);
  });
});

describe("CheckedOutput (--check)", () => {
  it("compares files as they come, late ones at the end, and lists the drift by path", () => {
    const out = previousOutput();
    writeFileSync(join(out, "same.txt"), "S");
    writeFileSync(join(out, "edited.txt"), "hand edit");
    const checked = new CheckedOutput(out);
    const same: OutputFile = { path: "same.txt", contents: "S" };
    const edited: OutputFile = { path: "edited.txt", contents: "generated" };
    const late = lateFile("z-new.txt", "N");
    checked.add([late, same, edited, { path: "package.json", contents: readFileSync(join(out, "package.json"), "utf8") }]);
    checked.add([{ path: "a-new.txt", contents: "A" }]);
    expect(checked.finish()).toEqual({ missing: ["a-new.txt", "z-new.txt"], changed: ["edited.txt"], extra: ["old.txt"] });
    // An unchanged file's text is the one on disk; a changed file keeps the text this run made.
    expect(Object.getOwnPropertyDescriptor(same, "contents")!.get).toBeTypeOf("function");
    expect(same.contents).toBe("S");
    expect(edited.contents).toBe("generated");
  });
});

describe("generate() with write", () => {
  it("returns every file's text, read from what it wrote", async () => {
    const parent = mkdtempSync(join(tmpdir(), "sf-staged-"));
    const schema = join(parent, "thing.schema.json");
    writeFileSync(schema, JSON.stringify({ title: "Thing", type: "object", properties: { id: { type: "string" } }, required: ["id"] }));
    const out = join(parent, "out");
    const result = await generate({ inputs: [schema], out, write: true, cwd: parent });
    expect(result.written).toBe(true);
    const paths = Object.keys(result.files);
    const types = paths.find((p) => /^types\/[^/]+\.d\.ts$/.test(p))!;
    expect(paths.some((p) => /^validators\/[^/]+\.js$/.test(p))).toBe(true);
    for (const p of paths) expect(result.files[p]).toBe(readFileSync(join(out, p), "utf8"));
    expect(result.files[types]).toContain("export interface Thing");
  });
});
