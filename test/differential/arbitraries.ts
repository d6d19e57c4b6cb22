/**
 * fast-check arbitraries for the differential test (validators.test.ts): depth-bounded JSON Schemas in the
 * 2020-12 and draft-07 dialects, and JSON data biased towards the schema it is checked against (its consts,
 * enum members, property names, numeric bounds, multiples, string lengths and patterns), mixed with plain
 * `fc.jsonValue`.
 *
 * No `format` keyword is generated (the package is generated with `formats: "annotate"`), no `$id`, no remote
 * reference, no `$dynamicRef`/`unevaluated*`: the point is the everyday keywords and their corner cases.
 * References only go to `#`, `#/$defs/<name>` (`#/definitions/<name>` in draft-07), and never form a cycle that
 * consumes no data (that would be an infinite loop in every validator, not a difference between them).
 */
import fc from "fast-check";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type Dialect = "2020-12" | "draft-07";

export const DIALECT_URI: Record<Dialect, string> = {
  "2020-12": "https://json-schema.org/draft/2020-12/schema",
  "draft-07": "http://json-schema.org/draft-07/schema#",
};

/** An object with exactly these own properties: `__proto__` becomes an own data property, not the prototype. */
export function obj(entries: Iterable<readonly [string, Json]>): JsonObject {
  return Object.fromEntries(entries) as JsonObject;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Property names that trip up naive code: prototype members, pointer metacharacters, empty, non-ASCII, non-BMP. */
export const PROPERTY_NAMES: readonly string[] = [
  "a",
  "b",
  "c",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "a/b",
  "~",
  "~1",
  "",
  "é",
  "日本",
  "😀",
  "0",
  "length",
];

/**
 * Patterns for `pattern` and `patternProperties`: valid ECMA-262 with the `u` flag, and meaning the same in
 * every engine involved. `^.{2}$` and `^\p{L}+$` tell a `u` regexp from a plain one.
 */
export const PATTERNS: readonly string[] = ["^a", "b$", "^[a-z]*$", "\\d", "^.{2}$", "^$", "é", "😀", "^\\p{L}+$", "[~/]", "^_", "o"];

/** Strings made of these characters: ASCII, BMP non-ASCII, non-BMP (two UTF-16 units), pointer metacharacters. */
const CHARS: readonly string[] = ["a", "b", "o", "z", "_", "1", "é", "日", "😀", "𝄞", "~", "/", " "];

/** const/enum values: every JSON type, 1 and 1.0 alike, objects with tricky keys, nested values. */
export const VALUES: readonly Json[] = [
  null,
  true,
  false,
  0,
  1,
  -1,
  2,
  1.5,
  0.1,
  1e-8,
  100,
  "",
  "a",
  "b",
  "😀",
  "é",
  "__proto__",
  [],
  [1],
  [1, "a"],
  [[]],
  [{}],
  {},
  { a: 1 },
  { a: [1, 2] },
  { a: { b: null } },
  obj([["__proto__", 1]]),
  obj([["constructor", {}]]),
  obj([["toString", "x"]]),
];

const BOUNDS: readonly number[] = [-2.5, -1, 0, 0.5, 1, 2, 2.5, 3, 10, 100, 1e-8];
const MULTIPLES: readonly number[] = [1, 2, 3, 7, 0.5, 0.25, 1.5, 0.1, 0.01, 1e-8];
const TYPES = ["null", "boolean", "integer", "number", "string", "array", "object"] as const;

/** Names of `$defs` entries: `a/b` and `x~y` need escaping in the reference (`a~1b`, `x~0y`). */
const DEF_NAMES: readonly string[] = ["d0", "d1", "a/b", "x~y", "d4"];

export function escapePointerToken(s: string): string {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

// ---------------------------------------------------------------------------------------------------------------
// Schemas

interface Ctx {
  dialect: Dialect;
  /** `$defs` or `definitions`. */
  defsKey: string;
  /** Targets a `$ref` may take where the instance does not change (no cycle): `#/$defs/…` of earlier defs. */
  sameInstance: string[];
  /** Targets a `$ref` may take below an item or a property (the instance shrinks, so cycles terminate). */
  deeper: string[];
  /** Built arbitraries by depth and position: building them eagerly would be exponential in the depth. */
  cache: Map<string, fc.Arbitrary<Json>>;
}

const small = fc.integer({ min: 0, max: 4 });

function subschemas(ctx: Ctx, depth: number, deeper: boolean, min = 1, max = 3): fc.Arbitrary<Json[]> {
  return fc.array(schemaNode(ctx, depth, deeper), { minLength: min, maxLength: max });
}

function propertiesOf(ctx: Ctx, depth: number): fc.Arbitrary<JsonObject> {
  return fc
    .uniqueArray(fc.tuple(fc.constantFrom(...PROPERTY_NAMES), schemaNode(ctx, depth, true)), { selector: (t) => t[0], maxLength: 4 })
    .map((entries) => obj(entries));
}

/** Some (at least one, at most `max`) of the entries of a record of arbitraries, as one partial object. */
function some(record: Record<string, fc.Arbitrary<Json>>, max = 2): fc.Arbitrary<JsonObject> {
  const keys = Object.keys(record);
  return fc
    .subarray(keys, { minLength: 1, maxLength: Math.min(max, keys.length) })
    .chain((ks) => fc.tuple(...ks.map((k) => record[k]!.map((v) => [k, v] as [string, Json]))))
    .map((entries) => obj(entries));
}

const names = (min: number, max: number) => fc.uniqueArray(fc.constantFrom(...PROPERTY_NAMES), { minLength: min, maxLength: max }) as fc.Arbitrary<Json>;

/**
 * The keyword atoms a schema object is built from (one to three of them), each an arbitrary of a partial schema
 * object of one or a few related keywords, with a weight. Combinators only above depth 0.
 */
function keywordAtoms(ctx: Ctx, depth: number): fc.WeightedArbitrary<JsonObject>[] {
  const d = depth - 1;
  const is2020 = ctx.dialect === "2020-12";
  const sub = (deeper: boolean) => schemaNode(ctx, d, deeper);
  const bound = fc.constantFrom(...BOUNDS);
  const atoms: [number, fc.Arbitrary<JsonObject>][] = [
    // type: one name or an array of names
    [
      6,
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...TYPES).map((t) => ({ type: t }) as JsonObject) },
        { weight: 1, arbitrary: fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 3 }).map((ts) => ({ type: ts }) as JsonObject) },
      ),
    ],
    // enum (the empty enum is rare: it validates nothing) and const
    [
      2,
      fc
        .oneof(
          { weight: 30, arbitrary: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 4, selector: (v) => JSON.stringify(v) }) },
          // Draft-07's metaschema requires a non-empty enum (2020-12's does not; ajv rejects it anyway).
          { weight: is2020 ? 1 : 0, arbitrary: fc.constant([] as Json[]) },
        )
        .map((e) => ({ enum: e })),
    ],
    [1, fc.constantFrom(...VALUES).map((c) => ({ const: c }))],
    // strings
    [3, some({ minLength: small, maxLength: small })],
    [2, fc.constantFrom(...PATTERNS).map((p) => ({ pattern: p }))],
    // numbers
    [3, some({ minimum: bound, maximum: bound, exclusiveMinimum: bound, exclusiveMaximum: bound })],
    [2, fc.constantFrom(...MULTIPLES).map((m) => ({ multipleOf: m }))],
    // arrays
    [2, sub(true).map((i) => ({ items: i }))],
    is2020
      ? [2, fc.record({ prefixItems: subschemas(ctx, d, true, 1, 3), items: sub(true) }, { requiredKeys: ["prefixItems"] })]
      : [2, fc.record({ items: subschemas(ctx, d, true, 1, 3), additionalItems: sub(true) }, { requiredKeys: ["items"] })],
    [2, some({ minItems: small, maxItems: small })],
    [1, fc.constant({ uniqueItems: true })],
    is2020
      ? [2, fc.record({ contains: sub(true), minContains: fc.nat({ max: 3 }), maxContains: fc.nat({ max: 3 }) }, { requiredKeys: ["contains"] })]
      : [2, sub(true).map((c) => ({ contains: c }))],
    // objects
    [
      5,
      fc
        .tuple(propertiesOf(ctx, d), fc.nat({ max: 3 }), fc.option(sub(true), { nil: undefined, freq: 3 }))
        .map(([props, nReq, additional]) => {
          const o: [string, Json][] = [["properties", props]];
          if (nReq > 0) o.push(["required", Object.keys(props).slice(0, nReq)]);
          if (additional !== undefined) o.push(["additionalProperties", additional]);
          return obj(o);
        }),
    ],
    [2, names(1, 3).map((r) => ({ required: r }))],
    [1, sub(true).map((a) => ({ additionalProperties: a }))],
    [
      2,
      fc
        .uniqueArray(fc.tuple(fc.constantFrom(...PATTERNS), sub(true)), { selector: (t) => t[0], minLength: 1, maxLength: 2 })
        .map((e) => ({ patternProperties: obj(e) })),
    ],
    [
      1,
      fc
        .oneof(
          some({ maxLength: small, minLength: small, pattern: fc.constantFrom(...PATTERNS) }, 1),
          names(1, 4).map((e) => ({ enum: e }) as JsonObject),
          fc.boolean(),
        )
        .map((p) => ({ propertyNames: p })),
    ],
    [2, some({ minProperties: small, maxProperties: small })],
    // dependencies
    ...(is2020
      ? ([
          [
            1,
            fc
              .uniqueArray(fc.tuple(fc.constantFrom(...PROPERTY_NAMES), names(0, 2)), { selector: (t) => t[0], minLength: 1, maxLength: 2 })
              .map((e) => ({ dependentRequired: obj(e) })),
          ],
          [
            1,
            fc
              .uniqueArray(fc.tuple(fc.constantFrom(...PROPERTY_NAMES), sub(false)), { selector: (t) => t[0], minLength: 1, maxLength: 2 })
              .map((e) => ({ dependentSchemas: obj(e) })),
          ],
        ] as [number, fc.Arbitrary<JsonObject>][])
      : ([
          [
            2,
            fc
              .uniqueArray(fc.tuple(fc.constantFrom(...PROPERTY_NAMES), fc.oneof(names(0, 2), sub(false))), { selector: (t) => t[0], minLength: 1, maxLength: 2 })
              .map((e) => ({ dependencies: obj(e) })),
          ],
        ] as [number, fc.Arbitrary<JsonObject>][])),
  ];
  if (depth > 0) {
    atoms.push(
      [4, fc.constantFrom("allOf", "anyOf", "oneOf").chain((k) => subschemas(ctx, d, false).map((s) => ({ [k]: s }) as JsonObject))],
      [1, sub(false).map((s) => ({ not: s }))],
      [2, fc.record({ if: sub(false), then: sub(false), else: sub(false) }, { requiredKeys: ["if"] })],
    );
  }
  return atoms.map(([weight, arbitrary]) => ({ weight, arbitrary }));
}

