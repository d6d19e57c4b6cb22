/**
 * The two reference validators of the differential test, ajv 8 (`Ajv2020` for 2020-12, `Ajv` for draft-07) and
 * @hyperjump/json-schema, and what is known about where each of them is wrong (ORACLE_GAPS), used to name the
 * kind of every disagreement between them.
 *
 * Each schema is compiled once; a schema an oracle cannot compile, or data on which it throws, gives no verdict
 * (`"error"`), which the test counts as a disagreement between the oracles, not a failure.
 *
 * ajv runs with `ownProperties: true`: by default it tests `data.constructor !== undefined`, so `required:
 * ["constructor"]` (or `toString`, `hasOwnProperty`…) holds for every object through its prototype. That is a
 * documented option, not a patch, and it leaves ajv wrong on fewer pairs, so more pairs are judged.
 */
import { registerSchema, validate as hyperjumpValidate } from "@hyperjump/json-schema/draft-2020-12";
import "@hyperjump/json-schema/draft-07";
import { Ajv, type Options } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { isObject, resolveLocal, type Dialect, type Json, type JsonObject } from "./arbitraries.js";

export type Verdict = boolean | "error";

export interface Oracle {
  /** Whether the data is valid; "error" when the schema did not compile or validation threw. */
  check(data: Json): Verdict;
  /** Why the schema did not compile, if it did not. */
  compileError?: string;
}

const AJV_OPTIONS: Options = { strict: false, validateFormats: false, ownProperties: true };
const ajv2020 = new Ajv2020(AJV_OPTIONS);
const ajv07 = new Ajv(AJV_OPTIONS);

/**
 * The same ajv with `multipleOf` replaced by the exact decimal rule (below). It is not an oracle: it only tells
 * whether a disagreement comes from ajv's floating-point `multipleOf` (its verdict differs from ajv's there).
 */
const exactMultipleOfKeyword = {
  keyword: "multipleOf",
  type: "number" as const,
  schemaType: "number" as const,
  errors: false,
  validate: (m: number, x: number) => isMultipleOf(x, m),
};
const ajv2020Exact = new Ajv2020(AJV_OPTIONS).removeKeyword("multipleOf").addKeyword(exactMultipleOfKeyword);
const ajv07Exact = new Ajv(AJV_OPTIONS).removeKeyword("multipleOf").addKeyword(exactMultipleOfKeyword);

function compileAjv(instance: Ajv | Ajv2020, schema: JsonObject, label: string): Oracle {
  try {
    const fn = instance.compile(schema);
    return {
      check(data) {
        try {
          return fn(data) === true;
        } catch {
          return "error";
        }
      },
    };
  } catch (e) {
    return { check: () => "error", compileError: `${label}: ${(e as Error).message.split("\n")[0]}` };
  }
}

export function ajvOracle(schema: JsonObject, dialect: Dialect): Oracle {
  return compileAjv(dialect === "2020-12" ? ajv2020 : ajv07, schema, "ajv");
}

/** ajv with the exact `multipleOf`: a probe for classifying, see above. */
export function ajvExactMultipleOf(schema: JsonObject, dialect: Dialect): Oracle {
  return compileAjv(dialect === "2020-12" ? ajv2020Exact : ajv07Exact, schema, "ajv (exact multipleOf)");
}

let registered = 0;

