/**
 * ts-morph (with the TypeScript compiler it bundles) is compiled through V8's code cache kept in
 * node_modules/.cache/schemaforge (src/emit/code-cache.ts). Whatever the cache holds — nothing, a good one, a
 * damaged one — the printer prints the same text, and a cache V8 rejects is made anew. Each case runs in a fresh
 * process: a process loads ts-morph once.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const tsMorphFile = createRequire(import.meta.url).resolve("ts-morph");
const cacheDir = join(tsMorphFile.slice(0, tsMorphFile.lastIndexOf("/node_modules/") + "/node_modules/".length), ".cache", "schemaforge", `${process.version}-${process.arch}`);

// The built module (npm test builds first), run as a user's process would.
const PRINT = `
import { printStructure, StructureKind } from ${JSON.stringify(join(root, "dist/src/emit/ts-morph.js"))};
process.stdout.write(printStructure({ kind: StructureKind.SourceFile, statements: [
  { kind: StructureKind.Interface, name: "A", isExported: true, properties: [{ name: "b", type: "string", hasQuestionToken: true }] },
] }, { indentNumberOfSpaces: 2, newLine: "\\n", useTabs: false }));
`;
const EXPECTED = "export interface A {\n  b?: string;\n}\n";

function print(env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, ["--input-type=module", "-e", PRINT], { env: { ...process.env, ...env }, encoding: "utf8" });
}

const cacheFiles = (): string[] => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.endsWith(".v8")).sort() : []);

describe("the code cache for ts-morph", () => {
  it("is made on first use, one file for each of ts-morph's three files, and gives the same text", () => {
    rmSync(cacheDir, { recursive: true, force: true });
    expect(print()).toBe(EXPECTED);
    expect(cacheFiles().map((f) => f.replace(/-\d+-\d+\.v8$/, ""))).toEqual(["ts-morph-common.js", "ts-morph.js", "typescript.js"]);
    expect(print()).toBe(EXPECTED);
  });

  it("a damaged cache is rejected by V8 and made anew; the text is the same", () => {
    print();
    const damaged = Buffer.from("not a V8 code cache, just bytes");
    for (const f of cacheFiles()) writeFileSync(join(cacheDir, f), damaged);
    expect(print()).toBe(EXPECTED);
    for (const f of cacheFiles()) expect(readFileSync(join(cacheDir, f)).equals(damaged)).toBe(false);
  });

  it("SCHEMAFORGE_CODE_CACHE=0 neither reads nor writes it", () => {
    rmSync(cacheDir, { recursive: true, force: true });
    expect(print({ SCHEMAFORGE_CODE_CACHE: "0" })).toBe(EXPECTED);
    expect(cacheFiles()).toEqual([]);
  });
});
