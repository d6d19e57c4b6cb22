/**
 * The docs options as a user meets them: `--emit docs` alone, `--docs-types` for a subset, `--docs-template`
 * for a template of one's own; and the declaration a page shows being the package's own.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline.js";
import { checkDocs } from "../helpers/docs-check.js";
import { projectRoot } from "../helpers/shared.js";
import { removeTemp, writeTemp } from "../helpers/tsc.js";

const schemas = join(projectRoot, "schemas");
const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));
const pages = (files: Record<string, string>) => Object.keys(files).filter((p) => p.startsWith("docs/")).sort();

describe("--emit docs", () => {
  it("alone writes the docs and no types or validators, and still checks every example", async () => {
    const r = await generate({ inputs: [schemas], emit: ["docs"], packageName: "pkg" });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(Object.keys(r.files).filter((p) => p.startsWith("types/") || p.startsWith("validators/"))).toEqual([]);
    expect(pages(r.files)).toHaveLength(27 + 1);
    const page = r.files["docs/cognito-idp/AdminRespondToAuthChallengeRequest.md"]!;
    expect(page).toContain("The validator schemaforge compiles from the schema accepts this value");
    expect(page).toContain("add `--emit validators`");
    expect(page).not.toContain("## Use");
    const report = checkDocs(r.files);
    expect(report.examples).toHaveLength(27);
    expect(report.brokenLinks).toEqual([]);
  });

  it("is part of the default --emit", async () => {
    const r = await generate({ inputs: [schemas] });
    expect(pages(r.files)).toHaveLength(28);
  });

  it("shows each declaration exactly as the types file declares it", async () => {
    // Without --emit types the types file carries no JSDoc, as the pages' declarations do not.
    const r = await generate({ inputs: [schemas], emit: ["validators", "docs"] });
    const dts = r.files["types/cognito-idp.d.ts"]!;
    for (const path of pages(r.files).filter((p) => p !== "docs/README.md")) {
      const block = r.files[path]!.split("## Declaration\n\n```ts\n")[1]!.split("\n```")[0]!;
      expect(dts, path).toContain(block);
    }
  });
});

describe("links", () => {
  it("reach pages across namespaces (folders named by the namespace, from input folders with spaces)", async () => {
    const dir = writeTemp({
      "my pets/pet.json": JSON.stringify({ title: "Pet", type: "object", properties: { owner: { $ref: "../my people/person.json" } } }),
      "my people/person.json": JSON.stringify({ title: "Person", type: "object", properties: { name: { type: "string" } } }),
    });
    temps.push(dir);
    const r = await generate({ inputs: [dir], namespaceBy: "folder" });
    expect(pages(r.files)).toEqual(["docs/README.md", "docs/my-people/Person.md", "docs/my-pets/Pet.md"]);
    expect(r.files["docs/my-pets/Pet.md"]).toContain("[Person](../my-people/Person.md)");
    expect(checkDocs(r.files).brokenLinks).toEqual([]);
  });
});

describe("--docs-types", () => {
  it("documents only the types named (globs, namespace-qualified), and links the rest only where they have pages", async () => {
    const r = await generate({ inputs: [schemas], docsTypes: ["cognito-idp:Admin*", "UserPoolIdType"] });
    expect(pages(r.files)).toEqual([
      "docs/README.md",
      "docs/cognito-idp/AdminInitiateAuthRequest.md",
      "docs/cognito-idp/AdminInitiateAuthResponse.md",
      "docs/cognito-idp/AdminRespondToAuthChallengeRequest.md",
      "docs/cognito-idp/AdminRespondToAuthChallengeResponse.md",
      "docs/cognito-idp/UserPoolIdType.md",
    ]);
    const page = r.files["docs/cognito-idp/AdminRespondToAuthChallengeRequest.md"]!;
    expect(page).toContain("[UserPoolIdType](UserPoolIdType.md)");
    expect(page).toContain("| `ClientId` | `ClientIdType` (string) |");
    expect(r.files["docs/README.md"]).toContain("5 types of 27 in 1 namespace");
    expect(checkDocs(r.files).brokenLinks).toEqual([]);
  });

  it("warns about a pattern that matches no type", async () => {
    const r = await generate({ inputs: [schemas], docsTypes: ["Nope*"] });
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([["docs-types-unmatched", "warning", '--docs-types "Nope*" matches no type']]);
  });
});

describe("--docs-template", () => {
  const dir = writeTemp({
    "mine.mjs": `export const template = {
  name: "my-docs",
  emit(context, previous) {
    const names = [...context.namespaces.values()].flat().map((d) => d.name);
    const validators = previous.some((o) => o.exports.some((e) => e.module.startsWith("validators/")));
    return { files: [{ path: "docs/index.md", contents: "# Mine\\n\\n" + names.join("\\n") + "\\n" + (validators ? "with validators\\n" : "") }], exports: [] };
  },
};`,
    "none.mjs": "export const nothing = 1;\n",
    "throws.mjs": 'export default { name: "bad", emit() { throw new Error("no luck"); } };\n',
  });
  temps.push(dir);

  it("replaces our docs with the user's template, which sees the model and the previous outputs", async () => {
    const r = await generate({ inputs: [schemas], docsTemplate: "./mine.mjs", cwd: dir });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(pages(r.files)).toEqual(["docs/index.md"]);
    expect(r.files["docs/index.md"]).toContain("AdminRespondToAuthChallengeRequest\n");
    expect(r.files["docs/index.md"]).toContain("with validators");
  });

  it.each([
    ["a module that exports no template", "./none.mjs", "exports no Template"],
    ["a module that cannot be loaded", "./missing.mjs", "cannot load it"],
    ["a template that throws", "./throws.mjs", "failed: no luck"],
  ])("reports %s as an error and writes nothing", async (_name, spec, message) => {
    const r = await generate({ inputs: [schemas], docsTemplate: spec, cwd: dir, out: "out" });
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => d.code)).toEqual(["docs-template-invalid"]);
    expect(errors[0]!.message).toContain(message);
    expect(r.written).toBe(false);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("is a CLI flag, as are --docs-types and --emit docs", () => {
    const cli = join(projectRoot, "dist", "src", "cli", "main.js");
    const out = join(dir, "cli-out");
    const run = spawnSync(process.execPath, [cli, "generate", schemas, "--out", out, "--emit", "docs", "--docs-types", "ChallengeNameType,AuthFlowType"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(out, "docs", "README.md"), "utf8")).toContain("2 types of 27");
    const mine = spawnSync(process.execPath, [cli, "generate", schemas, "--out", join(dir, "cli-mine"), "--docs-template", "./mine.mjs"], { encoding: "utf8", cwd: dir });
    expect(mine.status, mine.stderr).toBe(0);
    expect(existsSync(join(dir, "cli-mine", "docs", "index.md"))).toBe(true);
  });
});