/** hyperjump: the schema is registered under a fresh URI (its `$schema` picks the dialect) and compiled once. */
export async function hyperjumpOracle(schema: JsonObject): Promise<Oracle> {
  const uri = `https://schemaforge.test/differential/${process.pid}/${registered++}`;
  try {
    registerSchema(schema as Parameters<typeof registerSchema>[0], uri);
    const fn = await hyperjumpValidate(uri);
    return {
      check(data) {
        try {
          return fn(data).valid;
        } catch {
          return "error";
        }
      },
    };
  } catch (e) {
    return { check: () => "error", compileError: `hyperjump: ${(e as Error).message.split("\n")[0]}` };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// multipleOf: the spec's rule and the two oracles' approximations of it

/** A JSON number as written (`JSON.stringify`, shortest round trip) as `digits × 10^exponent`. */
function decimal(n: number): { digits: bigint; exponent: number } {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(JSON.stringify(n));
  if (!m) throw new Error(`not a finite JSON number: ${n}`);
  const frac = m[3] ?? "";
  return { digits: BigInt(`${m[1]}${m[2]}${frac}`), exponent: Number(m[4] ?? 0) - frac.length };
}

/** The spec: valid when x / m is an integer, in exact decimal arithmetic on the numbers as written. */
export function isMultipleOf(x: number, m: number): boolean {
  const a = decimal(x);
  const b = decimal(m);
  const e = a.exponent - b.exponent;
  return e >= 0 ? (a.digits * 10n ** BigInt(e)) % b.digits === 0n : a.digits % (b.digits * 10n ** BigInt(-e)) === 0n;
}

/** ajv 8: `x / m` as a double must equal `parseInt` of itself (wrong for 0.07 / 0.01, and for quotients ≥ 1e21). */
export function ajvMultipleOf(x: number, m: number): boolean {
  const q = x / m;
  return q === parseInt(String(q));
}

/** hyperjump: the remainder `x % m` within 1.19e-7 of 0 or of m (wrong for small m such as 1e-8, and for x < 0). */
export function hyperjumpMultipleOf(x: number, m: number): boolean {
  const r = x % m;
  const eq = (a: number, b: number) => Math.abs(a - b) < 1.1920929e-7;
  return eq(0, r) || eq(m, r);
}

// ---------------------------------------------------------------------------------------------------------------
// Walking schemas and data

export function* nodes(v: Json): Generator<Json> {
  yield v;
  if (Array.isArray(v)) for (const x of v) yield* nodes(x);
  else if (isObject(v)) for (const k of Object.keys(v)) yield* nodes(v[k]!);
}

const APPLICATORS_ONE = ["items", "additionalItems", "contains", "additionalProperties", "propertyNames", "not", "if", "then", "else"];
const APPLICATORS_LIST = ["prefixItems", "items", "allOf", "anyOf", "oneOf"];
const APPLICATORS_MAP = ["properties", "patternProperties", "dependentSchemas", "dependencies"];

/**
 * The schema objects validation can reach from the root: through applicator keywords and local `$ref`s (so an
 * unreferenced `$defs` entry does not count). A feature only explains a disagreement where it can be reached.
 */
export function reachableSchemaObjects(root: JsonObject): JsonObject[] {
  const seen = new Set<JsonObject>();
  const visit = (s: Json | undefined): void => {
    if (!isObject(s) || seen.has(s)) return;
    seen.add(s);
    for (const k of APPLICATORS_ONE) visit(s[k]);
    for (const k of APPLICATORS_LIST) if (Array.isArray(s[k])) for (const x of s[k]) visit(x);
    for (const k of APPLICATORS_MAP) if (isObject(s[k])) for (const x of Object.values(s[k])) visit(x);
    if (typeof s.$ref === "string") visit(resolveLocal(root, s.$ref));
  };
  visit(root);
  return [...seen];
}

const numbersIn = (data: Json) => [...nodes(data)].filter((n): n is number => typeof n === "number");
export const multipleOfsIn = (schema: JsonObject) => reachableSchemaObjects(schema).map((o) => o.multipleOf).filter((m): m is number => typeof m === "number");

/** Every (number in the data, reachable multipleOf) pair: a rough "which numbers may meet which divisor". */
export function multipleOfPairs(schema: JsonObject, data: Json): [x: number, m: number][] {
  const ms = multipleOfsIn(schema);
  return ms.length === 0 ? [] : numbersIn(data).flatMap((x) => ms.map((m) => [x, m] as [number, number]));
}

function someMultipleOfPair(schema: JsonObject, data: Json, rule: (x: number, m: number) => boolean): boolean {
  return multipleOfPairs(schema, data).some(([x, m]) => rule(x, m) !== isMultipleOf(x, m));
}

/** Objects (at any depth) that have own members fast-deep-equal treats specially. */
function hasDeepEqualTrap(v: Json): boolean {
  return [...nodes(v)].some((n) => isObject(n) && ["constructor", "toString", "valueOf"].some((k) => Object.prototype.hasOwnProperty.call(n, k)));
}

// ---------------------------------------------------------------------------------------------------------------
// The known gaps

export interface GapInput {
  schema: JsonObject;
  dialect: Dialect;
  data: Json;
  ajv: Verdict;
  hyperjump: Verdict;
  /** ajv with the exact multipleOf on the same data. */
  ajvExact: Verdict;
  ajvCompileError?: string | undefined;
  hyperjumpCompileError?: string | undefined;
}

export interface OracleGap {
  /** The oracle that is wrong. */
  oracle: "ajv" | "hyperjump";
  kind: string;
  /** Whether the gap can explain a difference on this pair (the feature is reachable in the schema / present in the data). */
  test: (d: GapInput) => boolean;
  /** A minimal demonstration, checked by the test: the spec says `spec`, the oracle does not (or has no verdict). */
  example: { dialect: Dialect; schema: JsonObject; data: Json; spec: boolean };
}

const hasOwn = (o: unknown, k: string) => isObject(o) && Object.prototype.hasOwnProperty.call(o, k);
const P = (k: string, v: Json): JsonObject => Object.fromEntries([[k, v]]) as JsonObject;

/** Tried in this order; the first whose test holds names the kind of a disagreement. */
export const ORACLE_GAPS: readonly OracleGap[] = [
  {
    oracle: "ajv",
    kind: "ajv throws (fast-deep-equal calls a `toString`/`valueOf` member of an enum/const value or array item)",
    test: (d) => d.ajv === "error" && d.ajvCompileError === undefined,
    example: { dialect: "2020-12", schema: { uniqueItems: true }, data: [{ toString: "x" }, { toString: "y" }], spec: true },
  },
  {
    oracle: "ajv",
    kind: "ajv cannot compile an empty enum (2020-12 allows it: nothing is valid)",
    test: (d) => d.ajvCompileError?.includes("enum must have non-empty array") === true,
    example: { dialect: "2020-12", schema: { enum: [] }, data: 1, spec: false },
  },
  {
    oracle: "ajv",
    kind: "ajv cannot compile a draft-07 enum with an object member `toString` (its metaschema's uniqueItems on enum throws)",
    test: (d) => d.ajvCompileError?.includes("toString is not a function") === true,
    example: { dialect: "draft-07", schema: { enum: [{ a: 1 }, { toString: "x" }] }, data: { a: 1 }, spec: true },
  },
  {
    oracle: "ajv",
    kind: "multipleOf: ajv divides in binary floating point (0.07/0.01, 3/0.01, quotients ≥ 1e21 or overflowing)",
    test: (d) => d.ajvExact !== d.ajv && someMultipleOfPair(d.schema, d.data, ajvMultipleOf),
    example: { dialect: "2020-12", schema: { multipleOf: 0.01 }, data: 0.07, spec: true },
  },
  {
    oracle: "ajv",
    kind: 'ajv ignores "" in required/dependentRequired/dependencies',
    test: (d) =>
      reachableSchemaObjects(d.schema).some(
        (o) =>
          (Array.isArray(o.required) && o.required.includes("")) ||
          [o.dependentRequired, o.dependencies].some((deps) => isObject(deps) && Object.values(deps).some((r) => Array.isArray(r) && r.includes(""))),
      ),
    example: { dialect: "2020-12", schema: { required: [""] }, data: {}, spec: false },
  },
  {
    oracle: "ajv",
    kind: "ajv loses `__proto__` members of the schema (properties, dependentSchemas…)",
    test: (d) => reachableSchemaObjects(d.schema).some((o) => APPLICATORS_MAP.concat("dependentRequired").some((k) => hasOwn(o[k], "__proto__"))),
    example: { dialect: "2020-12", schema: { properties: P("__proto__", { type: "string" }) }, data: JSON.parse('{"__proto__":1}') as Json, spec: false },
  },
  {
    oracle: "ajv",
    kind: "ajv's deep equality (fast-deep-equal) compares `constructor` members by identity (enum, const, uniqueItems)",
    test: (d) => hasDeepEqualTrap(d.data) && reachableSchemaObjects(d.schema).some((o) => "enum" in o || "const" in o || o.uniqueItems === true),
    example: { dialect: "2020-12", schema: { const: { constructor: {} } }, data: { constructor: {} }, spec: true },
  },
  {
    oracle: "ajv",
    kind: "ajv's contains passes an empty array when a flag is left over (after prefixItems, or from the previous item of a loop)",
    test: (d) => reachableSchemaObjects(d.schema).some((o) => "contains" in o && o.minContains !== 0) && [...nodes(d.data)].some((n) => Array.isArray(n) && n.length === 0),
    example: { dialect: "2020-12", schema: { items: { contains: { type: "string" } } }, data: [["x"], []], spec: false },
  },
  {
    oracle: "hyperjump",
    kind: "multipleOf: hyperjump's remainder tolerance of 1.19e-7 (everything is a multiple of 1e-8; -0.3 is none of 0.1)",
    test: (d) => someMultipleOfPair(d.schema, d.data, hyperjumpMultipleOf),
    example: { dialect: "2020-12", schema: { multipleOf: 1e-8 }, data: 1.5e-9, spec: false },
  },
];

export interface Classified {
  kind: string;
  /** The verdict the spec gives, when an oracle without a gap on this pair gives one. */
  spec?: boolean;
}

/**
 * The kind of a disagreement between the oracles (the first gap that can explain it), and the spec's verdict
 * when it can be told: ajv with the exact multipleOf when no other ajv gap is in play, else hyperjump when its
 * multipleOf is not.
 */
export function classifyDisagreement(d: GapInput): Classified {
  if (d.ajv === "error" && d.hyperjump === "error") return { kind: "both oracles without a verdict" };
  const gaps = ORACLE_GAPS.filter((g) => g.test(d));
  const kind = gaps[0]?.kind ?? `unclassified (ajv ${d.ajv}, hyperjump ${d.hyperjump})`;
  const ajvGaps = gaps.filter((g) => g.oracle === "ajv" && !g.kind.startsWith("multipleOf"));
  if (ajvGaps.length === 0 && typeof d.ajvExact === "boolean") return { kind, spec: d.ajvExact };
  if (!gaps.some((g) => g.oracle === "hyperjump") && typeof d.hyperjump === "boolean") return { kind, spec: d.hyperjump };
  return { kind };
}

/**
 * Where ajv and hyperjump agree and we do not, whether both are wrong for a known reason: today only
 * `multipleOf`, where the exact rule (ajv with it) sides with us and both oracles' approximations are off.
 */
export const BOTH_WRONG_EXAMPLE = { dialect: "2020-12" as Dialect, schema: { multipleOf: 0.1 }, data: 1e21, spec: true };

export function bothOraclesWrong(d: GapInput, ours: boolean): string | undefined {
  if (d.ajvExact === ours && d.ajv !== ours && someMultipleOfPair(d.schema, d.data, ajvMultipleOf) && someMultipleOfPair(d.schema, d.data, hyperjumpMultipleOf)) {
    return "multipleOf: ajv and hyperjump both approximate (1e21 is a multiple of 0.1)";
  }
  return undefined;
}
