/**
 * The writer worker behind the write stage (src/write/background.ts): files it writes are on disk once `settle`
 * returns; a failure it meets is returned; a worker that stops answering is given up and what it did not
 * confirm is written in this thread.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { enableBackgroundWrites, FileWriter } from "../../../src/write/background.js";
import { projectRoot } from "../../helpers/shared.js";

// The built worker (npm test builds first): a worker cannot load the TypeScript sources.
const WORKER = pathToFileURL(join(projectRoot, "dist/src/write/writer-worker.js"));
const MANY = 60; // over the number of files from which the worker is used

function files(dir: string): { target: string; data: string }[] {
  return Array.from({ length: MANY }, (_, i) => ({ target: join(dir, `sub${i % 3}`, `f${i}.txt`), data: `file ${i}\n`.repeat(i + 1) }));
}

describe("FileWriter", () => {
  it("with the worker: every file is on disk, with its text, once settle returns", () => {
    enableBackgroundWrites(WORKER);
    const dir = mkdtempSync(join(tmpdir(), "sf-bg-"));
    const writer = new FileWriter();
    for (const f of files(dir)) writer.write(f.target, f.data);
    expect(writer.close()).toBeUndefined();
    for (const f of files(dir)) expect(readFileSync(f.target, "utf8")).toBe(f.data);
  });

  it("returns the first failure the worker met", () => {
    enableBackgroundWrites(WORKER);
    const dir = mkdtempSync(join(tmpdir(), "sf-bg-"));
    // A file where a folder must go: every write under it fails.
    writeFileSync(join(dir, "sub1"), "in the way");
    const writer = new FileWriter();
    for (const f of files(dir)) writer.write(f.target, f.data);
    expect(writer.close()?.message).toMatch(/EEXIST|ENOTDIR/);
    expect(readFileSync(join(dir, "sub0", "f0.txt"), "utf8")).toBe("file 0\n");
  });

  it("gives up a worker that answers nothing and writes what it did not confirm in this thread", () => {
    const silent = join(mkdtempSync(join(tmpdir(), "sf-bg-")), "silent-worker.mjs");
    writeFileSync(silent, "// receives jobs and never confirms one\n");
    enableBackgroundWrites(pathToFileURL(silent));
    const dir = mkdtempSync(join(tmpdir(), "sf-bg-"));
    const writer = new FileWriter(300);
    for (const f of files(dir)) writer.write(f.target, f.data);
    expect(writer.close()).toBeUndefined();
    for (const f of files(dir)) expect(existsSync(f.target) && readFileSync(f.target, "utf8")).toBe(f.data);
  });
});
