/**
 * OpenAPI 3.0/3.1 beyond JSON Schema, as a user of the generated package sees it: nullable references,
 * discriminated unions that narrow in TypeScript and that the validators enforce, readOnly/writeOnly views.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../helpers/shared.js";
import { buildPackage, type BuiltPackage } from "../../helpers/package.js";
import { removeTemp, typeCheck, writeTemp } from "../../helpers/tsc.js";
import { generate } from "../../../src/pipeline.js";

const golden = (name: string, file: string) => ({ [file]: readFileSync(join(projectRoot, "test", "golden", name, "input", file), "utf8") });

describe("OpenAPI 3.0 (golden openapi-pets)", () => {
  let pkg: BuiltPackage;
  beforeAll(async () => {
    pkg = await buildPackage(golden("openapi-pets", "pets.yaml"));
  });
  afterAll(() => pkg.dispose());

  it("a discriminated union narrows on its tag: each case sees its member's members", () => {
    const narrowing = `import type { Pet } from "./index.js";
export function describe(pet: Pet): string {
  switch (pet.petType) {
    case "cat": return pet.indoor ? pet.name : "out";
    case "dog": return String(pet.barks);
    case "Lizard": return String(pet.scales);
  }
}
`;
    expect(pkg.typeErrors(narrowing)).toEqual([]);
    const wrong = `import type { Pet } from "./index.js";
export function f(pet: Pet): unknown { if (pet.petType === "cat") return pet.barks; return undefined; }
`;
    expect(pkg.typeErrors(wrong).join("\n")).toMatch(/Property 'barks' does not exist on type 'Cat & \{ petType: "cat"; \}'/);
    // The mapping replaces the implicit names of the members it maps: "Dog" is not a tag, "dog" is.
    expect(pkg.typeErrors(`import type { Pet } from "./index.js";\nexport const p: Pet = { petType: "Dog", name: "Rex", barks: true };\n`)).not.toEqual([]);
  });

  it("the validators accept a value only under the member its tag selects", () => {
    expect(pkg.validate("Pet", { petType: "cat", name: "Tom", indoor: true })).toBe(true);
    expect(pkg.validate("Pet", { petType: "dog", name: "Rex", barks: true })).toBe(true);
    expect(pkg.validate("Pet", { petType: "Lizard", scales: 3 })).toBe(true);
    // Valid as a Dog by oneOf, but the tag says cat: the type would claim a Cat.
    expect(pkg.validate("Pet", { petType: "cat", name: "Rex", barks: true })).toBe(false);
    expect(pkg.validate("Pet", { petType: "Dog", name: "Rex", barks: true })).toBe(false);
    expect(pkg.validate("Pet", { name: "Rex", barks: true })).toBe(false);
    const r = (pkg.module.validatePet as (v: unknown) => { errors: { keyword: string; message: string }[] })({ petType: "bird" });
    expect(r.errors.map((e) => e.keyword)).toContain("discriminator");
    expect(r.errors.find((e) => e.keyword === "discriminator")!.message).toBe(`must have property 'petType' with a discriminator value ("cat", "dog", "Lizard")`);
  });

  it("`allOf: [{ $ref }], nullable: true` admits null in type and validator; `nullable` beside a bare `$ref` is ignored (3.0)", () => {
    expect(pkg.validate("Owner", { id: "1", name: "a", address: null })).toBe(true);
    expect(pkg.validate("Owner", { id: "1", name: "a", address: { street: "x" } })).toBe(true);
    expect(pkg.validate("Owner", { id: "1", name: "a", address: 5 })).toBe(false);
    expect(pkg.validate("Owner", { id: "1", name: "a", ignoredNullable: null })).toBe(false);
    expect(pkg.typeErrors(`import type { Owner } from "./index.js";\nexport const o: Owner = { id: "1", name: "a", address: null };\n`)).toEqual([]);
  });

  it("readOnly members are absent from X.Request, writeOnly ones from X.Response, through references", () => {
    const ok = `import type { Owner } from "./index.js";
export const request: Owner.Request = { name: "a", password: "p", address: { street: "s" } };
export const response: Owner.Response = { id: "1", name: "a", address: { street: "s", verifiedAt: "2020-01-01T00:00:00Z" } };
export const full: Owner = { id: "1", name: "a", password: "p" };
`;
    expect(pkg.typeErrors(ok)).toEqual([]);
    const errors = pkg.typeErrors(`import type { Owner } from "./index.js";
export const a: Owner.Request = { id: "1", name: "a" };
export const b: Owner.Response = { id: "1", name: "a", password: "p" };
export const c: Owner.Request = { name: "a", address: { verifiedAt: "x" } };
`);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/'id' does not exist in type 'Request'/);
    expect(errors[1]).toMatch(/'password' does not exist in type 'Response'/);
    expect(errors[2]).toMatch(/'verifiedAt' does not exist in type 'Request'/);
  });
});

describe("OpenAPI 3.1 (golden openapi31)", () => {
  let pkg: BuiltPackage;
  beforeAll(async () => {
    pkg = await buildPackage(golden("openapi31", "shapes.yaml"));
  });
  afterAll(() => pkg.dispose());

  it("implicit mapping by component name narrows, and the validator holds values to it", () => {
    const narrowing = `import type { Shape, Drawing } from "./index.js";
export function area(s: Shape): number { return s.kind === "Circle" ? Math.PI * s.radius ** 2 : s.side ** 2; }
export function main(d: Drawing): number { return d.main ? area(d.main) : 0; }
`;
    expect(pkg.typeErrors(narrowing)).toEqual([]);
    expect(pkg.validate("Shape", { kind: "Circle", radius: 1 })).toBe(true);
    expect(pkg.validate("Shape", { kind: "Square", radius: 1 })).toBe(false);
    expect(pkg.validate("Shape", { kind: "circle", radius: 1 })).toBe(false);
  });

  it("`anyOf: [{ $ref }, { type: null }]` and `type: [X, null]` are nullable", () => {
    expect(pkg.validate("Drawing", { main: null, label: null })).toBe(true);
    expect(pkg.typeErrors(`import type { Drawing } from "./index.js";\nexport const d: Drawing = { main: null, label: null };\n`)).toEqual([]);
  });
});

describe("OpenAPI findings", () => {
  async function run(schemas: string) {
    const text = `openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n${schemas}`;
    const dir = writeTemp({ "t.yaml": text }, "sf-openapi-");
    try {
      return await generate({ inputs: [dir] });
    } finally {
      removeTemp(dir);
    }
  }

  it("discriminator-unmatched: a mapping entry to a schema outside the oneOf is a located warning, and the tag is not accepted", async () => {
    const r = await run(`    U:
      oneOf: [{ $ref: "#/components/schemas/A" }]
      discriminator:
        propertyName: t
        mapping: { b: "#/components/schemas/B" }
    A: { type: object, properties: { t: { type: string } } }
    B: { type: object, properties: { t: { type: string } } }
`);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.pointer, d.line])).toEqual([["discriminator-unmatched", "warning", "/components/schemas/U/discriminator/mapping/b", 10]]);
    expect(r.files["validators/t.js"]).toMatch(/allowedValues: \["A"\]/);
  });

  it("views never take a declaration's name: Order.Request and a type named OrderRequest live side by side", async () => {
    const r = await run(`    Order:
      type: object
      properties:
        id: { type: string, readOnly: true }
        note: { type: string }
    OrderRequest: { type: object, required: [order], properties: { order: { $ref: "#/components/schemas/Order" } } }
`);
    expect(r.diagnostics).toEqual([]);
    const consumer = `import type { Order, OrderRequest } from "./index.js";
export const a: Order.Request = { note: "n" };
export const b: OrderRequest = { order: { id: "1" } };
export const c: OrderRequest.Request = { order: { note: "n" } };
`;
    expect(typeCheck({ ...r.files, "consumer.ts": consumer }, { roots: ["consumer.ts"] })).toEqual([]);
  });

  it("views reach across namespaces, through the aliased import of the other namespace's type", async () => {
    const doc = (service: string, schemas: string) => `openapi: 3.0.3\ninfo: { title: T, version: "1", x-serviceName: ${service} }\npaths: {}\ncomponents:\n  schemas:\n${schemas}`;
    const dir = writeTemp({
      "alpha.yaml": doc("alpha", `    Box: { type: object, properties: { item: { $ref: "beta.yaml#/components/schemas/Item" } } }\n    Item: { type: object, properties: { local: { type: string } } }\n`),
      "beta.yaml": doc("beta", `    Item: { type: object, properties: { id: { type: string, readOnly: true }, name: { type: string } } }\n`),
    }, "sf-openapi-");
    try {
      const r = await generate({ inputs: [dir] });
      expect(r.diagnostics).toEqual([]);
      expect(r.files["types/alpha.d.ts"]).toContain("item?: BetaItem.Request;");
      const consumer = `import type { Box } from "./alpha.js";\nexport const b: Box.Request = { item: { name: "n" } };\n// @ts-expect-error id is readOnly\nexport const c: Box.Request = { item: { id: "1" } };\n`;
      expect(typeCheck({ ...r.files, "consumer.ts": consumer }, { roots: ["consumer.ts"] })).toEqual([]);
    } finally {
      removeTemp(dir);
    }
  });

  it("hostile tag names and values stay data: the package compiles, imports and validates", async () => {
    const doc = JSON.stringify({
      openapi: "3.0.3",
      info: { title: "T", version: "1" },
      paths: {},
      components: {
        schemas: {
          U: {
            oneOf: [{ $ref: "#/components/schemas/A" }, { $ref: "#/components/schemas/B" }],
            discriminator: { propertyName: 'k*/"\n', mapping: { '"); throw 1; ("': "#/components/schemas/A", ["__proto__"]: "#/components/schemas/B" } },
          },
          A: { type: "object", required: ["a"], properties: { a: { type: "string" } }, "x-evil*/": 1, "x-ok": "*/ @x" },
          B: { type: "object", required: ["b"], properties: { b: { type: "string" } } },
        },
      },
    });
    const pkg = await buildPackage({ "t.json": doc });
    try {
      expect(pkg.typeErrors(`import type { U } from "./index.js";\nexport const names: U[] = [];\n`)).toEqual([]);
      expect(pkg.validate("U", JSON.parse('{ "k*/\\"\\n": "\\"); throw 1; (\\"", "a": "x" }'))).toBe(true);
      expect(pkg.validate("U", JSON.parse('{ "k*/\\"\\n": "__proto__", "b": "x" }'))).toBe(true);
      expect(pkg.validate("U", JSON.parse('{ "k*/\\"\\n": "__proto__", "a": "x" }'))).toBe(false);
    } finally {
      pkg.dispose();
    }
  });

  it("views-skipped: no views for a type whose views would refer to a type named Request or Response", async () => {
    const r = await run(`    Order:
      type: object
      properties:
        id: { type: string, readOnly: true }
        request: { $ref: "#/components/schemas/Request" }
    Request: { type: object, properties: { body: { type: string } } }
`);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.pointer])).toEqual([["views-skipped", "warning", "/components/schemas/Order"]]);
    expect(r.files["types/t.d.ts"]).not.toContain("namespace Order");
  });
});
