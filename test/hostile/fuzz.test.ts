/**
 * Property-based fuzzing of the whole generator (fast-check): random schemas — well-formed ones from the
 * differential test's arbitrary with hostile text sprinkled in, and wild ones with keywords of the wrong type,
 * cyclic and dangling `$ref`s, `../` and `http://` refs, invalid patterns and hostile names — and random data.
 *
 * For every schema, `generate()` must either
 *  - report errors, each located (a file, and a JSON pointer or a line), and write nothing; or
 *  - give a package whose file paths stay inside the output folder, that compiles under `tsc --strict` (all
 *    schemas in ONE program), loads without running code from the schema, and whose validators never throw on
 *    the data (random JSON, prototype-polluting objects, deep nesting).
 * It must never throw, and never hang (vitest's timeout).
 *
 * Cases are (schema, data value) pairs: FUZZ_RUNS (default 2,000) = FUZZ_RUNS / 4 schemas × 4 data values.
 * Schemas are generated in batches (one namespace per schema, one generate() per batch, bisected on errors), as
 * the differential test does. FUZZ_SEED (default fixed, printed) reproduces a run; FUZZ_KEEP=1 keeps the folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, normalize, sep } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../src/index.js";
import { typeCheckDir } from "../helpers/tsc.js";
import { DIALECT_URI, obj, schemaDocument, type Json, type JsonObject } from "../differential/arbitraries.js";
import { BREAKOUTS } from "./cases.js";

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 0x7a11ed;
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 2000;
const DATA_PER_SCHEMA = 4;
const SCHEMAS = Math.max(1, Math.ceil(RUNS / DATA_PER_SCHEMA));
const BATCH = 50;

const HOSTILE_TEXT = fc.oneof(fc.constantFrom(...BREAKOUTS, "__proto__", "constructor", "prototype", "", " ", "0", "\u2028"), fc.string({ maxLength: 12 }));
const NAMES = fc.oneof(fc.constantFrom("a", "b", "__proto__", "constructor", "prototype", "toString", "*/", "${x}", "`", "a-b", "", "0", "é", "\u2029"), fc.string({ maxLength: 6 }));
const REFS = fc.constantFrom("#", "#/$defs/A", "#/$defs/B", "#/$defs/missing", "#/properties/a", "#/components/schemas/A", "../../../../etc/passwd", "file:///etc/passwd", "http://127.0.0.1:9/x.json", "other.json", "#foo", "%", "#/$defs/A/allOf/0");
const PATTERN_TEXT = fc.oneof(fc.constantFrom("^a+$", "(", "[", "(?<x>a)\\k<x>", "^(a+)+$", "\\p{L}", "\\", "a{2,1}", "(?<=a)b", "*/", "${x}"), fc.string({ maxLength: 6 }));
const TYPES = fc.constantFrom("string", "number", "integer", "boolean", "object", "array", "null", "any", "");

/** A schema node with keywords of any type (wrong ones too). */
const wild: fc.Arbitrary<Json> = fc.letrec<{ node: Json }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<Json>(true, false, {}),
    fc
      .record(
        {
          type: fc.oneof(TYPES, fc.array(TYPES, { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>),
          title: HOSTILE_TEXT,
          description: HOSTILE_TEXT,
          default: fc.oneof(HOSTILE_TEXT, fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>),
          examples: fc.array(HOSTILE_TEXT, { maxLength: 2 }),
          enum: fc.oneof(fc.array(fc.oneof(HOSTILE_TEXT, fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>), { maxLength: 4 }), fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>),
          const: fc.oneof(HOSTILE_TEXT, fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>),
          pattern: fc.oneof(PATTERN_TEXT, fc.integer()),
          $ref: fc.oneof(REFS, fc.integer()),
          properties: fc.oneof(fc.dictionary(NAMES, tie("node"), { maxKeys: 3 }).map((d) => obj(Object.entries(d))), fc.array(tie("node"), { maxLength: 1 })),
          patternProperties: fc.dictionary(PATTERN_TEXT, tie("node"), { maxKeys: 2 }).map((d) => obj(Object.entries(d))),
          additionalProperties: tie("node"),
          required: fc.oneof(fc.array(NAMES, { maxLength: 3 }), HOSTILE_TEXT),
          items: fc.oneof(tie("node"), fc.array(tie("node"), { maxLength: 2 })),
          prefixItems: fc.array(tie("node"), { maxLength: 2 }),
          allOf: fc.oneof(fc.array(tie("node"), { maxLength: 2 }), tie("node")),
          anyOf: fc.array(tie("node"), { maxLength: 2 }),
          oneOf: fc.array(tie("node"), { maxLength: 2 }),
          not: tie("node"),
          minimum: fc.oneof(fc.double(), fc.integer(), HOSTILE_TEXT),
          maxLength: fc.oneof(fc.nat({ max: 10 }), fc.integer(), HOSTILE_TEXT),
          multipleOf: fc.oneof(fc.double({ min: 0.0001, max: 100, noNaN: true }), fc.integer()),
          format: fc.constantFrom("date-time", "email", "uri", "regex", "*/", "__proto__"),
          $id: fc.constantFrom("https://example.com/x", "#", "../up", "urn:x", "*/"),
          nullable: fc.boolean(),
        },
        { requiredKeys: [] },
      )
      .map((r) => obj(Object.entries(r) as [string, Json][])),
  ),
})).node;

const wildDocument: fc.Arbitrary<JsonObject> = fc
  .tuple(wild, fc.dictionary(fc.constantFrom("A", "B", "__proto__", "*/"), wild, { maxKeys: 3 }), fc.constantFrom(...Object.values(DIALECT_URI), "https://unknown.example/schema", undefined))
  .map(([root, defs, dialect]) => {
    const base = root !== null && typeof root === "object" && !Array.isArray(root) ? Object.entries(root) : [];
    const entries: [string, Json][] = [...base];
    if (dialect) entries.unshift(["$schema", dialect]);
    if (Object.keys(defs).length > 0) entries.push(["$defs", obj(Object.entries(defs))]);
    return obj(entries);
  });

/** A well-formed schema with hostile annotations added to the root. */
const tidyDocument: fc.Arbitrary<JsonObject> = fc
  .tuple(fc.constantFrom("2020-12", "draft-07") as fc.Arbitrary<"2020-12" | "draft-07">, HOSTILE_TEXT, HOSTILE_TEXT)
  .chain(([dialect, title, description]) => schemaDocument(dialect, 3).map((s) => obj([...Object.entries(s), ["title", title], ["description", description]])));

const anyDocument = fc.oneof(wildDocument, tidyDocument);

const hostileData: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(
    JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
    JSON.parse('{"a": {"__proto__": null}, "toString": 1}'),
    nest(3000),
    "a".repeat(100_000),
    [1, "a", null, {}, []],
    -0,
    1e308,
    "\ud800",
  ),
);

function nest(depth: number): unknown {
  let v: unknown = "leaf";
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
}

const work = mkdtempSync(join(tmpdir(), "sf-fuzz-"));
afterAll(() => {
  if (process.env.FUZZ_KEEP) console.log(`fuzz: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
});

