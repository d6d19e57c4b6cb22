/**
 * The resolve stage through `generate()` on small folders: base URIs from `$id`, `$anchor`, JSON pointers,
 * files read only because a `$ref` names them, the input-root fence, remote URLs (refused unless mapped), the
 * component fallback, cycles and `allowUnresolved`. Assertions are on diagnostics, the model and the `.d.ts`.
 */
import { basename, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { GenerateOptions } from "../../../src/config/options.js";
import type { GenerateResult } from "../../../src/pipeline.js";
import { generate } from "../../../src/pipeline.js";
import type { Model, TypeNode } from "../../../src/model/ir.js";
import { removeTemp, typeCheck, writeTemp } from "../../helpers/tsc.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeTemp(d);
});

function fixture(files: Record<string, unknown>): string {
  const dir = writeTemp(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v, null, 2)])), "sf-resolve-");
  dirs.push(dir);
  return dir;
}

const errors = (r: GenerateResult) => r.diagnostics.filter((d) => d.severity === "error");
const codes = (r: GenerateResult) => r.diagnostics.map((d) => d.code).sort();

function decl(model: Model, name: string) {
  const d = model.declarations.find((x) => x.name === name);
  if (!d) throw new Error(`no declaration ${name} (have ${model.declarations.map((x) => x.name).join(", ")})`);
  return d;
}

/** The declaration a property of `name` refers to: `name (file#pointer)`. */
function propTarget(model: Model, name: string, prop: string): string {
  const t = decl(model, name).type;
  if (t.kind !== "object") throw new Error(`${name} is a ${t.kind}`);
  const p = t.properties.find((x) => x.name === prop);
  if (!p) throw new Error(`${name} has no ${prop}`);
  return describeRef(model, p.type);
}

function describeRef(model: Model, t: TypeNode): string {
  if (t.kind !== "ref") return t.kind;
  const target = model.byId.get(t.target)!;
  return `${target.name} (${basename(target.source.uri)}#${target.source.pointer})`;
}

async function gen(options: GenerateOptions): Promise<GenerateResult> {
  return generate({ namespaceBy: "folder", ...options });
}

