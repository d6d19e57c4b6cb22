/**
 * Property-based differential test of the generated validators against two reference implementations, ajv 8 and
 * @hyperjump/json-schema.
 *
 * N random schemas (2020-12 and draft-07, see arbitraries.ts) are sampled from a seeded arbitrary and turned into
 * ONE generated package (one folder, namespace and entry module per schema: one `generate()` and N imports
 * instead of one package per fast-check run). Then, per schema, data biased towards that schema is sampled and
 * every (schema, data) pair goes through our `is<Root>`, `validate<Root>`, `validate<Root>(…, { allErrors: true })`,
 * ajv and hyperjump:
 *
 * - `is` and both `validate`s must agree with each other, and must not throw;
 * - where ajv and hyperjump agree, we must agree with them (unless both are provably wrong: `multipleOf` on
 *   numbers where both approximate, see oracles.ts `bothOraclesWrong`);
 * - where they disagree, the pair is recorded by kind (oracles.ts ORACLE_GAPS: each kind is a documented bug of
 *   one oracle) and not judged; where the spec's verdict can still be told (from the oracle without a gap on
 *   that pair) and we differ from it, the pair is printed as a SUSPECT, not failed;
 * - an invalid result's errors must be well-formed: `instancePath` a JSON pointer that resolves into the data,
 *   `schemaPath` starting with "#", a `keyword` and a `message`.
 *
 * A schema with a failing pair is run again as a fast-check property with the same seed, so the printed
 * counterexample is shrunk. Bugs already analysed are in KNOWN_BUGS: excluded from the property (by their
 * `covers` predicate) and asserted on their own with `it.fails`, so they stay visible until fixed.
 *
 * Env: DIFF_RUNS (pairs, default 2000 = 200 schemas × 10 data), DIFF_SEED (default fixed, printed),
 * DIFF_KEEP=1 keeps the temp folder (schemas in `in/s<i>/schema.json`, the package in `pkg0/`),
 * DIFF_REPORT=<path> writes every disagreement between the oracles and every failure as JSON.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECT_URI, dataFor, isObject, obj, schemaDocument, type Dialect, type Json, type JsonObject } from "./arbitraries.js";
import { buildPackage, type Built, type BuildReport } from "./harness.js";
import {
  BOTH_WRONG_EXAMPLE,
  ORACLE_GAPS,
  ajvExactMultipleOf,
  ajvOracle,
  bothOraclesWrong,
  classifyDisagreement,
  hyperjumpOracle,
  isMultipleOf,
  multipleOfPairs,
  multipleOfsIn,
  nodes,
  reachableSchemaObjects,
  type GapInput,
  type Oracle,
  type Verdict,
} from "./oracles.js";

const SEED = process.env.DIFF_SEED ? Number(process.env.DIFF_SEED) : 0x5f0f6e;
const RUNS = process.env.DIFF_RUNS ? Number(process.env.DIFF_RUNS) : 2000;
const DATA_PER_SCHEMA = 10;
const SCHEMAS = Math.max(1, Math.ceil(RUNS / DATA_PER_SCHEMA));

// ---------------------------------------------------------------------------------------------------------------
// Bugs this test found in our compiler, now fixed: kept as regression cases (and no longer excluded from the
// property). A new bug found later goes here with `excludeKnown` turned on and its own `it.fails` until fixed.

interface KnownBug {
  id: string;
  dialect: Dialect;
  schema: JsonObject;
  data: Json;
  /** The verdict the spec gives. */
  expected: boolean;
  /** What the oracles say on this repro (checked): not always both right, see the analysis. */
  oracles: { ajv: Verdict; hyperjump: Verdict };
  analysis: string;
  /** The class of (schema, data) pairs this bug explains: excluded from the property. */
  covers: (schema: JsonObject, data: Json) => boolean;
}

const hasOwn = (o: unknown, k: string) => isObject(o) && Object.prototype.hasOwnProperty.call(o, k);
/** The generated check uses `%` when both are integers (exact), the runtime helper `multipleOf` otherwise. */
const usesHelper = (x: number, m: number) => !(Number.isInteger(x) && Number.isInteger(m));