function keywordObject(ctx: Ctx, depth: number): fc.Arbitrary<JsonObject> {
  const atom = fc.oneof(...keywordAtoms(ctx, depth));
  return fc
    .array(atom, { minLength: 1, maxLength: depth > 0 ? 3 : 2 })
    .map((parts) => obj(parts.flatMap((p) => Object.entries(p))));
}

/** A subschema: true/false, an object of keywords, or a reference (alone in draft-07, where siblings are ignored). */
function schemaNode(ctx: Ctx, depth: number, deeper: boolean): fc.Arbitrary<Json> {
  if (depth < 0) return fc.boolean();
  const key = `${depth}:${deeper}`;
  const hit = ctx.cache.get(key);
  if (hit) return hit;
  const built = buildSchemaNode(ctx, depth, deeper);
  ctx.cache.set(key, built);
  return built;
}

function buildSchemaNode(ctx: Ctx, depth: number, deeper: boolean): fc.Arbitrary<Json> {
  const targets = deeper ? ctx.deeper : ctx.sameInstance;
  const options: fc.WeightedArbitrary<Json>[] = [
    { weight: 1, arbitrary: fc.boolean() },
    { weight: depth > 0 ? 8 : 4, arbitrary: keywordObject(ctx, depth) },
  ];
  if (targets.length > 0) {
    const ref = fc.constantFrom(...targets);
    options.push({ weight: 2, arbitrary: ref.map((r) => ({ $ref: r })) });
    if (ctx.dialect === "2020-12" && depth > 0) {
      options.push({ weight: 1, arbitrary: fc.tuple(ref, keywordObject(ctx, 0)).map(([r, o]) => obj([["$ref", r], ...Object.entries(o)])) });
    }
  }
  return fc.oneof(...options);
}

