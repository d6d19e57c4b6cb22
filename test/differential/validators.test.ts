/**
 * Property-based differential test of the generated validators against two reference implementations, ajv 8 and
 * @hyperjump/json-schema.
 *
 * N random schemas (2020-12 and draft-07, see arbitraries.ts) are sampled from a seeded arbitrary and turned into
 * ONE generated package (one folder, namespace and entry module per schema: one `generate()` + imports instead of
 * one per fast-check run). Then, per schema, data biased towards that schema is sampled and every (schema, data)
 * pair goes through our `is<Root>`, `validate<Root>` and `validate<Root>(…, { allErrors: true })`, ajv and
 * hyperjump:
 *
 * - `is` and both `validate`s must agree with each other, and must not throw;
 * - where ajv and hyperjump agree, we must agree with them;
 * - where they disagree, the pair is recorded by kind (see ORACLE_GAPS) and not judged;
 * - an invalid result's errors must be well-formed: `instancePath` a JSON pointer that resolves into the data,
 *   `schemaPath` starting with "#", a `keyword` and a `message`.
 *
 * A schema with a failing pair is run again as a fast-check property with the same seed, so the printed
 * counterexample is shrunk. Bugs already analysed are in KNOWN_BUGS: excluded from the property (by their
 * `covers` predicate) and asserted on their own with `it.fails`, so they stay visible until fixed.
 *
 * Env: DIFF_RUNS (pairs, default 2000, 10 data per schema), DIFF_SEED (default fixed), DIFF_KEEP=1 keeps the
 * temp folder (schemas in `in/s<i>/schema.json`, the package in `pkg0/`).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataFor, isObject, obj, schemaDocument, type Dialect, type Json, type JsonObject } from "./arbitraries.js";
import { buildPackage, type Built, type BuildReport } from "./harness.js";
import { ajvOracle, hyperjumpOracle, type Oracle, type Verdict } from "./oracles.js";

const SEED = process.env.DIFF_SEED ? Number(process.env.DIFF_SEED) : 0x5f0f6e;
const RUNS = process.env.DIFF_RUNS ? Number(process.env.DIFF_RUNS) : 2000;
const DATA_PER_SCHEMA = 10;
const SCHEMAS = Math.max(1, Math.ceil(RUNS / DATA_PER_SCHEMA));

// ---------------------------------------------------------------------------------------------------------------
// Known bugs: counterexamples where we differ from both oracles and the oracles are right per the spec

interface KnownBug {
  id: string;
  schema: JsonObject;
  data: Json;
  /** The verdict the spec (and both oracles) give. */
  expected: boolean;
  analysis: string;
  /** The class of (schema, data) pairs this bug explains: excluded from the property. */
  covers: (schema: JsonObject, data: Json) => boolean;
}

export const KNOWN_BUGS: KnownBug[] = [];

// ---------------------------------------------------------------------------------------------------------------
// Disagreements between the oracles, by kind (documented in the report printed at the end)

interface Disagreement {
  schema: string;
  data: Json;
  ours: boolean;
  ajv: Verdict;
  hyperjump: Verdict;
}

/** Known gaps of one oracle; the first whose test matches names the kind of a disagreement. */
const ORACLE_GAPS: { kind: string; test: (d: { schema: JsonObject; data: Json; ajv: Verdict; hyperjump: Verdict }) => boolean }[] = [];

function classify(schema: JsonObject, data: Json, ajv: Verdict, hyperjump: Verdict): string {
  if (ajv === "error" && hyperjump === "error") return "both oracles failed to compile";
  if (ajv === "error") return "ajv failed to compile";
  if (hyperjump === "error") return "hyperjump failed to compile";
  return ORACLE_GAPS.find((g) => g.test({ schema, data, ajv, hyperjump }))?.kind ?? `unclassified (ajv ${ajv}, hyperjump ${hyperjump})`;
}

// ---------------------------------------------------------------------------------------------------------------
// Checking one pair