export const KNOWN_BUGS: KnownBug[] = [
  {
    id: "draft07-dependencies-__proto__",
    dialect: "draft-07",
    schema: { dependencies: obj([["__proto__", ["a"]]]) },
    data: JSON.parse('{"__proto__": 1}') as Json,
    expected: false,
    oracles: { ajv: true, hyperjump: false },
    analysis:
      "src/normalize/draft07.ts splitDependencies copies `dependencies` into `{}` literals with `required[k] = v`, so a member named `__proto__` sets the prototype and is dropped (array and schema forms alike)",
    covers: (schema, data) =>
      schema.$schema === DIALECT_URI["draft-07"] &&
      reachableSchemaObjects(schema).some((o) => hasOwn(o.dependencies, "__proto__")) &&
      [...nodes(data)].some((n) => hasOwn(n, "__proto__")),
  },
  {
    id: "multipleOf-rounded-quotient",
    dialect: "2020-12",
    schema: { multipleOf: 1.5 },
    data: 1e17,
    expected: false,
    oracles: { ajv: true, hyperjump: false },
    analysis:
      "runtime multipleOf(x, m) returns true as soon as the double x / m is an integer, but 1e17 / 1.5 rounds to 66666666666666664 (every quotient ≥ 2^53 is an integer), and 5e-324 / 2 underflows to 0",
    covers: (schema, data) => multipleOfPairs(schema, data).some(([x, m]) => usesHelper(x, m) && Number.isInteger(x / m) && !isMultipleOf(x, m)),
  },
  {
    id: "multipleOf-overflowing-quotient",
    dialect: "2020-12",
    schema: { multipleOf: 0.5 },
    data: 1e308,
    expected: true,
    oracles: { ajv: false, hyperjump: true },
    analysis: "runtime multipleOf(x, m) returns false when x / m is not finite: 1e308 / 0.5 overflows to Infinity, yet 1e308 = 2e308 × 0.5 exactly",
    covers: (schema, data) => multipleOfPairs(schema, data).some(([x, m]) => usesHelper(x, m) && !Number.isFinite(x / m) && isMultipleOf(x, m)),
  },
  {
    id: "multipleOf-integer-path-binary",
    dialect: "2020-12",
    schema: { multipleOf: 3 },
    data: 8.193225524086638e192,
    expected: true,
    oracles: { ajv: false, hyperjump: false },
    analysis:
      "for integer data and divisor the check is `d % m` on the double's binary value, while the runtime helper (non-integers) uses the decimal as written: 8.193225524086638e192 (digit sum 72) is a multiple of 3 as written, not as a double; both oracles also say no (found by the exact-multipleOf probe, not by the property)",
    covers: (schema, data) => multipleOfPairs(schema, data).some(([x, m]) => !usesHelper(x, m) && (x % m === 0) !== isMultipleOf(x, m)),
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Checking one pair

type OkBuilt = Extract<Built, { ok: true }>;

/** Our three entry points on `json`: the verdict, or what went wrong (disagreement between them, throws, errors). */
function runOurs(b: OkBuilt, json: string): { verdict: boolean; problems: string[] } {
  const problems: string[] = [];
  const fresh = () => JSON.parse(json) as Json;
  const call = (label: string, f: () => unknown): unknown => {
    try {
      return f();
    } catch (e) {
      problems.push(`${label} threw ${describeError(e)}`);
      return undefined;
    }
  };
  const is = call(`is${b.name}`, () => b.is(fresh()));
  const first = call(`validate${b.name}`, () => b.validate(fresh()));
  const all = call(`validate${b.name}(allErrors)`, () => b.validate(fresh(), { allErrors: true }));
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

/** Why `pointer` does not resolve into `data` (RFC 6901, own members only), or undefined when it does. */
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

interface Subject {
  folder: string;
  dialect: Dialect;
  schema: JsonObject;
  built: Built;
  ajv: Oracle;
  hyperjump: Oracle;
  /** ajv with the exact multipleOf: only to classify and to tell the spec's verdict (oracles.ts). */
  ajvExact: Oracle;
  /** Whether validation can reach a multipleOf (then the exact-multipleOf probe is asked even when all agree). */
  multipleOf: boolean;
}
type OkSubject = Subject & { built: OkBuilt };

type PairOutcome =
  | { kind: "agree"; valid: boolean }
  | { kind: "oracles-disagree"; ours: boolean; ajv: Verdict; hyperjump: Verdict; gap: string; spec?: boolean; knownBug?: string }
  /** ajv and hyperjump agree, we do not, and both are provably wrong (we are right). */
  | { kind: "oracles-wrong"; gap: string }
  /** All three agree, and the exact multipleOf says otherwise: a suspect, not a failure. */
  | { kind: "all-wrong"; spec: boolean; knownBug?: string }
  | { kind: "known-bug"; id: string }
  | { kind: "fail"; why: string[] };

/** The JSON text every validator gets a fresh parse of (own `__proto__` members survive JSON.parse). */
function normalize(v: Json): string {
  return JSON.stringify(v);
}

function checkPair(s: OkSubject, data: Json, excludeKnown = false): PairOutcome {
  const json = normalize(data);
  const value = JSON.parse(json) as Json;
  const ours = runOurs(s.built, json);
  const ajv = s.ajv.check(JSON.parse(json) as Json);
  const hyperjump = s.hyperjump.check(JSON.parse(json) as Json);
  const gapInput = (): GapInput => ({
    schema: s.schema,
    dialect: s.dialect,
    data: value,
    ajv,
    hyperjump,
    ajvExact: s.ajvExact.check(JSON.parse(json) as Json),
    ajvCompileError: s.ajv.compileError,
    hyperjumpCompileError: s.hyperjump.compileError,
  });
  const known = () => (excludeKnown ? KNOWN_BUGS.find((b) => b.covers(s.schema, value))?.id : undefined);
  if (ours.problems.length > 0) {
    const id = known();
    return id ? { kind: "known-bug", id } : { kind: "fail", why: ours.problems };
  }
  if (ajv === hyperjump && ajv !== "error") {
    if (ajv === ours.verdict) {
      if (s.multipleOf) {
        const exact = s.ajvExact.check(JSON.parse(json) as Json);
        if (typeof exact === "boolean" && exact !== ours.verdict) {
          const id = known();
          return { kind: "all-wrong", spec: exact, ...(id ? { knownBug: id } : {}) };
        }
      }
      return { kind: "agree", valid: ajv };
    }
    const id = known();
    if (id) return { kind: "known-bug", id };
    const wrong = bothOraclesWrong(gapInput(), ours.verdict);
    if (wrong !== undefined) return { kind: "oracles-wrong", gap: wrong };
    return { kind: "fail", why: [`we say ${ours.verdict ? "valid" : "invalid"}, ajv and hyperjump say ${ajv ? "valid" : "invalid"}`] };
  }
  const c = classifyDisagreement(gapInput());
  const id = c.spec !== undefined && c.spec !== ours.verdict ? known() : undefined;
  return {
    kind: "oracles-disagree",
    ours: ours.verdict,
    ajv,
    hyperjump,
    gap: c.kind,
    ...(c.spec === undefined ? {} : { spec: c.spec }),
    ...(id ? { knownBug: id } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------

const subjects = new Map<string, Subject>();
let work = "";
let build: BuildReport | undefined;
let setupMs = 0;

function withDialect(schema: JsonObject, dialect: Dialect): JsonObject {
  return obj([["$schema", DIALECT_URI[dialect]], ...Object.entries(schema)]);
}

function dialectOf(schema: JsonObject): Dialect {
  return schema.$schema === DIALECT_URI["draft-07"] ? "draft-07" : "2020-12";
}

function okSubject(folder: string): OkSubject {
  const s = subjects.get(folder);
  if (!s) throw new Error(`no subject ${folder}`);
  if (!s.built.ok) throw new Error(`${folder} was not built: ${s.built.stage}: ${s.built.detail}`);
  return s as OkSubject;
}

describe("generated validators vs ajv and hyperjump (property-based, differential)", () => {
  beforeAll(async () => {
    const t0 = performance.now();
    work = mkdtempSync(join(tmpdir(), "sf-differential-"));
    const docs = fc.sample(fc.oneof(schemaDocument("2020-12"), schemaDocument("draft-07")), { seed: SEED, numRuns: SCHEMAS });
    const inputs = new Map<string, JsonObject>();
    docs.forEach((d, i) => inputs.set(`s${i}`, d));
    // The known bugs' and the oracle gaps' examples ride in the same package.
    KNOWN_BUGS.forEach((b, i) => inputs.set(`k${i}`, withDialect(b.schema, b.dialect)));
    ORACLE_GAPS.forEach((g, i) => inputs.set(`g${i}`, withDialect(g.example.schema, g.example.dialect)));
    inputs.set("w0", withDialect(BOTH_WRONG_EXAMPLE.schema, BOTH_WRONG_EXAMPLE.dialect));
    build = await buildPackage(work, inputs);
    for (const [folder, schema] of inputs) {
      const dialect = dialectOf(schema);
      subjects.set(folder, {
        folder,
        dialect,
        schema,
        built: build.built.get(folder)!,
        ajv: ajvOracle(schema, dialect),
        ajvExact: ajvExactMultipleOf(schema, dialect),
        hyperjump: await hyperjumpOracle(schema),
        multipleOf: multipleOfsIn(schema).length > 0,
      });
    }
    setupMs = performance.now() - t0;
  });

  afterAll(() => {
    if (process.env.DIFF_KEEP) console.log(`differential: schemas and package kept in ${work}`);
    else if (work) rmSync(work, { recursive: true, force: true });
  });

  it(`agrees with ajv and hyperjump wherever they agree (seed ${SEED}, ${RUNS} pairs)`, () => {
    const t0 = performance.now();
    const failures: string[] = [];
    const disagreements = new Map<string, { folder: string; data: Json; ours: boolean; ajv: Verdict; hyperjump: Verdict; spec?: boolean; knownBug?: string }[]>();
    const bothWrong = new Map<string, { folder: string; data: Json }[]>();
    const suspects: { folder: string; data: Json; ours: boolean; ajv: Verdict; hyperjump: Verdict; spec: boolean; why: string }[] = [];
    const knownHits = new Map<string, number>();
    const notGenerated: string[] = [];
    let checks = 0;
    let valid = 0;
    let agreed = 0;
    const hit = (id: string) => knownHits.set(id, (knownHits.get(id) ?? 0) + 1);
    const schemaSubjects = [...subjects.values()].filter((s) => s.folder.startsWith("s"));

    schemaSubjects.forEach((s, i) => {
      if (!s.built.ok) {
        // Failing to generate is a bug, unless an oracle cannot compile the schema either.
        const line = `${s.folder}: ${s.built.stage} failed: ${s.built.detail.slice(0, 500)}\n  schema: ${JSON.stringify(s.schema)}`;
        if (s.ajv.compileError === undefined && s.hyperjump.compileError === undefined) failures.push(line);
        else notGenerated.push(`${line}\n  (${s.ajv.compileError ?? s.hyperjump.compileError})`);
        return;
      }
      const subject = s as OkSubject;
      const arb = dataFor(s.schema, s.schema);
      const seed = SEED + i + 1;
      let failed = false;
      for (const data of fc.sample(arb, { seed, numRuns: DATA_PER_SCHEMA })) {
        checks++;
        const r = checkPair(subject, data);
        switch (r.kind) {
          case "agree":
            agreed++;
            if (r.valid) valid++;
            break;
          case "known-bug":
            hit(r.id);
            break;
          case "oracles-disagree": {
            const list = disagreements.get(r.gap) ?? [];
            list.push({
              folder: s.folder,
              data,
              ours: r.ours,
              ajv: r.ajv,
              hyperjump: r.hyperjump,
              ...(r.spec === undefined ? {} : { spec: r.spec }),
              ...(r.knownBug ? { knownBug: r.knownBug } : {}),
            });
            disagreements.set(r.gap, list);
            if (r.knownBug) hit(r.knownBug);
            else if (r.spec !== undefined && r.spec !== r.ours) suspects.push({ ...r, folder: s.folder, data, spec: r.spec, why: r.gap });
            break;
          }
          case "oracles-wrong": {
            const list = bothWrong.get(r.gap) ?? [];
            list.push({ folder: s.folder, data });
            bothWrong.set(r.gap, list);
            break;
          }
          case "all-wrong":
            if (r.knownBug) hit(r.knownBug);
            else suspects.push({ folder: s.folder, data, ours: !r.spec, ajv: !r.spec, hyperjump: !r.spec, spec: r.spec, why: "all three agree; the exact multipleOf disagrees" });
            break;
          case "fail":
            failed = true;
        }
      }
      if (!failed) return;
      // The same seed as a property: fast-check finds the same first failure and shrinks it.
      const details = fc.check(
        fc.property(arb, (data) => checkPair(subject, data).kind !== "fail"),
        { seed, numRuns: DATA_PER_SCHEMA },
      );
      const example = details.counterexample?.[0];
      const r = example === undefined ? undefined : checkPair(subject, example);
      failures.push(
        [
          `${s.folder} (${s.dialect}), data seed ${seed}: ${r?.kind === "fail" ? r.why.join("; ") : "the failure did not reproduce under fc.check"}`,
          `  schema: ${JSON.stringify(s.schema)}`,
          `  data (shrunk): ${normalize(example ?? null)}`,
        ].join("\n"),
      );
    });

    const ms = performance.now() - t0;
    const count = <T>(m: Map<string, T[]>) => [...m.values()].reduce((n, l) => n + l.length, 0);
    const lines = [
      `differential test: seed ${SEED} (DIFF_SEED), ${checks} (schema, data) checks over ${schemaSubjects.length} schemas (DIFF_RUNS=${RUNS})`,
      `  setup ${(setupMs / 1000).toFixed(1)} s (generate ${((build?.generateMs ?? 0) / 1000).toFixed(1)} s in ${build?.generateCalls} call(s), import ${((build?.importMs ?? 0) / 1000).toFixed(1)} s), checks ${(ms / 1000).toFixed(1)} s`,
      `  all three agree: ${agreed} (${valid} valid, ${agreed - valid} invalid); failures: ${failures.length}; suspects: ${suspects.length}; known bugs hit: ${[...knownHits].map(([k, n]) => `${k} ×${n}`).join(", ") || "none"}`,
      `  ajv and hyperjump disagree: ${count(disagreements)}`,
      ...[...disagreements].map(([kind, list]) => {
        const told = list.filter((d) => d.spec !== undefined);
        const right = told.filter((d) => d.spec === d.ours).length;
        const known = told.filter((d) => d.spec !== d.ours && d.knownBug).length;
        return `    ${list.length} × ${kind} (we give the spec's verdict in ${right}/${told.length} where it can be told${known > 0 ? `, ${known} known bug${known > 1 ? "s" : ""}` : ""}; e.g. ${list[0]!.folder})`;
      }),
      `  ajv and hyperjump agree but both are wrong (we are right): ${count(bothWrong)}`,
      ...[...bothWrong].map(([kind, list]) => `    ${list.length} × ${kind} (e.g. ${list[0]!.folder}: ${preview(list[0]!.data, 80)})`),
      ...(notGenerated.length > 0 ? [`  not generated, and an oracle cannot compile it either: ${notGenerated.length}`, ...notGenerated.map((g) => `    ${g}`)] : []),
    ];
    if (process.env.DIFF_REPORT) {
      const schemaOf = (folder: string) => subjects.get(folder)!.schema;
      const report = {
        seed: SEED,
        failures,
        suspects: suspects.map((d) => ({ ...d, schema: schemaOf(d.folder) })),
        disagreements: [...disagreements].flatMap(([kind, list]) => list.map((d) => ({ kind, ...d, schema: schemaOf(d.folder) }))),
      };
      writeFileSync(process.env.DIFF_REPORT, JSON.stringify(report, null, 1));
      lines.push(`  every disagreement, suspect and failure written to ${process.env.DIFF_REPORT}`);
    }
    console.log(lines.join("\n"));
    if (suspects.length > 0) {
      console.log(
        `\nSUSPECTS: we differ from the spec's verdict as told by the oracle without a gap on the pair (not failures; analyse, then add to KNOWN_BUGS or ORACLE_GAPS):\n` +
          suspects
            .slice(0, 20)
            .map(
              (d) =>
                `  ${d.folder} [${d.why}] ours ${d.ours}, ajv ${d.ajv}, hyperjump ${d.hyperjump}, spec ${d.spec}\n    schema: ${JSON.stringify(subjects.get(d.folder)!.schema)}\n    data: ${normalize(d.data)}`,
            )
            .join("\n"),
      );
    }
    if (failures.length > 0) console.log(`\nFAILURES (we differ from both oracles, or broke the result contract):\n${failures.join("\n\n")}`);
    expect(failures).toEqual([]);
  });

  describe("bugs found by this test, fixed (regression cases)", () => {
    for (const [i, bug] of KNOWN_BUGS.entries()) {
      it(`${bug.id}: the repro is what the entry says (oracles' verdicts, covered by its class)`, () => {
        const s = okSubject(`k${i}`);
        expect({ ajv: s.ajv.check(bug.data), hyperjump: s.hyperjump.check(bug.data) }).toEqual(bug.oracles);
        expect(bug.covers(s.schema, bug.data)).toBe(true);
      });
      it(`${bug.id}: gives the spec's verdict (was: ${bug.analysis})`, () => {
        const s = okSubject(`k${i}`);
        const ours = runOurs(s.built, normalize(bug.data));
        expect(ours.problems).toEqual([]);
        expect(ours.verdict).toBe(bug.expected);
      });
    }
  });

  it("the oracle gaps are real: each example gets the wrong verdict from its oracle, and the right one from us", () => {
    const problems: string[] = [];
    for (const [i, gap] of ORACLE_GAPS.entries()) {
      const s = okSubject(`g${i}`);
      const { data, spec } = gap.example;
      const theirs = s[gap.oracle].check(data);
      if (theirs === spec) problems.push(`${gap.kind}: ${gap.oracle} now gives the spec's verdict (${spec}) on ${preview(gap.example)}: remove or update the gap`);
      const other = s[gap.oracle === "ajv" ? "hyperjump" : "ajv"].check(data);
      if (other !== spec && !(gap.oracle === "hyperjump" && s.ajvExact.check(data) === spec)) {
        problems.push(`${gap.kind}: neither oracle gives the spec's verdict (${spec}) on ${preview(gap.example)}`);
      }
      const ours = runOurs(s.built, normalize(data));
      if (ours.problems.length > 0 || ours.verdict !== spec) problems.push(`${gap.kind}: we say ${ours.verdict} ${ours.problems.join("; ")} on ${preview(gap.example)}`);
      if (!gap.test({ schema: s.schema, dialect: s.dialect, data, ajv: s.ajv.check(data), hyperjump: s.hyperjump.check(data), ajvExact: s.ajvExact.check(data), ajvCompileError: s.ajv.compileError, hyperjumpCompileError: s.hyperjump.compileError })) {
        problems.push(`${gap.kind}: its test does not recognise its own example`);
      }
    }
    const w = okSubject("w0");
    const both = [w.ajv.check(BOTH_WRONG_EXAMPLE.data), w.hyperjump.check(BOTH_WRONG_EXAMPLE.data)];
    if (both.some((v) => v === BOTH_WRONG_EXAMPLE.spec)) problems.push(`both-wrong example: an oracle now gives the spec's verdict (${both.join(", ")})`);
    const ours = runOurs(w.built, normalize(BOTH_WRONG_EXAMPLE.data));
    if (ours.verdict !== BOTH_WRONG_EXAMPLE.spec) problems.push(`both-wrong example: we say ${ours.verdict}`);
    expect(problems).toEqual([]);
  });

  it("its helpers: JSON pointers resolve into own members only; exact multipleOf", () => {
    const data = JSON.parse('{"__proto__":{"a/b":[1,{"~":2}]},"":0}') as Json;
    expect(pointerProblem(data, "/__proto__/a~1b/1/~0")).toBeUndefined();
    expect(pointerProblem(data, "/")).toBeUndefined();
    expect(pointerProblem(data, "/constructor")).toMatch(/does not resolve/);
    expect(pointerProblem(data, "/__proto__/a~1b/01")).toMatch(/does not resolve/);
    expect(pointerProblem(obj([["a", [1]]]), "/a/1")).toMatch(/does not resolve/);
    expect([isMultipleOf(0.07, 0.01), isMultipleOf(1e21, 0.1), isMultipleOf(1e308, 0.5), isMultipleOf(-0.3, 0.1)]).toEqual([true, true, true, true]);
    expect([isMultipleOf(0.30000000000000004, 0.1), isMultipleOf(1e17, 3), isMultipleOf(5e-324, 2), isMultipleOf(1.5e-9, 1e-8)]).toEqual([false, false, false, false]);
  });
});
