/**
 * The diagnostics catalog and the keyword registry, checked as code (ts-morph's `ensure*` scripts, as tests):
 * every diagnostic code is produced by some test, the rarer ones right here; every keyword file is registered.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codes } from "../../../src/diagnostics/codes.js";
import { generate } from "../../../src/pipeline.js";
import { projectRoot } from "../../helpers/shared.js";
import { removeTemp, writeTemp } from "../../helpers/tsc.js";
import { KEYWORDS } from "../../../templates/validators/keywords/index.js";

async function diagnosticsOf(files: Record<string, string>, options: { emit?: ("types" | "validators")[] } = {}) {
  const dir = writeTemp(files, "sf-catalog-");
  try {
    return (await generate({ inputs: [dir], ...options })).diagnostics;
  } finally {
    removeTemp(dir);
  }
}

describe("rarer diagnostics", () => {
  it("input-empty: no inputs at all", async () => {
    const r = await generate({ inputs: [] });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["input-empty"]);
  });

  it("ref-invalid: a $ref that is not a URI reference, located", async () => {
    const d = await diagnosticsOf({ "a.json": '{\n  "$ref": "http://[::1"\n}\n' });
    expect(d.find((x) => x.code === "ref-invalid")).toMatchObject({ severity: "error", pointer: "/$ref", line: 2, column: 3 });
  });

  it("id-duplicate: two documents declaring one $id (the first read is used)", async () => {
    const schema = '{ "$id": "https://example.test/same.json", "type": "string" }';
    const d = await diagnosticsOf({ "a.json": schema, "b.json": schema });
    expect(d.filter((x) => x.code === "id-duplicate")).toHaveLength(1);
    expect(d.find((x) => x.code === "id-duplicate")!.severity).toBe("warning");
  });

  it("pattern-invalid: a pattern no JavaScript mode compiles is an error, and nothing is written", async () => {
    const d = await diagnosticsOf({ "a.json": '{\n  "type": "string",\n  "pattern": "[a-"\n}\n' }, { emit: ["validators"] });
    expect(d.find((x) => x.code === "pattern-invalid")).toMatchObject({ severity: "error", pointer: "/pattern", line: 3, column: 3 });
  });

  it("pattern-not-unicode: a pattern that needs legacy syntax is checked without the u flag, with a warning", async () => {
    const dir = writeTemp({ "a.json": '{ "type": "string", "pattern": "^\\\\-{2}$" }' }, "sf-catalog-");
    try {
      const r = await generate({ inputs: [dir], emit: ["validators"] });
      expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([["pattern-not-unicode", "warning"]]);
      expect(r.files["validators/a.js"] ?? Object.entries(r.files).find(([p]) => p.startsWith("validators/") && p.endsWith(".js") && !/runtime|formats/.test(p))![1]).toContain('new RegExp("^\\\\-{2}$", "")');
    } finally {
      removeTemp(dir);
    }
  });

  it("keyword-unknown: one warning per unknown keyword name for the whole run, at its first use, listing the others", async () => {
    const a = '{\n  "type": "object",\n  "properties": {\n    "n": { "type": "string", "maxLenght": 3 },\n    "m": { "maxLenght": 4, "colour": "red" }\n  }\n}\n';
    const b = '{ "type": "array", "items": { "maxLenght": 5, "x-note": "an extension" }, "not": { "maxLenght": 0 } }';
    const d = await diagnosticsOf({ "a.json": a, "b.json": b });
    const unknown = d.filter((x) => x.code === "keyword-unknown");
    expect(unknown.map((x) => [x.severity, x.message.split(":")[0]])).toEqual([
      ["warning", '"maxLenght" is not a JSON Schema keyword'],
      ["warning", '"colour" is not a JSON Schema keyword'],
    ]);
    const maxLenght = unknown[0]!;
    expect(maxLenght).toMatchObject({ pointer: "/properties/n/maxLenght", line: 4, column: 30 });
    expect(maxLenght.uri).toMatch(/a\.json$/);
    expect(maxLenght.message).toMatch(/\(4 uses; also at .*a\.json#\/properties\/m\/maxLenght, .*b\.json#\/not\/maxLenght, .*b\.json#\/items\/maxLenght\)$/);
    expect(maxLenght.hint).toMatch(/x-/);
  });
});

describe("invariants", () => {
  it("every diagnostic code in the catalog is produced by some test", () => {
    const testFiles: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory() && e.name !== "expected") walk(join(dir, e.name));
        else if (e.name.endsWith(".ts")) testFiles.push(readFileSync(join(dir, e.name), "utf8"));
      }
    };
    walk(join(projectRoot, "test"));
    const text = testFiles.join("\n");
    const untested = Object.keys(codes).filter((c) => !text.includes(`"${c}"`) && !text.includes(`${c}:`) && !text.includes(` ${c} `));
    expect(untested).toEqual([]);
  });

  it("every keyword file of the validators is registered", () => {
    const dir = join(projectRoot, "templates", "validators", "keywords");
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.startsWith("_") && f !== "index.ts");
    const registered = new Set(KEYWORDS.map((k) => k.keyword));
    for (const f of files) {
      const source = readFileSync(join(dir, f), "utf8");
      for (const m of source.matchAll(/keyword: "([^"]+)"/g)) expect(registered, `${f} declares ${m[1]}`).toContain(m[1]);
    }
  });
});
