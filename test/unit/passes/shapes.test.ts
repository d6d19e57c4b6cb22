/**
 * The type printer and the passes, seen from the generated `.d.ts`: unions flattened, `never` dropped, allOf
 * merged or printed as `extends`, index signatures that compile, tuples, non-string enums, open and closed
 * objects, and structural dedupe. Everything is type-checked once, with a consumer that uses each shape.
 */
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import type { Declaration, Model, ObjectNode, TypeNode } from "../../../src/model/ir.js";
import { dedupeStructures } from "../../../src/passes/dedupe-structural.js";
import { flattenUnions } from "../../../src/passes/flatten-unions.js";
import { mergeAllOf } from "../../../src/passes/merge-all-of.js";
import { generate, type GenerateResult } from "../../../src/pipeline.js";
import { removeTemp, typeCheck, writeTemp } from "../../helpers/tsc.js";

const str = { type: "string" };
const num = { type: "number" };

const shapes = {
  title: "Holder",
  type: "object",
  properties: {
    point: { type: "object", properties: { x: num, y: num }, required: ["x", "y"] },
    pair: { type: "object", properties: { l: str } },
    color: { enum: ["red", "green"] },
    nothing: { type: "object", additionalProperties: false, maxProperties: 0 },
  },
  $defs: {
    Flat: { anyOf: [{ anyOf: [str, num] }, { type: "boolean" }, false, { anyOf: [str] }] },
    Merged: {
      allOf: [
        { type: "object", properties: { a: str }, required: ["a"] },
        { type: "object", properties: { b: num, a: str }, required: ["b"] },
      ],
    },
    A: { type: "object", properties: { a: str } },
    B: { type: "object", properties: { b: str } },
    AB: { allOf: [{ $ref: "#/$defs/A" }, { $ref: "#/$defs/B" }] },
    ABC: { allOf: [{ $ref: "#/$defs/A" }, { $ref: "#/$defs/B" }, { type: "object", properties: { c: { type: "integer" } }, required: ["c"] }] },
    Indexed: { type: "object", properties: { a: str, n: num }, required: ["n"], additionalProperties: { type: "boolean" } },
    Tuple: { type: "array", prefixItems: [str, num], minItems: 1, items: false },
    TupleRest: { type: "array", prefixItems: [str, num], minItems: 1, items: { type: "boolean" } },
    Values: { enum: [1, "a", null, true, -2.5] },
    Empty: { type: "object" },
    Closed: { type: "object", properties: { a: str }, additionalProperties: false },
    ClosedEmpty: { type: "object", additionalProperties: false },
    Point: { type: "object", properties: { x: num, y: num }, required: ["x", "y"] },
    Pair1: { type: "object", properties: { l: str } },
    Pair2: { type: "object", properties: { l: str } },
    Color: { enum: ["red", "green"] },
  },
};

const consumer = `
import type { Holder, Flat, Merged, AB, ABC, Indexed, Tuple, TupleRest, Values, Empty, Closed, ClosedEmpty, Point } from "./index.js";
export const f: Flat[] = ["s", 1, true];
// @ts-expect-error null is not in the union
export const f2: Flat = null;
export const m: Merged = { a: "x", b: 1 };
// @ts-expect-error b is required by the second allOf member
export const m2: Merged = { a: "x" };
export const ab: AB = { a: "x", b: "y" };
export const abc: ABC = { c: 1 };
export const i: Indexed = { n: 1, a: "x", other: true };
// @ts-expect-error other members are booleans (or, widened so that the interface compiles, strings and numbers)
export const i2: Indexed = { n: 1, other: [1] };
export const t: Tuple[] = [["a"], ["a", 1]];
// @ts-expect-error no third element
export const t2: Tuple = ["a", 1, 2];
// @ts-expect-error the first element is required
export const t3: Tuple = [];
export const tr: TupleRest = ["a", 1, true, false];
export const v: Values[] = [1, "a", null, true, -2.5];
// @ts-expect-error 2 is not a value
export const v2: Values = 2;
export const e: Empty = { anything: [1] };
export const c: Closed = { a: "x" };
// @ts-expect-error no other members
export const c2: Closed = { a: "x", b: 1 };
export const ce: ClosedEmpty = {};
export const h: Holder = { point: { x: 1, y: 2 } satisfies Point, color: "red", nothing: {} };
// @ts-expect-error an inline closed empty object has no members
export const h2: Holder = { nothing: { a: 1 } };
`;

