/**
 * Each dialect → the canonical 2020-12 form, one schema object at a time, with `origin` naming the raw keyword a
 * renamed canonical keyword was read from (so diagnostics still point into the file as written).
 */
import { describe, expect, it } from "vitest";
import type { Dialect } from "../../../src/load/document.js";
import { normalizeNode } from "../../../src/normalize/index.js";
import { generate } from "../../../src/pipeline.js";
import { removeTemp, writeTemp } from "../../helpers/tsc.js";

type Case = [
  string,
  { given: Record<string, unknown>; want: { schema: Record<string, unknown>; origin?: Record<string, string>; originIncludes?: Record<string, string> } },
];

function check(dialect: Dialect, cases: Case[]) {
  it.each(cases)("%s", (_name, { given, want }) => {
    const before = structuredClone(given);
    const node = normalizeNode(given, dialect);
    expect(node.schema).toEqual(want.schema);
    if (want.originIncludes) expect(node.origin).toMatchObject(want.originIncludes);
    else expect(node.origin).toEqual(want.origin ?? {});
    expect(given, "the raw schema is left as written").toEqual(before);
  });
}

const sub = { type: "string" };

describe("draft-04", () => {
  check("draft-04", [
    ["`id` → `$id`", { given: { id: "http://example.com/a.json", type: "string" }, want: { schema: { $id: "http://example.com/a.json", type: "string" }, origin: { $id: "id" } } }],
    [
      "boolean exclusive bounds → numeric ones",
      {
        given: { type: "number", minimum: 1, exclusiveMinimum: true, maximum: 5, exclusiveMaximum: true },
        want: { schema: { type: "number", exclusiveMinimum: 1, exclusiveMaximum: 5 }, origin: { exclusiveMinimum: "minimum", exclusiveMaximum: "maximum" } },
      },
    ],
    [
      "`exclusiveMaximum: false` is dropped and `maximum` stays inclusive",
      { given: { type: "number", maximum: 5, exclusiveMaximum: false }, want: { schema: { type: "number", maximum: 5 } } },
    ],
    ["`exclusiveMinimum: true` without `minimum` says nothing", { given: { type: "number", exclusiveMinimum: true }, want: { schema: { type: "number" } } }],
    [
      "keywords draft 4 does not have are dropped",
      {
        given: { type: "object", const: 1, contains: sub, propertyNames: sub, if: sub, then: sub, else: sub },
        want: { schema: { type: "object" } },
      },
    ],
    ["`definitions` → `$defs`", { given: { definitions: { a: sub } }, want: { schema: { $defs: { a: sub } }, origin: { $defs: "definitions" } } }],
    [
      "`$ref` hides its siblings but annotations stay",
      { given: { $ref: "#/definitions/a", type: "number", minimum: 2, description: "d" }, want: { schema: { $ref: "#/definitions/a", description: "d" } } },
    ],
  ]);
});

describe("draft-06", () => {
  check("draft-06", [
    ["`if`/`then`/`else` are not keywords yet", { given: { type: "string", if: sub, then: sub, else: sub }, want: { schema: { type: "string" } } }],
    [
      "`const`, `contains` and `propertyNames` are",
      { given: { const: 1, contains: sub, propertyNames: sub }, want: { schema: { const: 1, contains: sub, propertyNames: sub } } },
    ],
    [
      "boolean exclusive bounds are not a draft 6 form: kept as written",
      { given: { exclusiveMinimum: 3 }, want: { schema: { exclusiveMinimum: 3 } } },
    ],
  ]);
});