/** Our three entry points on `data`: the verdict, or what went wrong. */
function runOurs(b: Extract<Built, { ok: true }>, json: string): { verdict: boolean; problems: string[] } {
  const problems: string[] = [];
  const fresh = () => JSON.parse(json) as Json;
  let is: unknown;
  let first: unknown;
  let all: unknown;
  try {
    is = b.is(fresh());
  } catch (e) {
    problems.push(`is${b.name} threw ${describeError(e)}`);
  }
  try {
    first = b.validate(fresh());
  } catch (e) {
    problems.push(`validate${b.name} threw ${describeError(e)}`);
  }
  try {
    all = b.validate(fresh(), { allErrors: true });
  } catch (e) {
    problems.push(`validate${b.name}(allErrors) threw ${describeError(e)}`);
  }
  if (problems.length > 0) return { verdict: false, problems };
  if (typeof is !== "boolean") problems.push(`is${b.name} returned ${preview(is)}`);
  const verdict = is === true;
  for (const [label, r] of [
    [`validate${b.name}`, first],
    [`validate${b.name}(allErrors)`, all],
  ] as const) {
    if (!isObject(r) || typeof r.valid !== "boolean") {
      problems.push(`${label} returned ${preview(r)}`);
      continue;
    }
    if (r.valid !== verdict) problems.push(`${label}.valid = ${r.valid} but is${b.name} = ${verdict}`);
    if (!r.valid) problems.push(...errorProblems(fresh(), r.errors).map((p) => `${label}: ${p}`));
  }
  return { verdict, problems };
}

/** `instancePath` a JSON pointer resolving into `data`, `schemaPath` "#…", a keyword and a message. */
function errorProblems(data: Json, errors: unknown): string[] {
  if (!Array.isArray(errors) || errors.length === 0) return [`invalid without errors (${preview(errors)})`];
  const out: string[] = [];
  for (const e of errors as unknown[]) {
    if (!isObject(e)) {
      out.push(`error is not an object: ${preview(e)}`);
      continue;
    }
    const { instancePath, schemaPath, keyword, message } = e as Record<string, unknown>;
    if (typeof keyword !== "string" || keyword === "") out.push(`error without keyword: ${preview(e)}`);
    if (typeof message !== "string" || message === "") out.push(`error without message: ${preview(e)}`);
    if (typeof schemaPath !== "string" || !schemaPath.startsWith("#")) out.push(`schemaPath does not start with "#": ${preview(e)}`);
    if (typeof instancePath !== "string") out.push(`instancePath is not a string: ${preview(e)}`);
    else {
      const why = pointerProblem(data, instancePath);
      if (why) out.push(`instancePath ${JSON.stringify(instancePath)} ${why}: ${preview(e)}`);
    }
  }
  return out;
}

/** Why `pointer` does not resolve into `data` (RFC 6901), or undefined when it does. */
function pointerProblem(data: Json, pointer: string): string | undefined {
  if (pointer === "") return undefined;
  if (!pointer.startsWith("/")) return "is not a JSON pointer";
  let cur: Json = data;
  for (const raw of pointer.slice(1).split("/")) {
    if (/~[^01]|~$/.test(raw)) return `has a bad escape in ${JSON.stringify(raw)}`;
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token) || Number(token) >= cur.length) return `does not resolve (no item ${JSON.stringify(token)})`;
      cur = cur[Number(token)]!;
    } else if (isObject(cur)) {
      if (!Object.prototype.hasOwnProperty.call(cur, token)) return `does not resolve (no member ${JSON.stringify(token)})`;
      cur = cur[token]!;
    } else return `does not resolve (${JSON.stringify(token)} below a ${cur === null ? "null" : typeof cur})`;
  }
  return undefined;
}