interface Outcome {
  folder: string;
  schema: JsonObject;
  result?: GenerateResult;
  threw?: string;
}

/** Generates `folders` together; an error anywhere splits the batch until each error sits with its own schema. */
async function build(folders: string[], schemas: Map<string, JsonObject>, out: Outcome[], packages: { dir: string; folders: string[]; result: GenerateResult }[]): Promise<void> {
  if (folders.length === 0) return;
  let result: GenerateResult;
  try {
    result = await generate({ inputs: folders.map((f) => join(work, "in", f)), namespaceBy: "folder", packageName: "fuzz", cwd: work });
  } catch (e) {
    if (folders.length === 1) {
      out.push({ folder: folders[0]!, schema: schemas.get(folders[0]!)!, threw: (e as Error).stack ?? String(e) });
      return;
    }
    const half = Math.ceil(folders.length / 2);
    await build(folders.slice(0, half), schemas, out, packages);
    await build(folders.slice(half), schemas, out, packages);
    return;
  }
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0 && folders.length > 1) {
    const culprits = new Set(folders.filter((f) => errors.some((d) => d.uri?.startsWith(join(work, "in", f) + sep))));
    if (culprits.size === 0) {
      for (const f of folders) await build([f], schemas, out, packages);
      return;
    }
    for (const f of culprits) await build([f], schemas, out, packages);
    await build(folders.filter((f) => !culprits.has(f)), schemas, out, packages);
    return;
  }
  for (const f of folders) out.push({ folder: f, schema: schemas.get(f)!, result });
  if (errors.length === 0) {
    const dir = join(work, `pkg${packages.length}`);
    for (const [path, contents] of Object.entries(result.files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), contents);
    }
    packages.push({ dir, folders, result });
  }
}