describe("draft-07", () => {
  check("draft-07", [
    [
      "`$ref` hides its siblings; annotations, definitions and x- extensions stay",
      {
        given: { $ref: "#/definitions/a", type: "object", properties: { b: sub }, title: "T", "x-kind": 1, definitions: { a: sub } },
        want: { schema: { $ref: "#/definitions/a", title: "T", "x-kind": 1, $defs: { a: sub } }, origin: { $defs: "definitions" } },
      },
    ],
    [
      "`dependencies` split into `dependentRequired` and `dependentSchemas`",
      {
        given: { dependencies: { card: ["billing"], vip: { required: ["level"] }, off: false } },
        want: {
          schema: { dependentRequired: { card: ["billing"] }, dependentSchemas: { vip: { required: ["level"] }, off: false } },
          originIncludes: { dependentSchemas: "dependencies" },
        },
      },
    ],
    [
      "array `items` → `prefixItems`, `additionalItems` → `items`",
      {
        given: { type: "array", items: [sub, { type: "number" }], additionalItems: false },
        want: { schema: { type: "array", prefixItems: [sub, { type: "number" }], items: false }, origin: { prefixItems: "items", items: "additionalItems" } },
      },
    ],
    ["a schema `items` stays `items`", { given: { type: "array", items: sub }, want: { schema: { type: "array", items: sub } } }],
    ["`additionalItems` without array `items` has no effect", { given: { items: sub, additionalItems: false }, want: { schema: { items: sub } } }],
    ["`if`/`then`/`else` are kept", { given: { if: sub, then: sub, else: sub }, want: { schema: { if: sub, then: sub, else: sub } } }],
  ]);

  it("records where `dependentRequired` came from", () => {
    expect(normalizeNode({ dependencies: { card: ["billing"] } }, "draft-07").origin).toEqual({ dependentRequired: "dependencies" });
  });
});

describe("2019-09", () => {
  check("2019-09", [
    [
      "`$ref` does not hide its siblings",
      { given: { $ref: "#/$defs/a", required: ["x"], properties: { x: sub } }, want: { schema: { $ref: "#/$defs/a", required: ["x"], properties: { x: sub } } } },
    ],
    [
      "array `items` → `prefixItems`, `additionalItems` → `items`",
      { given: { items: [sub], additionalItems: sub }, want: { schema: { prefixItems: [sub], items: sub }, origin: { prefixItems: "items", items: "additionalItems" } } },
    ],
  ]);
});

describe("2020-12", () => {
  it("is the canonical form: the node is the schema as written", () => {
    const raw = { $ref: "#/$defs/a", prefixItems: [sub], items: false, dependentRequired: { a: ["b"] } };
    const node = normalizeNode(raw, "2020-12");
    expect(node.schema).toBe(raw);
    expect(node.origin).toEqual({});
  });
});

describe("OpenAPI 3.0", () => {
  check("openapi-3.0", [
    ["`nullable` with a type adds null to it", { given: { type: "string", nullable: true }, want: { schema: { type: ["string", "null"] } } }],
    [
      "`nullable` with an enum adds null to both",
      { given: { type: "string", enum: ["a", "b"], nullable: true }, want: { schema: { type: ["string", "null"], enum: ["a", "b", null] } } },
    ],
    [
      "`nullable` with an enum that already lists null adds it once",
      { given: { type: "string", enum: ["a", null], nullable: true }, want: { schema: { type: ["string", "null"], enum: ["a", null] } } },
    ],
    [
      "`nullable` beside `allOf` (the nullable-$ref idiom) stays: null is valid whatever the allOf says",
      { given: { allOf: [{ $ref: "#/components/schemas/A" }], nullable: true }, want: { schema: { allOf: [{ $ref: "#/components/schemas/A" }], nullable: true } } },
    ],
    [
      "`nullable` with a type and a oneOf: null joins the type and `nullable` stays for the oneOf",
      { given: { type: "object", oneOf: [sub, sub], nullable: true }, want: { schema: { type: ["object", "null"], oneOf: [sub, sub], nullable: true } } },
    ],
    ["`nullable: false` is just removed", { given: { type: "integer", nullable: false }, want: { schema: { type: "integer" } } }],
    ["`example` → `examples`", { given: { type: "string", example: "x" }, want: { schema: { type: "string", examples: ["x"] }, origin: { examples: "example" } } }],
    ["an `example` that is an array is one example", { given: { example: [1, 2] }, want: { schema: { examples: [[1, 2]] }, origin: { examples: "example" } } }],
    [
      "boolean exclusive bounds → numeric ones",
      {
        given: { type: "number", minimum: 0, exclusiveMinimum: true, maximum: 10 },
        want: { schema: { type: "number", exclusiveMinimum: 0, maximum: 10 }, origin: { exclusiveMinimum: "minimum" } },
      },
    ],
    [
      "`$ref` hides `nullable` and other siblings, annotations stay",
      {
        given: { $ref: "#/components/schemas/A", nullable: true, description: "d", example: 1 },
        want: { schema: { $ref: "#/components/schemas/A", description: "d", examples: [1] }, origin: { examples: "example" } },
      },
    ],
  ]);
});