describe("base URIs, anchors and pointers", () => {
  const root = {
    $id: "https://example.com/schemas/root.json",
    title: "Root",
    type: "object",
    properties: {
      item: { $ref: "item.json" },
      inner: { $ref: "https://example.com/other/inner.json" },
      flag: { $ref: "#flag" },
      direct: { $ref: "#/$defs/schemasLeaf" },
      escaped: { $ref: "#/$defs/a~1b%20c" },
      self: { $ref: "#" },
    },
    $defs: {
      item: { $id: "item.json", type: "object", properties: { n: { type: "integer" } }, required: ["n"] },
      // `leaf.json` inside this resource means https://example.com/other/leaf.json, not …/schemas/leaf.json.
      inner: { $id: "https://example.com/other/inner.json", type: "object", properties: { leaf: { $ref: "leaf.json" } } },
      otherLeaf: { $id: "https://example.com/other/leaf.json", type: "boolean" },
      schemasLeaf: { $id: "https://example.com/schemas/leaf.json", type: "string" },
      flagged: { $anchor: "flag", enum: [1, 2] },
      "a/b c": { type: "null" },
    },
  };

  it("resolves refs against the base URI in force, by $anchor, and by (escaped) pointer", async () => {
    const r = await gen({ inputs: [fixture({ "root.json": root })] });
    expect(r.diagnostics).toEqual([]);
    const m = r.model!;
    expect(propTarget(m, "Root", "item")).toBe("Item (root.json#/$defs/item)");
    expect(propTarget(m, "Root", "inner")).toBe("Inner (root.json#/$defs/inner)");
    expect(propTarget(m, "Inner", "leaf")).toBe("OtherLeaf (root.json#/$defs/otherLeaf)");
    expect(propTarget(m, "Root", "flag")).toBe("Flagged (root.json#/$defs/flagged)");
    expect(propTarget(m, "Root", "direct")).toBe("SchemasLeaf (root.json#/$defs/schemasLeaf)");
    expect(propTarget(m, "Root", "escaped")).toBe("ABC (root.json#/$defs/a~1b c)");
    expect(propTarget(m, "Root", "self")).toBe("Root (root.json#)");
    expect(typeCheck(r.files)).toEqual([]);
  });

  it("reports an $anchor that does not exist, at the $ref", async () => {
    const text = '{\n  "title": "T",\n  "properties": { "a": { "$ref": "#nope" } }\n}';
    const r = await gen({ inputs: [fixture({ "t.json": text })] });
    // Line 3 is `  "properties": { "a": { "$ref": "#nope" } }`: `"$ref"` starts at column 26.
    expect(r.diagnostics).toMatchObject([{ code: "ref-unresolved", severity: "error", pointer: "/properties/a/$ref", line: 3, column: 26 }]);
    expect(r.files).toEqual({});
  });

  it("draft-07: $ref ignores a sibling $id when resolving", async () => {
    // JSON-Schema-Test-Suite draft7/ref.json "$ref prevents a sibling $id from changing the base uri".
    const r = await gen({
      inputs: [
        fixture({
          "s.json": {
            $schema: "http://json-schema.org/draft-07/schema#",
            $id: "http://localhost:1234/sibling_id/base/",
            title: "Sibling",
            definitions: {
              foo: { $id: "http://localhost:1234/sibling_id/foo.json", type: "string" },
              base_foo: { $id: "foo.json", type: "number" },
            },
            type: "object",
            properties: { p: { $id: "http://localhost:1234/sibling_id/", $ref: "foo.json" } },
          },
        }),
      ],
    });
    expect(propTarget(r.model!, "Sibling", "p")).toBe("BaseFoo (s.json#/definitions/base_foo)");
  });
});

describe("files that only references name", () => {
  it("reads a file beside the input that is not itself an input, and types what it defines", async () => {
    const dir = fixture({
      "order.json": { title: "Order", type: "object", properties: { money: { $ref: "common.json#/$defs/Money" }, status: { $ref: "./common.json#/$defs/Status" } } },
      "common.json": { $defs: { Money: { type: "object", properties: { amount: { type: "number" } }, required: ["amount"] }, Status: { enum: ["open", "paid"] } } },
    });
    const r = await gen({ inputs: [join(dir, "order.json")] });
    expect(r.diagnostics).toEqual([]);
    expect(propTarget(r.model!, "Order", "money")).toBe("Money (common.json#/$defs/Money)");
    expect(propTarget(r.model!, "Order", "status")).toBe("Status (common.json#/$defs/Status)");
    expect(typeCheck(r.files)).toEqual([]);
  });

  it("follows a referenced file's own references", async () => {
    const dir = fixture({
      "in/a.json": { title: "A", type: "object", properties: { b: { $ref: "b.json" } } },
      "in/b.json": { title: "B", type: "object", properties: { c: { $ref: "nested/c.yaml" } } },
      "in/nested/c.yaml": "title: C\ntype: integer\n",
    });
    const r = await gen({ inputs: [join(dir, "in", "a.json")] });
    expect(r.diagnostics).toEqual([]);
    expect(propTarget(r.model!, "B", "c")).toBe("C (c.yaml#)");
  });

  it("reads a file whose name starts with two dots treats any relative path starting with '..' as outside the roots)", async () => {
    const dir = fixture({
      "a.json": { title: "A", type: "object", properties: { c: { $ref: "..common.json" } } },
      "..common.json": { title: "Common", type: "string" },
    });
    const r = await gen({ inputs: [join(dir, "a.json")] });
    expect(r.diagnostics).toEqual([]);
  });
});