describe(`fuzz: ${SCHEMAS} random schemas × ${DATA_PER_SCHEMA} data values (FUZZ_RUNS=${RUNS}, FUZZ_SEED=${SEED})`, () => {
  const outcomes: Outcome[] = [];
  const packages: { dir: string; folders: string[]; result: GenerateResult }[] = [];

  it("generate() never throws; errors are located and write nothing; file paths stay inside the output", async () => {
    const docs = fc.sample(anyDocument, { numRuns: SCHEMAS, seed: SEED });
    const schemas = new Map<string, JsonObject>();
    docs.forEach((doc, i) => {
      const folder = `f${i}`;
      schemas.set(folder, doc);
      mkdirSync(join(work, "in", folder), { recursive: true });
      writeFileSync(join(work, "in", folder, "schema.json"), JSON.stringify(doc, null, 1));
    });
    const folders = [...schemas.keys()];
    for (let i = 0; i < folders.length; i += BATCH) await build(folders.slice(i, i + BATCH), schemas, outcomes, packages);

    const threw = outcomes.filter((o) => o.threw);
    expect(threw.map((o) => `${o.folder}: ${JSON.stringify(o.schema)}\n${o.threw}`).slice(0, 3)).toEqual([]);
    for (const o of outcomes) {
      const r = o.result!;
      for (const d of r.diagnostics) {
        const located = d.uri !== undefined && (d.pointer !== undefined || d.line !== undefined);
        expect(located || d.code === "read-failed", `${o.folder}: unlocated ${d.severity} ${d.code}: ${d.message}\n${JSON.stringify(o.schema)}`).toBe(true);
        expect(d.message, "a stack trace in a diagnostic").not.toMatch(/\n\s+at /);
      }
      if (r.diagnostics.some((d) => d.severity === "error")) {
        expect(r.files).toEqual({});
        expect(r.written).toBe(false);
      }
      for (const path of Object.keys(r.files)) {
        expect(isAbsolute(path) || normalize(path).startsWith("..") || path.includes("\\"), `file path ${path}`).toBe(false);
      }
    }
    const ok = outcomes.filter((o) => !o.result!.diagnostics.some((d) => d.severity === "error")).length;
    console.log(`fuzz: ${outcomes.length} schemas: ${ok} generated, ${outcomes.length - ok} refused with located errors; ${packages.length} packages`);
    expect(outcomes.length).toBe(SCHEMAS);
  }, 600_000);

  it("every generated package compiles under tsc --strict (one program)", () => {
    const roots = packages.map((p) => join(p.dir, "index.d.ts"));
    expect(typeCheckDir(work, roots).slice(0, 10)).toEqual([]);
  }, 600_000);

  it("the validators load without side effects and never throw on the data", async () => {
    const data = fc.sample(hostileData, { numRuns: SCHEMAS * DATA_PER_SCHEMA, seed: SEED + 1 });
    let calls = 0;
    const failures: string[] = [];
    for (const p of packages) {
      for (const folder of p.folders) {
        const mod = (await import(pathToFileURL(join(p.dir, `${folder}.js`)).href)) as Record<string, unknown>;
        expect((globalThis as { PWNED?: unknown }).PWNED).toBeUndefined();
        const validators = Object.entries(mod).filter(([k, v]) => k.startsWith("validate") && typeof v === "function");
        const index = Number(folder.slice(1));
        for (let j = 0; j < DATA_PER_SCHEMA; j++) {
          const value = data[index * DATA_PER_SCHEMA + j];
          for (const [name, fn] of validators) {
            calls++;
            try {
              const r = (fn as (v: unknown) => { valid: boolean; errors?: unknown[] })(value);
              if (typeof r.valid !== "boolean" || (!r.valid && !Array.isArray(r.errors))) failures.push(`${folder} ${name}: malformed result`);
            } catch (e) {
              failures.push(`${folder} ${name} threw ${(e as Error).message} on ${JSON.stringify(value)?.slice(0, 200)}\nschema: ${JSON.stringify(p.result.files ? undefined : null)}`);
            }
          }
        }
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    console.log(`fuzz: ${calls} validator calls`);
    expect(failures.slice(0, 5)).toEqual([]);
  }, 600_000);
});
