/**
 * Golden cases per keyword for the TYPES: each folder holds `schema.json` (one keyword, or a few that work
 * together), `expected.d.ts` (the generated types module, reviewed by hand: `npx vitest run test/golden-types -u`,
 * then read the diff — it is the spec) and `values.json`:
 * - `valid`: instances the schema accepts (checked with ajv), which must type-check against the root type;
 * - `invalid`: instances the schema rejects, which the type must reject too;
 * - `admittedThoughInvalid`: instances the schema rejects but TypeScript cannot (where the type is wider than
 *   the schema, as its JSDoc says).
 * Instances are checked through a generic constraint, as tools/soundness does (no excess-property check on
 * fresh literals). Everything compiles under --strict in one program.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../src/pipeline.js";
import { tsLiteral } from "../../tools/soundness/measure.js";
import { projectRoot } from "../helpers/shared.js";
import { removeTemp, typeCheck, writeTemp } from "../helpers/tsc.js";

interface Values {
  valid: unknown[];
  invalid: unknown[];
  admittedThoughInvalid?: unknown[];
}

const dir = join(projectRoot, "test", "golden-types");
const cases = readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const read = (name: string, file: string): unknown => JSON.parse(readFileSync(join(dir, name, file), "utf8"));
const ajvOptions = { strict: false, validateFormats: false, ownProperties: true };
const ajvFor = (schema: { $schema?: string }) => (schema.$schema?.includes("2020-12") ? new Ajv2020(ajvOptions) : new Ajv(ajvOptions));

const results = new Map<string, GenerateResult>();
/** `<case>/check.ts` line → diagnostics on it. */
const diagnostics = new Map<string, string[]>();
const lines = new Map<string, { kind: keyof Values; index: number; line: number }[]>();

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (const name of cases) {
    const input = writeTemp({ "schema.json": readFileSync(join(dir, name, "schema.json"), "utf8") }, "sf-golden-types-");
    try {
      const r = await generate({ inputs: [input], emit: ["types"], namespaceBy: "none", packageName: `golden-${name}` });
      results.set(name, r);
      for (const [p, c] of Object.entries(r.files)) files[`${name}/${p}`] = c;
      const root = r.types.find((t) => t.source.pointer === "")!;
      const values = read(name, "values.json") as Values;
      const check = [`import type { ${root.name} as Root } from "./index.js";`, "declare function accept<T>(): <const V extends T>(v: V) => void;"];
      const at: { kind: keyof Values; index: number; line: number }[] = [];
      for (const kind of ["valid", "invalid", "admittedThoughInvalid"] as const) {
        (values[kind] ?? []).forEach((v, index) => {
          check.push(`accept<Root>()(${tsLiteral(v)});`);
          at.push({ kind, index, line: check.length });
        });
      }
      files[`${name}/check.ts`] = check.join("\n") + "\nexport {};\n";
      lines.set(name, at);
    } finally {
      removeTemp(input);
    }
  }
  for (const d of typeCheck(files)) {
    const m = /^(?:.*[\\/])?([^\\/]+)[\\/]check\.ts\((\d+),\d+\): /.exec(d);
    const key = m ? `${m[1]}:${m[2]}` : "elsewhere";
    diagnostics.set(key, [...(diagnostics.get(key) ?? []), d]);
  }
});

describe.each(cases)("types golden %s", (name) => {
  it("generates expected.d.ts without errors, and it compiles under --strict", async () => {
    const r = results.get(name)!;
    expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    const dts = Object.entries(r.files).find(([p]) => p.startsWith("types/") && p.endsWith(".d.ts"))![1];
    await expect(dts).toMatchFileSnapshot(join(dir, name, "expected.d.ts"));
    expect((diagnostics.get("elsewhere") ?? []).filter((d) => d.includes(`${name}/`))).toEqual([]);
  });

  it("the sample values mean what values.json says (ajv, the schema's dialect)", () => {
    const schema = read(name, "schema.json") as { $schema?: string };
    const validate = ajvFor(schema).compile(schema);
    const values = read(name, "values.json") as Values;
    expect(values.valid.filter((v) => !validate(v))).toEqual([]);
    expect([...values.invalid, ...(values.admittedThoughInvalid ?? [])].filter((v) => validate(v))).toEqual([]);
  });

  it("every valid value type-checks; every invalid one is rejected, except those listed as admitted", () => {
    const outcome = (kind: keyof Values) =>
      lines
        .get(name)!
        .filter((l) => l.kind === kind)
        .map((l) => (diagnostics.has(`${name}:${l.line}`) ? "rejected" : "accepted"));
    const values = read(name, "values.json") as Values;
    expect(outcome("valid"), diagnostics.get(name)?.join("\n")).toEqual(values.valid.map(() => "accepted"));
    expect(outcome("invalid")).toEqual(values.invalid.map(() => "rejected"));
    expect(outcome("admittedThoughInvalid")).toEqual((values.admittedThoughInvalid ?? []).map(() => "accepted"));
  });
});