function describeError(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message.split("\n")[0]}` : preview(e);
}

function preview(v: unknown, max = 200): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}

/** Copies a JSON value through text, as the oracles and we see it (own `__proto__` members survive JSON.parse). */
function normalize(v: Json): string {
  return JSON.stringify(v);
}

interface Subject {
  folder: string;
  dialect: Dialect;
  schema: JsonObject;
  built: Built;
  ajv: Oracle;
  hyperjump: Oracle;
}

type PairOutcome =
  | { kind: "agree"; valid: boolean }
  | { kind: "oracles-disagree"; ours: boolean; ajv: Verdict; hyperjump: Verdict }
  | { kind: "known-bug"; id: string }
  | { kind: "fail"; why: string[] };

function checkPair(s: Extract<Subject, { built: { ok: true } }>, data: Json, excludeKnown = true): PairOutcome {
  const json = normalize(data);
  const value = JSON.parse(json) as Json;
  const ours = runOurs(s.built, json);
  const ajv = s.ajv.check(JSON.parse(json) as Json);
  const hyperjump = s.hyperjump.check(JSON.parse(json) as Json);
  const known = excludeKnown ? KNOWN_BUGS.find((b) => b.covers(s.schema, value)) : undefined;
  if (ours.problems.length > 0) return known ? { kind: "known-bug", id: known.id } : { kind: "fail", why: ours.problems };
  if (ajv === hyperjump && ajv !== "error") {
    if (ajv === ours.verdict) return { kind: "agree", valid: ajv };
    if (known) return { kind: "known-bug", id: known.id };
    return { kind: "fail", why: [`we say ${ours.verdict ? "valid" : "invalid"}, ajv and hyperjump say ${ajv ? "valid" : "invalid"}`] };
  }
  return { kind: "oracles-disagree", ours: ours.verdict, ajv, hyperjump };
}

// ---------------------------------------------------------------------------------------------------------------

const subjects: Subject[] = [];
let work = "";
let build: BuildReport | undefined;
let prepMs = 0;

function dialectOf(schema: JsonObject): Dialect {
  return schema.$schema === "http://json-schema.org/draft-07/schema#" ? "draft-07" : "2020-12";
}

describe("generated validators vs ajv and hyperjump (property-based, differential)", () => {
  beforeAll(async () => {
    const t0 = performance.now();
    work = mkdtempSync(join(tmpdir(), "sf-differential-"));
    const docs = fc.sample(fc.oneof(schemaDocument("2020-12"), schemaDocument("draft-07")), { seed: SEED, numRuns: SCHEMAS });
    const inputs = new Map<string, unknown>();
    docs.forEach((d, i) => inputs.set(`s${i}`, d));
    KNOWN_BUGS.forEach((b, i) => inputs.set(`k${i}`, b.schema));
    build = await buildPackage(work, inputs);
    for (const [folder, schema] of inputs) {
      const s = schema as JsonObject;
      subjects.push({ folder, dialect: dialectOf(s), schema: s, built: build.built.get(folder)!, ajv: ajvOracle(s, dialectOf(s)), hyperjump: await hyperjumpOracle(s) });
    }
    prepMs = performance.now() - t0;
  });

  afterAll(() => {
    if (process.env.DIFF_KEEP) console.log(`differential: schemas and package kept in ${work}`);
    else if (work) rmSync(work, { recursive: true, force: true });
  });

  it(`agrees with ajv and hyperjump wherever they agree (seed ${SEED}, ${RUNS} pairs)`, () => {
    const t0 = performance.now();
    const failures: string[] = [];
    const disagreements = new Map<string, Disagreement[]>();
    const knownHits = new Map<string, number>();
    const generation: string[] = [];
    let checks = 0;
    let valid = 0;
    let agreed = 0;
    const schemaSubjects = subjects.filter((s) => s.folder.startsWith("s"));

    schemaSubjects.forEach((s, i) => {
      if (!s.built.ok) {
        // Generation failing is a bug unless an oracle cannot compile the schema either.
        const line = `${s.folder}: ${s.built.stage} failed: ${s.built.detail.slice(0, 500)}\n  schema: ${JSON.stringify(s.schema)}`;
        if (s.ajv.compileError === undefined && s.hyperjump.compileError === undefined) failures.push(line);
        else generation.push(`${line}\n  (${s.ajv.compileError ?? s.hyperjump.compileError})`);
        return;
      }
      const subject = s as Extract<Subject, { built: { ok: true } }>;
      const arb = dataFor(s.schema, s.schema);
      const seed = SEED + i + 1;
      const samples = fc.sample(arb, { seed, numRuns: DATA_PER_SCHEMA });
      let failed = false;
      for (const data of samples) {
        checks++;
        const r = checkPair(subject, data);
        if (r.kind === "agree") {
          agreed++;
          if (r.valid) valid++;
        } else if (r.kind === "known-bug") knownHits.set(r.id, (knownHits.get(r.id) ?? 0) + 1);
        else if (r.kind === "oracles-disagree") {
          const kind = classify(s.schema, JSON.parse(normalize(data)) as Json, r.ajv, r.hyperjump);
          const list = disagreements.get(kind) ?? [];
          list.push({ schema: s.folder, data, ours: r.ours, ajv: r.ajv, hyperjump: r.hyperjump });
          disagreements.set(kind, list);
        } else failed = true;
      }
      if (!failed) return;
      // Same seed as a property: fast-check finds the same first failure and shrinks it.
      const details = fc.check(
        fc.property(arb, (data) => {
          const r = checkPair(subject, data);
          return r.kind !== "fail";
        }),
        { seed, numRuns: DATA_PER_SCHEMA },
      );
      const example = details.counterexample?.[0];
      const r = example === undefined ? undefined : checkPair(subject, example);
      failures.push(
        [
          `${s.folder} (${s.dialect}), seed ${seed}: ${r?.kind === "fail" ? r.why.join("; ") : "failure not reproduced by fc.check"}`,
          `  schema: ${JSON.stringify(s.schema)}`,
          `  data (shrunk): ${normalize(example ?? null)}`,
        ].join("\n"),
      );
    });

    const ms = performance.now() - t0;
    const lines = [
      `differential test, seed ${SEED} (DIFF_SEED), ${checks} (schema, data) checks over ${schemaSubjects.length} schemas (DIFF_RUNS=${RUNS})`,
      `  setup ${(prepMs / 1000).toFixed(1)} s (generate ${((build?.generateMs ?? 0) / 1000).toFixed(1)} s in ${build?.generateCalls} call(s), import ${((build?.importMs ?? 0) / 1000).toFixed(1)} s); checks ${(ms / 1000).toFixed(1)} s`,
      `  all three agree: ${agreed} (${valid} valid, ${agreed - valid} invalid); failures: ${failures.length}; known bugs hit: ${[...knownHits].map(([k, n]) => `${k} ×${n}`).join(", ") || "none"}`,
      `  oracles disagree: ${[...disagreements.values()].reduce((n, l) => n + l.length, 0)}`,
      ...[...disagreements].map(([kind, list]) => {
        const oursWith = (o: "ajv" | "hyperjump") => list.filter((d) => d[o] === d.ours).length;
        const ex = list[0]!;
        return `    ${kind}: ${list.length} (we side with ajv ${oursWith("ajv")}, hyperjump ${oursWith("hyperjump")}); e.g. ${ex.schema} data ${preview(ex.data, 120)}`;
      }),
      ...(generation.length > 0 ? [`  not generated, and an oracle cannot compile it either: ${generation.length}`, ...generation.map((g) => `    ${g}`)] : []),
    ];
    if (process.env.DIFF_VERBOSE) {
      for (const [kind, list] of disagreements) {
        for (const d of list) {
          const schema = subjects.find((x) => x.folder === d.schema)!.schema;
          lines.push(`  [${kind}] ${d.schema} ours ${d.ours} ajv ${d.ajv} hyperjump ${d.hyperjump}\n    schema ${JSON.stringify(schema)}\n    data ${normalize(d.data)}`);
        }
      }
    }
    console.log(lines.join("\n"));
    if (failures.length > 0) console.log(`\nFAILURES (we differ from both oracles, or broke the result contract):\n${failures.join("\n\n")}`);
    expect(failures).toEqual([]);
  });

  for (const [i, bug] of KNOWN_BUGS.entries()) {
    it.fails(`known bug ${bug.id}: ${bug.analysis}`, () => {
      const s = subjects.find((x) => x.folder === `k${i}`)!;
      expect(s.built.ok, s.built.ok ? "" : s.built.detail).toBe(true);
      const subject = s as Extract<Subject, { built: { ok: true } }>;
      // The oracles are right: they both give the expected verdict.
      expect([subject.ajv.check(bug.data), subject.hyperjump.check(bug.data)]).toEqual([bug.expected, bug.expected]);
      const r = checkPair(subject, bug.data, false);
      expect(r).toEqual({ kind: "agree", valid: bug.expected });
    });
  }

  // Sanity of the helpers the property relies on.
  it("resolves JSON pointers into data, own members only", () => {
    const data = JSON.parse('{"__proto__":{"a/b":[1,{"~":2}]},"":0}') as Json;
    expect(pointerProblem(data, "/__proto__/a~1b/1/~0")).toBeUndefined();
    expect(pointerProblem(data, "/")).toBeUndefined();
    expect(pointerProblem(data, "/constructor")).toMatch(/does not resolve/);
    expect(pointerProblem(data, "/__proto__/a~1b/01")).toMatch(/does not resolve/);
    expect(pointerProblem(obj([["a", [1]]]), "/a/1")).toMatch(/does not resolve/);
  });
});