let r: GenerateResult;
let dts: string;

/** The printed declaration of `name` (from `export … name` up to the next blank line). */
function printed(name: string): string {
  const m = new RegExp(`^export (?:interface|type) ${name}\\b`, "m").exec(dts);
  if (!m) throw new Error(`${name} is not declared`);
  const end = dts.indexOf("\n\n", m.index);
  return dts.slice(m.index, end < 0 ? undefined : end).trimEnd();
}

function typeOf(name: string): TypeNode {
  const d = r.model!.declarations.find((x) => x.name === name);
  if (!d) throw new Error(`no ${name}`);
  return d.type;
}

function prop(name: string, member: string): TypeNode {
  const t = typeOf(name) as ObjectNode;
  return t.properties.find((p) => p.name === member)!.type;
}

const refName = (t: TypeNode) => (t.kind === "ref" ? r.model!.byId.get(t.target)!.name : `(${t.kind})`);

beforeAll(async () => {
  const dir = writeTemp({ "holder.json": JSON.stringify(shapes) });
  try {
    r = await generate({ inputs: [dir], namespaceBy: "none" });
  } finally {
    removeTemp(dir);
  }
  dts = Object.entries(r.files)
    .filter(([p]) => p.endsWith(".d.ts"))
    .map(([, t]) => t)
    .join("\n");
});

describe("the generated declarations", () => {
  it("generate without diagnostics and type-check with a consumer of every shape", () => {
    expect(r.diagnostics).toEqual([]);
    expect(typeCheck({ ...r.files, "consumer.ts": consumer })).toEqual([]);
  });

  const cases: [string, { given: string; want: string }][] = [
    ["nested unions flatten, `never` and duplicates drop", { given: "Flat", want: "export type Flat = string | number | boolean;" }],
    ["allOf of inline objects merges, required united", { given: "Merged", want: "export interface Merged {\n  a: string;\n  b: number;\n}" }],
    ["allOf of named objects extends them", { given: "AB", want: "export interface AB extends A, B {\n}" }],
    ["allOf of named objects plus members extends them with the members", { given: "ABC", want: "export interface ABC extends A, B {\n  c: number;\n}" }],
    [
      "an index signature takes the optional members' types and undefined",
      { given: "Indexed", want: "export interface Indexed {\n  a?: string;\n  n: number;\n  [key: string]: boolean | string | number | undefined;\n}" },
    ],
    ["prefixItems past minItems are optional (one tuple per length); items: false closes the tuple", { given: "Tuple", want: "export type Tuple = [string] | [string, number];" }],
    ["items after prefixItems are the rest", { given: "TupleRest", want: "export type TupleRest = [string] | [string, number, ...boolean[]];" }],
    ["an enum of numbers, null and booleans", { given: "Values", want: 'export type Values =\n  | 1\n  | "a"\n  | null\n  | true\n  | -2.5;' }],
    ["an empty object admits any member", { given: "Empty", want: "export type Empty = { [key: string]: unknown };" }],
    ["additionalProperties: false adds no index signature", { given: "Closed", want: "export interface Closed {\n  a?: string;\n}" }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    expect(printed(given)).toBe(want);
  });

  it("inline, a closed empty object admits no member", () => {
    expect(printed("Holder")).toMatch(/nothing\?: { \[key: string\]: never };/);
  });

  it("a named closed empty object admits no member and no primitive, which accepts any non-nullish value; inline the printer gives `{ [key: string]: never }`)", () => {
    const misuse = 'import type { ClosedEmpty } from "./index.js";\n// @ts-expect-error no members\nexport const a: ClosedEmpty = { a: 1 };\n// @ts-expect-error not an object\nexport const b: ClosedEmpty = 42;\n';
    expect(typeCheck({ ...r.files, "misuse.ts": misuse })).toEqual([]);
  });
});

