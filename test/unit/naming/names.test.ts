/**
 * Identifiers and the naming pass: PascalCase names that are valid TypeScript, component key before title before
 * file stem, and a conflict in one namespace resolved by the next candidate with a warning — never a number.
 */
import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../../src/diagnostics/diagnostic.js";
import type { Declaration, DeclarationOrigin, Model } from "../../../src/model/ir.js";
import { isIdentifier, pascalCase } from "../../../src/naming/identifiers.js";
import { assignNames } from "../../../src/naming/namer.js";
import { generate } from "../../../src/pipeline.js";
import { removeTemp, typeCheck, writeTemp } from "../../helpers/tsc.js";

describe("pascalCase", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["an already-PascalCase name is kept as written", { given: "SMSMfaSettingsType", want: "SMSMfaSettingsType" }],
    ["another one with digits", { given: "UserPoolIdType2", want: "UserPoolIdType2" }],
    ["words split at any non-alphanumeric", { given: "cognito-idp user_pool.id", want: "CognitoIdpUserPoolId" }],
    ["camelCase gets a capital first letter, the rest kept", { given: "userPool", want: "UserPool" }],
    ["acronyms inside words are kept", { given: "HTTP-Header", want: "HTTPHeader" }],
    ["surrounding space is ignored", { given: "  Pet  ", want: "Pet" }],
    ["a reserved word becomes a capitalised (allowed) name", { given: "class", want: "Class" }],
    ["a leading digit is prefixed", { given: "2fa-settings", want: "Schema2faSettings" }],
    ["digits only", { given: "404", want: "Schema404" }],
    ["nothing usable", { given: "$-_", want: "Schema" }],
    ["empty", { given: "", want: "Schema" }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    expect(pascalCase(given)).toBe(want);
  });

  it.each(["class", "constructor", "123", "a b", "__proto__", "Größe", "💥", "default export", "$ref", "null"])("always yields an identifier: %j", (raw) => {
    expect(isIdentifier(pascalCase(raw))).toBe(true);
  });
});

describe("isIdentifier", () => {
  const cases: [string, { given: string; want: boolean }][] = [
    ["a PascalCase name", { given: "Pet", want: true }],
    ["underscore and dollar", { given: "_a$1", want: true }],
    ["a reserved word", { given: "class", want: false }],
    ["a contextual type keyword", { given: "string", want: false }],
    ["constructor", { given: "constructor", want: false }],
    ["the capitalised keyword", { given: "String", want: true }],
    ["a leading digit", { given: "1a", want: false }],
    ["a dash", { given: "a-b", want: false }],
    ["empty", { given: "", want: false }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    expect(isIdentifier(given)).toBe(want);
  });
});

function declaration(uri: string, pointer: string, nameHints: string[], origin: DeclarationOrigin, namespace = "ns"): Declaration {
  const id = `file://${uri}#${pointer}`;
  return { id, namespace, nameHints, name: "", origin, type: { kind: "unknown" }, source: { uri, url: `file://${uri}`, pointer } };
}

function names(declarations: Declaration[]) {
  const model: Model = { declarations, byId: new Map(declarations.map((d) => [d.id, d])) };
  const bag = new DiagnosticBag();
  assignNames(model, bag);
  return { names: Object.fromEntries(declarations.map((d) => [`${d.source.uri}#${d.source.pointer}`, d.name])), diagnostics: bag.items };
}

describe("assignNames", () => {
  it("takes the first free candidate and warns, naming the holder", () => {
    const { names: got, diagnostics } = names([
      declaration("/s/a.json", "", ["Thing", "a"], "root"),
      declaration("/s/b.json", "", ["Thing", "b"], "root"),
    ]);
    expect(got).toEqual({ "/s/a.json#": "Thing", "/s/b.json#": "B" });
    expect(diagnostics).toMatchObject([{ code: "name-conflict", severity: "warning", uri: "/s/b.json", message: expect.stringContaining("/s/a.json") }]);
  });

  it("public names first: a root or component keeps its name over a $defs entry read earlier", () => {
    const { names: got } = names([
      declaration("/s/a.json", "/$defs/Money", ["Money", "a-$defs-Money"], "def"),
      declaration("/s/b.json", "", ["Money", "b"], "root"),
    ]);
    expect(got).toEqual({ "/s/a.json#/$defs/Money": "ADefsMoney", "/s/b.json#": "Money" });
  });

  it("when every candidate is taken, qualifies by the pointer — never a numeric suffix", () => {
    const { names: got, diagnostics } = names([
      declaration("/s/x.json", "/$defs/a", ["Item"], "def"),
      declaration("/s/x.json", "/$defs/b", ["Item"], "def"),
      declaration("/s/x.json", "/$defs/c", ["Item"], "def"),
    ]);
    expect(Object.values(got)).toEqual(["Item", "ItemDefsB", "ItemDefsC"]);
    for (const n of Object.values(got)) expect(n).not.toMatch(/\d$/);
    expect(diagnostics.map((d) => d.severity)).toEqual(["warning", "warning"]);
  });

  it("the same name in two namespaces is no conflict", () => {
    const { names: got, diagnostics } = names([
      declaration("/s/idp-thing.json", "", ["Thing"], "root", "idp"),
      declaration("/s/identity-thing.json", "", ["Thing"], "root", "identity"),
    ]);
    expect(Object.values(got)).toEqual(["Thing", "Thing"]);
    expect(diagnostics).toEqual([]);
  });

  it("does not hand out names the generated modules declare themselves", () => {
    const { names: got } = names([declaration("/s/validation-error.json", "", ["ValidationError", "validation-error-type"], "root")]);
    expect(Object.values(got)).toEqual(["ValidationErrorType"]);
  });
});