/** A recursive definition that always terminates on finite data: a tree of integers, or a linked list. */
function recursiveDef(dialect: Dialect, self: string): fc.Arbitrary<Json> {
  const defsKey = dialect === "2020-12" ? "$defs" : "definitions";
  const ref = `#/${defsKey}/${escapePointerToken(self)}`;
  return fc.constantFrom<Json>(
    { anyOf: [{ type: "integer" }, { type: "array", maxItems: 3, items: { $ref: ref } }] },
    {
      type: "object",
      required: ["value"],
      properties: { value: { type: "string", maxLength: 2 }, next: { anyOf: [{ type: "null" }, { $ref: ref }] } },
      additionalProperties: false,
    },
  );
}

/**
 * A whole schema document: `$schema`, maybe `$defs` (one of them possibly recursive), and the root's keywords.
 * Definition `i` may refer to definitions before it where the instance stays the same, and to any definition
 * (and to `#`) below an item or a property.
 */
export function schemaDocument(dialect: Dialect, depth = 3): fc.Arbitrary<JsonObject> {
  const defsKey = dialect === "2020-12" ? "$defs" : "definitions";
  const pointer = (n: string) => `#/${defsKey}/${escapePointerToken(n)}`;
  return fc
    .tuple(fc.nat({ max: 3 }), fc.boolean(), fc.nat({ max: 9 }))
    .chain(([nDefs, withRecursive, rootRefBias]) => {
      const names = DEF_NAMES.slice(0, nDefs);
      const recursiveName = withRecursive ? "tree" : undefined;
      const all = [...names, ...(recursiveName ? [recursiveName] : [])].map(pointer);
      const defArbs = names.map((_, i) =>
        schemaNode({ dialect, defsKey, sameInstance: names.slice(0, i).map(pointer), deeper: [...all, "#"], cache: new Map() }, depth - 1, false),
      );
      const rootCtx: Ctx = { dialect, defsKey, sameInstance: all, deeper: [...all, "#"], cache: new Map() };
      // A root that is only a reference. In draft-07 it is wrapped in allOf: there `$ref` makes its siblings be
      // ignored, `definitions` included, and hyperjump then cannot resolve the reference (ajv and we can).
      const root: fc.Arbitrary<JsonObject> =
        all.length > 0 && rootRefBias === 0
          ? fc.constantFrom(...all).map((r): JsonObject => (dialect === "2020-12" ? { $ref: r } : { allOf: [{ $ref: r }] }))
          : keywordObject(rootCtx, depth);
      return fc.tuple(root, fc.tuple(...defArbs), recursiveName ? recursiveDef(dialect, recursiveName) : fc.constant(undefined)).map(([r, defs, rec]) => {
        const defEntries: [string, Json][] = names.map((n, i) => [n, defs[i]!]);
        if (rec !== undefined && recursiveName) defEntries.push([recursiveName, rec]);
        const entries: [string, Json][] = [["$schema", DIALECT_URI[dialect]], ...Object.entries(r)];
        if (defEntries.length > 0) entries.push([defsKey, obj(defEntries)]);
        return obj(entries);
      });
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Data

/** The value a local `#…` reference points at, or undefined. */
export function resolveLocal(root: Json, ref: string): Json | undefined {
  if (!ref.startsWith("#")) return undefined;
  const frag = decodeURIComponent(ref.slice(1));
  if (frag === "") return root;
  if (!frag.startsWith("/")) return undefined;
  let cur: Json | undefined = root;
  for (const raw of frag.slice(1).split("/")) {
    const tok = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(cur)) cur = cur[Number(tok)];
    else if (isObject(cur) && Object.prototype.hasOwnProperty.call(cur, tok)) cur = cur[tok];
    else return undefined;
  }
  return cur;
}

const anyJson: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 2, stringUnit: "grapheme" }) as fc.Arbitrary<Json>;
const charString = (min: number, max: number) => fc.array(fc.constantFrom(...CHARS), { minLength: min, maxLength: max }).map((a) => a.join(""));