describe("dedupe", () => {
  it("an inline object identical to exactly one named declaration becomes a reference to it", () => {
    expect(refName(prop("Holder", "point"))).toBe("Point");
  });

  it("an inline enum identical to exactly one named enum becomes a reference to it", () => {
    expect(refName(prop("Holder", "color"))).toBe("Color");
  });

  it("with two identical named candidates, it stays inline (no guess)", () => {
    expect(prop("Holder", "pair").kind).toBe("object");
    expect(typeOf("Pair1").kind).toBe("object");
    expect(typeOf("Pair2").kind).toBe("object");
  });
});

describe("passes on hand-built models", () => {
  const decl = (name: string, type: TypeNode, namespace = ""): Declaration => ({
    id: `file:///m.json#/$defs/${name}`,
    namespace,
    nameHints: [name],
    name,
    origin: "def",
    type,
    source: { uri: "/m.json", url: "file:///m.json", pointer: `/$defs/${name}` },
  });
  const model = (...declarations: Declaration[]): Model => ({ declarations, byId: new Map(declarations.map((d) => [d.id, d])) });
  const s = { kind: "primitive", type: "string" } as const;
  const n = { kind: "primitive", type: "number" } as const;

  it("flattenUnions: a union that keeps only one member becomes that member, keeping the union's docs", () => {
    const out = flattenUnions(model(decl("U", { kind: "union", members: [s, { kind: "never" }, { kind: "union", members: [s] }], docs: { description: "d" } })));
    expect(out.declarations[0]!.type).toEqual({ ...s, docs: { description: "d" } });
  });

  it("flattenUnions: an unconstrained unknown member makes the union unknown", () => {
    const out = flattenUnions(model(decl("U", { kind: "union", members: [s, { kind: "unknown" }] })));
    expect(out.declarations[0]!.type).toEqual({ kind: "unknown" });
  });

  it("flattenUnions: only never members → never", () => {
    const out = flattenUnions(model(decl("U", { kind: "union", members: [{ kind: "never" }, { kind: "never" }] })));
    expect(out.declarations[0]!.type).toEqual({ kind: "never" });
  });

  it("mergeAllOf: same member typed differently becomes an intersection; one closed part closes the result", () => {
    const out = mergeAllOf(
      model(
        decl("M", {
          kind: "intersection",
          members: [
            { kind: "object", properties: [{ name: "a", required: false, type: s }] },
            { kind: "object", properties: [{ name: "a", required: true, type: n }], additional: false },
          ],
        }),
      ),
    );
    expect(out.declarations[0]!.type).toEqual({
      kind: "object",
      properties: [{ name: "a", required: true, type: { kind: "intersection", members: [s, n] } }],
      additional: false,
    });
  });

  it("mergeAllOf: a named part stays beside the merged inline objects", () => {
    const ref = { kind: "ref", target: "file:///m.json#/$defs/X" } as const;
    const out = mergeAllOf(
      model(
        decl("M", {
          kind: "intersection",
          members: [ref, { kind: "object", properties: [{ name: "a", required: true, type: s }] }, { kind: "object", properties: [{ name: "b", required: true, type: s }] }],
        }),
      ),
    );
    const t = out.declarations[0]!.type;
    expect(t.kind === "intersection" && t.members.map((m) => m.kind)).toEqual(["ref", "object"]);
  });

  it("dedupeStructures: only within the namespace", () => {
    const shape = (): TypeNode => ({ kind: "object", properties: [{ name: "q", required: true, type: s }] });
    const holder = decl("H", { kind: "array", items: shape() }, "one");
    const out = dedupeStructures(model(holder, { ...decl("Q", shape(), "two"), id: "file:///other.json#" }));
    expect(out.declarations[0]!.type).toEqual({ kind: "array", items: shape() });
  });

  it("dedupeStructures: a bare primitive is never replaced by a name", () => {
    const out = dedupeStructures(model(decl("S", s), decl("H", { kind: "array", items: s })));
    expect(out.declarations[1]!.type).toEqual({ kind: "array", items: s });
  });
});

