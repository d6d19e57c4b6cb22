/**
 * `--patterns linear` through the generated package as a user gets it: patterns run on the linear-time engine
 * (hostile strings do not hang), patterns it cannot run fall back to the native RegExp with a located
 * `pattern-not-linear` warning and still validate, `pattern-backtracking` is left to the patterns still at risk,
 * and the option is a flag, a config key and an API option. The default (`native`) output carries no trace of it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline.js";
import { buildPackage } from "../helpers/package.js";
import { run, scratch } from "../helpers/cli.js";
import { projectRoot } from "../helpers/shared.js";
import { removeTemp, typeCheck, writeTemp } from "../helpers/tsc.js";

const tempDir = scratch("sf-patterns-");
const S2020 = "https://json-schema.org/draft/2020-12/schema";
const json = (v: unknown) => JSON.stringify(v, null, 2) + "\n";

/** The one namespace's validator module of a package (`validators/<namespace>.js` or `.ts`). */
function validators(files: Record<string, string>): string {
  const found = Object.keys(files).filter((p) => /^validators\/.*\.(js|ts)$/.test(p) && !/\/(runtime|formats)\.|\.d\.ts$/.test(p));
  expect(found).toHaveLength(1);
  return files[found[0]!]!;
}

describe("--patterns linear", () => {
  it("a catastrophic-backtracking pattern is run in linear time: ^(a+)+$ on 50,000 a's and a '!' is invalid", async () => {
    const pkg = await buildPackage({ "redos.json": json({ $schema: S2020, title: "Redos", type: "string", pattern: "^(a+)+$" }) }, { patterns: "linear" });
    try {
      // Under the native RegExp this call does not return (exponential backtracking).
      const hostile = "a".repeat(50_000) + "!";
      expect(pkg.validate("Redos", hostile)).toBe(false);
      expect((pkg.module.isRedos as (v: unknown) => boolean)(hostile)).toBe(false);
      expect(pkg.validate("Redos", "a".repeat(50_000))).toBe(true);
      expect((pkg.module.validateRedos as (v: unknown) => unknown)("ab")).toMatchObject({ valid: false, errors: [{ keyword: "pattern", params: { pattern: "^(a+)+$" } }] });
      // Compiled linearly, the pattern is no longer a backtracking risk: no warning.
      expect(pkg.result.diagnostics).toEqual([]);
      expect(validators(pkg.result.files)).toMatch(/const re\d+ = R_linear\(\[[\d, ]+\], \[\]\);/);
      expect(pkg.result.files["validators/runtime.js"]).toContain("export function linear(");
    } finally {
      pkg.dispose();
    }
  });

  it("patternProperties and additionalProperties use the engine too, with u-flag classes (astral letters, \\p{…})", async () => {
    const schema = {
      $schema: S2020,
      title: "Tags",
      type: "object",
      properties: { id: { type: "string", pattern: "^[^\\s]{2}$" } },
      patternProperties: { "^x-\\p{L}+$": { type: "string" }, "^\\d+$": { type: "number" } },
      additionalProperties: false,
    };
    const pkg = await buildPackage({ "tags.json": json(schema) }, { patterns: "linear" });
    try {
      expect(validators(pkg.result.files)).not.toContain("new RegExp");
      expect(pkg.validate("Tags", { id: "😀é", "x-été": "a", "x-𝒜": "b", "12": 3 })).toBe(true);
      expect(pkg.validate("Tags", { id: "😀" })).toBe(false);
      expect(pkg.validate("Tags", { "x-é1": "a" })).toBe(false);
      expect(pkg.validate("Tags", { "12": "three" })).toBe(false);
      expect(pkg.validate("Tags", { other: 1 })).toBe(false);
    } finally {
      pkg.dispose();
    }
  });

  it("hostile text in a pattern's character sets stays data: quotes, backticks, ${, U+2028, </script>, */", async () => {
    const pattern = "^[\"'`$\\{\\}\u2028<>/*]+</script>[*/]{2}$";
    const pkg = await buildPackage({ "text.json": json({ $schema: S2020, title: "Text", type: "string", pattern }) }, { patterns: "linear" });
    try {
      expect(validators(pkg.result.files)).toContain("R_linear(");
      expect((globalThis as { PWNED?: unknown }).PWNED).toBeUndefined();
      for (const s of ["\"'`${}\u2028</script>*/", "<</script>//", "a</script>*/", "</script>*/"]) expect(pkg.validate("Text", s), s).toBe(new RegExp(pattern, "u").test(s));
    } finally {
      pkg.dispose();
    }
  });

  it("a backreference: a located pattern-not-linear warning, the native RegExp, and still correct", async () => {
    const files = { "twice.json": '{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "title": "Twice",\n  "type": "string",\n  "pattern": "^(a)\\\\1$"\n}\n' };
    const pkg = await buildPackage(files, { patterns: "linear" });
    try {
      const d = pkg.result.diagnostics;
      expect(d.map((x) => x.code)).toEqual(["pattern-not-linear"]);
      expect(d[0]).toMatchObject({ severity: "warning", pointer: "/pattern", line: 5, column: 3 });
      expect(d[0]!.uri).toMatch(/twice\.json$/);
      expect(d[0]!.message).toContain('"^(a)\\\\1$"');
      expect(d[0]!.message).toContain("a backreference (\\1)");
      expect(d[0]!.hint).toMatch(/backtracking RegExp/);
      expect(validators(pkg.result.files)).toContain('new RegExp("^(a)\\\\1$", "u")');
      expect(pkg.validate("Twice", "aa")).toBe(true);
      expect(pkg.validate("Twice", "ab")).toBe(false);
      // No module uses the engine: the run time does not carry it.
      expect(pkg.result.files["validators/runtime.js"]).not.toContain("function linear(");
    } finally {
      pkg.dispose();
    }
  });

  it("a fallback pattern still at risk keeps its pattern-backtracking warning; legacy syntax falls back too", async () => {
    const schema = { $schema: S2020, type: "object", properties: { a: { type: "string", pattern: "^(a+)+(?=b)" }, b: { type: "string", pattern: "^\\-$" }, c: { type: "string", pattern: "^(a+)+$" } } };
    const dir = writeTemp({ "mixed.json": json(schema) }, "sf-patterns-");
    try {
      const r = await generate({ inputs: [dir], emit: ["validators"], patterns: "linear" });
      const got = r.diagnostics.map((d) => [d.code, d.pointer]);
      expect(got).toEqual(
        expect.arrayContaining([
          ["pattern-not-linear", "/properties/a/pattern"],
          ["pattern-backtracking", "/properties/a/pattern"],
          ["pattern-not-unicode", "/properties/b/pattern"],
          ["pattern-not-linear", "/properties/b/pattern"],
        ]),
      );
      expect(got).toHaveLength(4);
      expect(r.diagnostics.find((d) => d.code === "pattern-not-linear" && d.pointer === "/properties/b/pattern")!.message).toContain("legacy (non-Unicode) syntax");
      // Native mode: the nested patterns warn, nothing says "not linear".
      const native = await generate({ inputs: [dir], emit: ["validators"] });
      expect(native.diagnostics.map((d) => d.code).sort()).toEqual(["pattern-backtracking", "pattern-backtracking", "pattern-not-unicode"]);
    } finally {
      removeTemp(dir);
    }
  });

  it("--format ts: the typed validators compile under --strict", async () => {
    const dir = writeTemp({ "t.json": json({ $schema: S2020, title: "T", type: "string", pattern: "^\\p{Lu}\\w*$" }) }, "sf-patterns-");
    try {
      const r = await generate({ inputs: [dir], format: "ts", patterns: "linear" });
      expect(validators(r.files)).toContain("R_linear(");
      expect(typeCheck({ ...r.files, "package.json": '{ "type": "module" }' })).toEqual([]);
    } finally {
      removeTemp(dir);
    }
  });

  it("the default output does not change: native RegExp, no engine in the run time", async () => {
    const r = await generate({ inputs: [join(projectRoot, "schemas")], emit: ["validators"] });
    expect(r.files["validators/runtime.js"]).not.toContain("function linear(");
    expect(validators(r.files)).not.toContain("R_linear");
    expect(validators(r.files)).toContain("new RegExp(");
  });

  it("is a CLI flag and a config key (checked against its choices), listed in --help", () => {
    const schema = json({ $schema: S2020, title: "P", type: "string", pattern: "^a+$" });
    const dir = tempDir({ "schemas/p.json": schema });
    expect(run(["generate", "schemas", "--out", "flag", "--patterns", "linear"], dir).code).toBe(0);
    expect(readFileSync(join(dir, "flag", "validators", "schemas.js"), "utf8")).toContain("R_linear(");

    const withConfig = tempDir({ "schemas/p.json": schema, "schemaforge.config.json": '{ "inputs": ["schemas"], "out": "cfg", "patterns": "linear" }\n' });
    expect(run(["generate"], withConfig).code).toBe(0);
    expect(readFileSync(join(withConfig, "cfg", "validators", "schemas.js"), "utf8")).toContain("R_linear(");

    const typo = tempDir({ "schemas/p.json": schema, "schemaforge.config.json": '{\n  "inputs": ["schemas"],\n  "patterns": "lineer"\n}\n' });
    const bad = run(["generate"], typo);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"patterns": "lineer" is not allowed (one of "native", "linear"); did you mean "linear"?');

    expect(run(["generate", "--patterns", "fast"], dir).code).toBe(2);
    expect(run(["generate", "--help"]).stdout).toMatch(/--patterns\s+how validators run pattern/);
  });
});