/** Strings near a schema's length bounds, matching (or nearly) its pattern, and the pools' strings. */
function stringsFor(s: JsonObject): fc.Arbitrary<Json> {
  const lens = [s.minLength, s.maxLength].filter((n): n is number => typeof n === "number");
  const out: fc.Arbitrary<Json>[] = [charString(0, 5), fc.constantFrom(...PROPERTY_NAMES)];
  for (const n of lens) out.push(charString(Math.max(0, n - 1), n + 1));
  if (typeof s.pattern === "string") {
    const p = s.pattern;
    out.push(
      fc.constantFrom(...PROPERTY_NAMES, "a", "ab", "aob", "éé", "😀😀", "😀", "x1", "_x", "a/b").filter((x) => new RegExp(p, "u").test(x) || x.length < 2),
    );
  }
  return fc.oneof(...out);
}

/** Numbers at and around the bounds, multiples of multipleOf (exact decimals and float products), integers. */
function numbersFor(s: JsonObject): fc.Arbitrary<Json> {
  const bounds = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"].map((k) => s[k]).filter((n): n is number => typeof n === "number");
  const out: fc.Arbitrary<Json>[] = [fc.integer({ min: -5, max: 12 }), fc.constantFrom(0.1, 0.3, -0.3, 0.07, 1e-8, 3e-8, 1.5, 2.5, -0.5, 0.30000000000000004, 1e21, 1e17, 2 ** 53 + 2, 1e308, -1.7976931348623157e308, 5e-324)];
  if (bounds.length > 0) {
    out.push(fc.tuple(fc.constantFrom(...bounds), fc.constantFrom(0, 0, 1e-9, -1e-9, 0.5, -0.5, 1, -1)).map(([b, e]) => b + e));
  }
  if (typeof s.multipleOf === "number") {
    const m = s.multipleOf;
    out.push(
      fc.integer({ min: -4, max: 12 }).chain((k) => fc.constantFrom(k * m, Number((k * m).toPrecision(12)), k * m + m / 2)),
    );
  }
  return fc.oneof(...out);
}