it("the printed .d.ts parses as TypeScript with no syntax errors", () => {
  for (const [path, text] of Object.entries(r.files)) {
    if (!path.endsWith(".d.ts")) continue;
    const sf = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
    expect((sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics, path).toEqual([]);
  }
});

describe("tuple elements", () => {
  it("optional elements are one tuple per length, so no element is typed `| undefined`; union elements need no parentheses", async () => {
    const { generate } = await import("../../../src/pipeline.js");
    const { writeTemp, removeTemp, typeCheck } = await import("../../helpers/tsc.js");
    const dir = writeTemp({ "t.json": JSON.stringify({ title: "T", type: "array", prefixItems: [{ type: ["string", "number"] }, { anyOf: [{ type: "boolean" }, { type: "null" }] }] }) });
    try {
      const r = await generate({ inputs: [dir], emit: ["types"] });
      const dts = Object.entries(r.files).find(([p]) => p.startsWith("types/") && p.endsWith(".d.ts"))![1];
      expect(dts).toContain("export type T = [] | [string | number] | [string | number, boolean | null, ...unknown[]];");
      const consumer =
        'import type { T } from "./index.js";\nexport const a: T = ["x", true];\nexport const b: T = [];\nexport const c: T = [1, null, {}];\n' +
        "// @ts-expect-error the second element is boolean or null\nexport const d: T = [1, 2];\n" +
        "// @ts-expect-error no element is undefined (as `[(string | number)?]` would allow)\nexport const e: T = [undefined];\n";
      expect(typeCheck({ ...r.files, "c.ts": consumer })).toEqual([]);
    } finally {
      removeTemp(dir);
    }
  });

  it("a long tuple with many optional elements uses `?` (bounded output), and an optional union element is parenthesised", async () => {
    const { generate } = await import("../../../src/pipeline.js");
    const { writeTemp, removeTemp, typeCheck } = await import("../../helpers/tsc.js");
    const prefixItems = Array.from({ length: 12 }, () => ({ type: ["string", "number"] }));
    const dir = writeTemp({ "t.json": JSON.stringify({ title: "T", type: "array", prefixItems, items: false }) });
    try {
      const r = await generate({ inputs: [dir], emit: ["types"] });
      const dts = Object.entries(r.files).find(([p]) => p.startsWith("types/") && p.endsWith(".d.ts"))![1];
      expect(dts).toContain(`export type T = [${Array(12).fill("(string | number)?").join(", ")}];`);
      const consumer = 'import type { T } from "./index.js";\nexport const a: T = ["x", 1];\nexport const b: T = [];\n// @ts-expect-error no 13th element\nexport const c: T = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];\n';
      expect(typeCheck({ ...r.files, "c.ts": consumer })).toEqual([]);
    } finally {
      removeTemp(dir);
    }
  });

});

describe("members named like inherited ones", () => {
  it("an optional toString/constructor member admits an object without it (TypeScript checks the inherited one)", async () => {
    const { generate } = await import("../../../src/pipeline.js");
    const { writeTemp, removeTemp, typeCheck } = await import("../../helpers/tsc.js");
    const dir = writeTemp({ "p.json": JSON.stringify({ title: "P", type: "object", properties: { toString: { type: "string" }, constructor: { type: "number" }, name: { type: "string" } } }) });
    try {
      const r = await generate({ inputs: [dir], emit: ["types"] });
      const consumer = [
        'import type { P } from "./index.js";',
        "declare function accept<T>(): <const V extends T>(v: V) => void;",
        "accept<P>()({});",
        'accept<P>()({ toString: "x", constructor: 1, name: "n" });',
        "// @ts-expect-error a string member is still a string",
        "accept<P>()({ name: 1 });",
        "// @ts-expect-error a JSON value of the wrong type is still rejected",
        "accept<P>()({ toString: 1 });",
      ].join("\n");
      expect(typeCheck({ ...r.files, "c.ts": consumer })).toEqual([]);
    } finally {
      removeTemp(dir);
    }
  });
});