describe("the input-root fence", () => {
  it("refuses ../../../../etc/passwd, at the $ref, without reading it", async () => {
    const text = '{\n  "title": "T",\n  "type": "object",\n  "properties": {\n    "p": { "$ref": "../../../../../../../../etc/passwd" }\n  }\n}';
    const dir = fixture({ "in/t.json": text });
    const r = await gen({ inputs: [join(dir, "in")] });
    // Line 5 is `    "p": { "$ref": …`: `"$ref"` starts at column 12.
    expect(r.diagnostics).toMatchObject([
      { code: "ref-outside-roots", severity: "error", pointer: "/properties/p/$ref", line: 5, column: 12, message: expect.stringContaining("file:///etc/passwd") },
    ]);
    expect(r.files).toEqual({});
  });

  it("does not read a file outside the input folders (even a sibling folder)", async () => {
    // If it were read, this file would report a parse error (it is neither JSON nor YAML) and add a type.
    const dir = fixture({
      "in/t.json": { title: "T", type: "object", properties: { s: { $ref: "../outside/secret.json" } } },
      "outside/secret.json": '{ "title": "Secret", "type": [',
    });
    const r = await gen({ inputs: [join(dir, "in")] });
    expect(r.diagnostics.map((d) => `${d.code} ${basename(d.uri ?? "")}`)).toEqual(["ref-outside-roots t.json"]);
    expect(r.model!.declarations.map((d) => d.name)).toEqual(["T"]);
  });
});

describe("remote references", () => {
  const input = {
    "in/t.json": {
      title: "T",
      type: "object",
      properties: { r: { $ref: "http://localhost:1234/lib.json#/$defs/Remote" } },
    },
  };

  it("are refused (never fetched) without a mapping", async () => {
    const dir = fixture(input);
    const r = await gen({ inputs: [join(dir, "in")] });
    expect(r.diagnostics).toMatchObject([
      { code: "ref-remote-refused", severity: "error", pointer: "/properties/r/$ref", line: expect.any(Number), message: expect.stringContaining("http://localhost:1234/lib.json") },
    ]);
    expect(r.files).toEqual({});
  });

  it("are served from a local folder with map: [prefix=folder], including their relative references", async () => {
    const dir = fixture({
      ...input,
      "remote/lib.json": { $defs: { Remote: { type: "object", properties: { other: { $ref: "other.json" } } } } },
      "remote/other.json": { title: "RemoteOther", type: "number" },
    });
    const r = await gen({ inputs: [join(dir, "in")], map: [`http://localhost:1234/=${join(dir, "remote")}`] });
    expect(errors(r)).toEqual([]);
    expect(propTarget(r.model!, "T", "r")).toBe("Remote (lib.json#/$defs/Remote)");
    expect(propTarget(r.model!, "Remote", "other")).toBe("RemoteOther (other.json#)");
    // The remote document keeps its URL as its identity.
    expect(decl(r.model!, "Remote").source.url).toBe("http://localhost:1234/lib.json");
  });

  it("a mapped URL cannot climb out of the mapped folder with encoded dot segments", async () => {
    const dir = fixture({
      "in/t.json": { title: "T", type: "object", properties: { r: { $ref: "http://localhost:1234/..%2fsecret.json" } } },
      "remote/lib.json": { title: "Lib" },
      "secret.json": '{ "title": "Secret", "type": [',
    });
    const r = await gen({ inputs: [join(dir, "in")], map: [`http://localhost:1234/=${join(dir, "remote")}`] });
    expect(errors(r).map((d) => basename(d.uri ?? ""))).toEqual(["t.json"]);
    expect(r.model!.declarations.map((d) => d.name)).toEqual(["T"]);
  });
});