function schemaOf(v: Json | undefined): JsonObject | boolean {
  return typeof v === "boolean" ? v : isObject(v) ? v : true;
}

/**
 * Data for schema `s` (within document `root`): built to land near the boundary between valid and invalid, so
 * both verdicts are common. Depth-bounded; follows `$ref`, combinators and conditionals into their subschemas.
 */
export function dataFor(s: Json | undefined, root: JsonObject, depth = 3): fc.Arbitrary<Json> {
  const schema = schemaOf(s);
  if (typeof schema === "boolean" || depth <= 0) return fc.oneof(anyJson, fc.constantFrom(...VALUES));
  const options: fc.WeightedArbitrary<Json>[] = [{ weight: 2, arbitrary: anyJson }];
  const add = (weight: number, arbitrary: fc.Arbitrary<Json>) => options.push({ weight, arbitrary });

  const consts: Json[] = [];
  if ("const" in schema) consts.push(schema.const!);
  if (Array.isArray(schema.enum)) consts.push(...schema.enum);
  if (consts.length > 0) add(4, fc.constantFrom(...consts));
  add(1, fc.constantFrom(...VALUES));

  const types = Array.isArray(schema.type) ? schema.type : typeof schema.type === "string" ? [schema.type] : [];
  const has = (...ks: string[]) => ks.some((k) => k in schema);
  if (types.includes("string") || has("minLength", "maxLength", "pattern")) add(4, stringsFor(schema));
  if (types.includes("number") || types.includes("integer") || has("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")) {
    add(4, numbersFor(schema));
  }
  if (types.includes("array") || has("items", "prefixItems", "additionalItems", "contains", "minItems", "maxItems", "uniqueItems")) {
    add(4, arrayFor(schema, root, depth));
  }
  if (
    types.includes("object") ||
    has("properties", "required", "additionalProperties", "patternProperties", "propertyNames", "minProperties", "maxProperties", "dependentRequired", "dependentSchemas", "dependencies")
  ) {
    add(4, objectFor(schema, root, depth));
  }
  if (types.includes("boolean")) add(1, fc.boolean());
  if (types.includes("null")) add(1, fc.constant(null));

  const subs: Json[] = [];
  for (const k of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(schema[k])) subs.push(...(schema[k] as Json[]));
  for (const k of ["if", "then", "else", "not"]) if (k in schema) subs.push(schema[k]!);
  if (isObject(schema.dependentSchemas)) subs.push(...Object.values(schema.dependentSchemas));
  if (typeof schema.$ref === "string") {
    const target = resolveLocal(root, schema.$ref);
    if (target !== undefined) subs.push(target);
  }
  if (subs.length > 0) add(3 * Math.min(subs.length, 3), fc.constantFrom(...subs).chain((sub) => dataFor(sub, root, depth - 1)));
  return fc.oneof(...options);
}