describe("names through generate()", () => {
  it("component key over title, $defs key over title, title over file stem, stem when untitled", async () => {
    const dir = writeTemp({
      "api.json": JSON.stringify({ openapi: "3.1.0", info: { title: "x", version: "1" }, components: { schemas: { Pet: { title: "Animal", type: "object" } } } }),
      "shop-order-schema.json": JSON.stringify({ title: "PurchaseOrder", type: "object", $defs: { Money: { title: "Amount", type: "number" } } }),
      "shop-line-item-schema.json": JSON.stringify({ type: "object", properties: { qty: { type: "integer" } } }),
    });
    try {
      const r = await generate({ inputs: [dir], namespaceBy: "none" });
      expect(r.diagnostics).toEqual([]);
      expect(r.types.map((t) => `${t.name} ← ${t.source.uri.split("/").pop()}#${t.source.pointer}`).sort()).toEqual([
        "Money ← shop-order-schema.json#/$defs/Money",
        "Pet ← api.json#/components/schemas/Pet",
        "PurchaseOrder ← shop-order-schema.json#",
        "ShopLineItem ← shop-line-item-schema.json#",
      ]);
    } finally {
      removeTemp(dir);
    }
  });

  it("two schemas titled alike in one namespace: the second is named by its file, with a warning, and both are exported", async () => {
    const dir = writeTemp({
      "a-thing.json": JSON.stringify({ title: "Thing", type: "string" }),
      "b-thing.json": JSON.stringify({ title: "Thing", type: "number" }),
    });
    try {
      const r = await generate({ inputs: [dir], namespaceBy: "none" });
      expect(r.diagnostics).toMatchObject([{ code: "name-conflict", severity: "warning", uri: expect.stringMatching(/b-thing\.json$/) }]);
      expect(r.types.map((t) => t.name).sort()).toEqual(["BThing", "Thing"]);
      const consumer = 'import type { Thing, BThing } from "./index.js";\nexport const x: [Thing, BThing] = ["s", 1];\n';
      expect(typeCheck({ ...r.files, "consumer.ts": consumer })).toEqual([]);
    } finally {
      removeTemp(dir);
    }
  });
});

describe("imports of one name from two namespaces", () => {
  it("the second import is aliased by its namespace, so the module compiles", async () => {
    const { generate } = await import("../../../src/pipeline.js");
    const { writeTemp, removeTemp, typeCheck } = await import("../../helpers/tsc.js");
    const item = (type: string) => JSON.stringify({ title: "Item", type });
    const dir = writeTemp({
      "a/item.json": item("string"),
      "b/item.json": item("number"),
      "c/pair.json": JSON.stringify({ title: "Pair", type: "array", prefixItems: [{ $ref: "../a/item.json" }, { $ref: "../b/item.json" }], items: false, minItems: 2 }),
    });
    try {
      const r = await generate({ inputs: [dir], namespaceBy: "folder", emit: ["types"] });
      const dts = r.files["types/c.d.ts"]!;
      expect(dts).toContain('import type { Item } from "./a.js";');
      expect(dts).toContain('import type { Item as BItem } from "./b.js";');
      expect(dts).toContain("export type Pair = [Item, BItem];");
      const consumer = 'import type { Pair } from "./c.js";\nexport const p: Pair = ["x", 1];\n// @ts-expect-error the second is a number\nexport const q: Pair = ["x", "y"];\n';
      expect(typeCheck({ ...r.files, "use.ts": consumer })).toEqual([]);
    } finally {
      removeTemp(dir);
    }
  });
});