describe("the component fallback", () => {
  // Two file-name families in one folder: fam-one-* and fam-two-* (the Cognito convention).
  const families = {
    "fam-one-order-request-schema.json": {
      title: "OrderRequest",
      type: "object",
      properties: { thing: { $ref: "#/components/schemas/Thing" }, gadget: { $ref: "#/components/schemas/Gadget" } },
    },
    "fam-one-thing-type-schema.json": { title: "Thing", type: "string" },
    "fam-two-order-response-schema.json": { title: "OrderResponse", type: "object", properties: { thing: { $ref: "#/components/schemas/Thing" } } },
    "fam-two-thing-type-schema.json": { title: "Thing", type: "number" },
    "fam-two-gadget-type-schema.json": { title: "Gadget", type: "boolean" },
  };

  it("resolves a missing #/components/schemas/X to the schema titled X in the same namespace", async () => {
    const r = await generate({ inputs: [fixture(families)] });
    expect(errors(r)).toEqual([]);
    const m = r.model!;
    expect(decl(m, "OrderRequest").namespace).toBe("fam-one");
    expect(propTarget(m, "OrderRequest", "thing")).toBe("Thing (fam-one-thing-type-schema.json#)");
    expect(propTarget(m, "OrderResponse", "thing")).toBe("Thing (fam-two-thing-type-schema.json#)");
  });

  it("looks in other namespaces when its own has no candidate", async () => {
    const r = await generate({ inputs: [fixture(families)] });
    expect(propTarget(r.model!, "OrderRequest", "gadget")).toBe("Gadget (fam-two-gadget-type-schema.json#)");
  });

  it("a fallback across namespaces type-checks", async () => {
    const r = await generate({ inputs: [fixture(families)] });
    expect(typeCheck(r.files)).toEqual([]);
  });

  it("also applies to #/definitions/X and #/$defs/X", async () => {
    const r = await gen({
      inputs: [
        fixture({
          "a.json": { title: "A", type: "object", properties: { b: { $ref: "#/definitions/B" }, c: { $ref: "#/$defs/C" } } },
          "b.json": { title: "B", type: "string" },
          "c.json": { title: "C", type: "integer" },
        }),
      ],
    });
    expect(errors(r)).toEqual([]);
    expect(propTarget(r.model!, "A", "b")).toBe("B (b.json#)");
    expect(propTarget(r.model!, "A", "c")).toBe("C (c.json#)");
    expect(typeCheck(r.files)).toEqual([]);
  });

  it("two candidates in one namespace: an ambiguity naming both files, never a pick", async () => {
    const r = await gen({
      inputs: [
        fixture({
          "req.json": { title: "Req", type: "object", properties: { t: { $ref: "#/components/schemas/Thing" } } },
          "thing-a.json": { title: "Thing", type: "string" },
          "thing-b.json": { title: "Thing", type: "number" },
        }),
      ],
    });
    const ambiguous = r.diagnostics.filter((d) => d.code === "ref-ambiguous");
    expect(ambiguous).toMatchObject([{ severity: "error", pointer: "/properties/t/$ref", line: expect.any(Number) }]);
    expect(ambiguous[0]!.message).toMatch(/thing-a\.json/);
    expect(ambiguous[0]!.message).toMatch(/thing-b\.json/);
    expect(r.files).toEqual({});
  });

  it("no candidate anywhere: ref-unresolved at the $ref's line and column", async () => {
    const text = '{\n  "title": "Req",\n  "type": "object",\n  "properties": {\n    "x": { "$ref": "#/components/schemas/Nope" }\n  }\n}';
    const r = await gen({ inputs: [fixture({ "req.json": text, "other.json": { title: "Other" } })] });
    expect(r.diagnostics).toMatchObject([
      { code: "ref-unresolved", severity: "error", pointer: "/properties/x/$ref", line: 5, column: 12, message: expect.stringContaining('"Nope"') },
    ]);
  });

  it("does not apply when the pointer exists in the document itself", async () => {
    const r = await gen({
      inputs: [
        fixture({
          "a.json": { title: "A", type: "object", properties: { b: { $ref: "#/$defs/B" } }, $defs: { B: { type: "boolean" } } },
          "b.json": { title: "B", type: "string" },
        }),
      ],
    });
    expect(propTarget(r.model!, "A", "b")).toMatch(/ \(a\.json#\/\$defs\/B\)$/);
  });
});

describe("cycles", () => {
  it("A → B → A across files and a self reference become recursive types that type-check", async () => {
    const r = await gen({
      inputs: [
        fixture({
          "a.json": { title: "A", type: "object", properties: { b: { $ref: "b.json" } } },
          "b.json": { title: "B", type: "object", properties: { a: { $ref: "a.json" } } },
          "tree.json": {
            title: "TreeNode",
            type: "object",
            required: ["children"],
            properties: { children: { type: "array", items: { $ref: "#" } }, parent: { anyOf: [{ $ref: "#" }, { type: "null" }] } },
          },
          "json.json": {
            title: "JsonValue",
            anyOf: [{ type: ["string", "number", "boolean", "null"] }, { type: "array", items: { $ref: "#" } }, { type: "object", additionalProperties: { $ref: "#" } }],
          },
        }),
      ],
    });
    expect(r.diagnostics).toEqual([]);
    const m = r.model!;
    expect(propTarget(m, "A", "b")).toBe("B (b.json#)");
    expect(propTarget(m, "B", "a")).toBe("A (a.json#)");
    const tree = decl(m, "TreeNode").type;
    expect(tree.kind === "object" && describeRef(m, (tree.properties[0]!.type as { items: TypeNode }).items)).toBe("TreeNode (tree.json#)");
    const consumer = [
      'import type { A, TreeNode, JsonValue } from "./index.js";',
      "const a: A = { b: { a: { b: {} } } };",
      "const t: TreeNode = { children: [{ children: [], parent: null }] };",
      'const j: JsonValue = { x: [1, "two", { y: null }] };',
      "// @ts-expect-error a number is not a TreeNode",
      "const bad: TreeNode = { children: [1] };",
      "export { a, t, j, bad };",
    ].join("\n");
    expect(typeCheck({ ...r.files, "consumer.ts": consumer })).toEqual([]);
  });
});

describe("allowUnresolved", () => {
  it("types an unresolvable pointer as unknown, with a warning, and still emits", async () => {
    const dir = fixture({ "a.json": { title: "A", type: "object", properties: { gone: { $ref: "#/$defs/Gone" } }, required: ["gone"] } });
    const strict = await gen({ inputs: [dir] });
    expect(codes(strict)).toEqual(["ref-unresolved"]);
    expect(strict.files).toEqual({});

    const lenient = await gen({ inputs: [dir], allowUnresolved: true });
    expect(lenient.diagnostics).toMatchObject([{ code: "ref-unresolved-allowed", severity: "warning", pointer: "/properties/gone/$ref" }]);
    const a = decl(lenient.model!, "A").type;
    expect(a.kind === "object" && a.properties[0]!.type.kind).toBe("unknown");
    expect(Object.keys(lenient.files)).toContain("index.d.ts");
    expect(typeCheck(lenient.files)).toEqual([]);
  });

  it("does not lift the other refusals (remote, outside the roots)", async () => {
    const dir = fixture({ "in/a.json": { title: "A", type: "object", properties: { r: { $ref: "https://example.com/x.json" }, o: { $ref: "../x.json" } } } });
    const r = await gen({ inputs: [join(dir, "in")], allowUnresolved: true });
    expect(codes(r)).toEqual(["ref-outside-roots", "ref-remote-refused"]);
  });

  it("types a reference to a missing file as unknown too", async () => {
    const dir = fixture({ "a.json": { title: "A", type: "object", properties: { m: { $ref: "missing.json" } } } });
    const r = await gen({ inputs: [dir], allowUnresolved: true });
    expect(errors(r)).toEqual([]);
  });
});