function arrayFor(s: JsonObject, root: JsonObject, depth: number): fc.Arbitrary<Json> {
  const prefix: Json[] = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : [];
  const rest = Array.isArray(s.items) ? s.additionalItems : s.items;
  const item = (i: number): fc.Arbitrary<Json> => {
    const own = i < prefix.length ? prefix[i] : rest;
    const pool = [dataFor(own, root, depth - 1)];
    if (s.contains !== undefined) pool.push(dataFor(s.contains, root, depth - 1));
    return fc.oneof(...pool);
  };
  const max = Math.min(5, typeof s.maxItems === "number" ? s.maxItems + 1 : 4, 5);
  return fc
    .nat({ max })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => item(i))))
    .chain((items) =>
      items.length > 0 && s.uniqueItems === true
        ? fc.oneof(fc.constant(items as Json[]), fc.nat({ max: items.length - 1 }).map((i) => [...items, structuredClone(items[i]!)] as Json[]))
        : fc.constant(items as Json[]),
    );
}

function objectFor(s: JsonObject, root: JsonObject, depth: number): fc.Arbitrary<Json> {
  const props = isObject(s.properties) ? s.properties : {};
  const keys = new Set<string>(Object.keys(props));
  if (Array.isArray(s.required)) for (const k of s.required) if (typeof k === "string") keys.add(k);
  for (const k of ["dependentRequired", "dependentSchemas", "dependencies"]) {
    const deps = s[k];
    if (isObject(deps)) {
      for (const [key, v] of Object.entries(deps)) {
        keys.add(key);
        if (Array.isArray(v)) for (const r of v) if (typeof r === "string") keys.add(r);
      }
    }
  }
  const keyPool = [...keys, ...PROPERTY_NAMES.filter((k) => !keys.has(k))];
  const patternProps = isObject(s.patternProperties) ? Object.entries(s.patternProperties) : [];
  const valueFor = (k: string): fc.Arbitrary<Json> => {
    if (Object.prototype.hasOwnProperty.call(props, k)) return dataFor(props[k], root, depth - 1);
    const pp = patternProps.find(([p]) => new RegExp(p, "u").test(k));
    if (pp) return dataFor(pp[1], root, depth - 1);
    return dataFor(s.additionalProperties, root, depth - 1);
  };
  const required = Array.isArray(s.required) ? s.required.filter((k): k is string => typeof k === "string") : [];
  return fc
    .tuple(
      fc.subarray(keyPool.slice(0, 8), { maxLength: 5 }),
      fc.boolean(), // whether all the required names are added
    )
    .chain(([picked, withRequired]) => {
      const names = [...new Set([...(withRequired ? required : []), ...picked])];
      return fc.tuple(...names.map((k) => valueFor(k).map((v) => [k, v] as [string, Json]))).map((entries) => obj(entries));
    });
}