describe("OpenAPI 3.1", () => {
  check("openapi-3.1", [
    ["`example` → `examples`", { given: { type: "string", example: "x" }, want: { schema: { type: "string", examples: ["x"] }, origin: { examples: "example" } } }],
    ["`examples` wins over `example`", { given: { example: "x", examples: ["y"] }, want: { schema: { example: "x", examples: ["y"] } } }],
    [
      "`$ref` keeps its siblings (it is 2020-12)",
      { given: { $ref: "#/components/schemas/A", type: "object", description: "d" }, want: { schema: { $ref: "#/components/schemas/A", type: "object", description: "d" } } },
    ],
    ["`type` arrays with null are plain 2020-12", { given: { type: ["string", "null"] }, want: { schema: { type: ["string", "null"] } } }],
  ]);
});

describe("origin in diagnostics: locations point into the file as written", () => {
  it("a draft-07 tuple member's impossible enum value is reported at /items/0/enum/1, not at prefixItems", async () => {
    const text = [
      "{",
      '  "$schema": "http://json-schema.org/draft-07/schema#",',
      '  "title": "Pair",',
      '  "type": "array",',
      '  "items": [',
      '    { "type": "string", "enum": ["a", 2] }',
      "  ]",
      "}",
    ].join("\n");
    const dir = writeTemp({ "pair.json": text });
    try {
      const r = await generate({ inputs: [dir] });
      // Line 6 is `    { "type": "string", "enum": ["a", 2] }`: the `2` is its 39th character.
      expect(r.diagnostics).toMatchObject([{ code: "enum-type-mismatch", pointer: "/items/0/enum/1", line: 6, column: 39 }]);
    } finally {
      removeTemp(dir);
    }
  });
});

describe("dialects end to end: the types a user gets", () => {
  it("draft-04 exclusive bounds show as numeric JSDoc tags; draft-06 `if` does not widen the type", async () => {
    const dir = writeTemp({
      "d4.json": JSON.stringify({
        $schema: "http://json-schema.org/draft-04/schema#",
        title: "Percent",
        type: "number",
        minimum: 0,
        exclusiveMinimum: true,
        maximum: 100,
      }),
      "d6.json": JSON.stringify({ $schema: "http://json-schema.org/draft-06/schema#", title: "Plain", type: "string", if: { minLength: 1 }, then: { maxLength: 2 } }),
    });
    try {
      const r = await generate({ inputs: [dir], namespaceBy: "none" });
      expect(r.diagnostics).toEqual([]);
      const percent = r.model!.declarations.find((d) => d.name === "Percent")!;
      expect(percent.type.constraints).toEqual({ exclusiveMinimum: 0, maximum: 100 });
      const dts = Object.entries(r.files).filter(([p]) => p.endsWith(".d.ts")).map(([, t]) => t).join("\n");
      expect(dts).toMatch(/@exclusiveMinimum 0\n/);
      const plain = r.model!.declarations.find((d) => d.name === "Plain")!;
      // In draft 6, `if` is not a keyword: no "wider than the schema" note.
      expect(plain.type).toEqual({ kind: "primitive", type: "string", docs: { title: "Plain" } });
    } finally {
      removeTemp(dir);
    }
  });
});
