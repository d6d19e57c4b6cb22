/** What a document is (OpenAPI or JSON Schema) and which dialect it speaks, from its own keys. */
import { describe, expect, it } from "vitest";
import { detectDialect, detectKind } from "../../../src/load/detect.js";
import type { Dialect, DocumentKind } from "../../../src/load/document.js";
import { generate } from "../../../src/pipeline.js";
import { removeTemp, writeTemp } from "../../helpers/tsc.js";

describe("detectKind", () => {
  const cases: [string, { given: unknown; want: DocumentKind }][] = [
    ["an OpenAPI 3.0 document", { given: { openapi: "3.0.3", info: {}, paths: {} }, want: "openapi" }],
    ["an OpenAPI 3.1 document", { given: { openapi: "3.1.0", components: { schemas: {} } }, want: "openapi" }],
    ["a Swagger 2.0 document", { given: { swagger: "2.0", definitions: {} }, want: "openapi" }],
    ["a JSON Schema", { given: { $schema: "https://json-schema.org/draft/2020-12/schema", type: "object" }, want: "json-schema" }],
    // `openapi` must be a version string; a schema that merely describes an `openapi` property is not a document.
    ["a schema with an `openapi` property", { given: { type: "object", properties: { openapi: { type: "string" } } }, want: "json-schema" }],
    ["a boolean schema", { given: true, want: "json-schema" }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    expect(detectKind(given)).toBe(want);
  });
});

describe("detectDialect", () => {
  const cases: [string, { given: unknown; want: Dialect }][] = [
    ["draft-04 ($schema with #)", { given: { $schema: "http://json-schema.org/draft-04/schema#" }, want: "draft-04" }],
    ["draft-06", { given: { $schema: "http://json-schema.org/draft-06/schema#" }, want: "draft-06" }],
    ["draft-07 (no trailing #)", { given: { $schema: "http://json-schema.org/draft-07/schema" }, want: "draft-07" }],
    ["draft-07 over https", { given: { $schema: "https://json-schema.org/draft-07/schema#" }, want: "draft-07" }],
    ["2019-09", { given: { $schema: "https://json-schema.org/draft/2019-09/schema" }, want: "2019-09" }],
    ["2020-12", { given: { $schema: "https://json-schema.org/draft/2020-12/schema" }, want: "2020-12" }],
    ["no $schema: 2020-12", { given: { type: "string" }, want: "2020-12" }],
    ["an unknown $schema: 2020-12", { given: { $schema: "https://example.com/my-meta" }, want: "2020-12" }],
    ["a non-string $schema: 2020-12", { given: { $schema: 4 }, want: "2020-12" }],
    ["OpenAPI 3.0.x", { given: { openapi: "3.0.1" }, want: "openapi-3.0" }],
    ["OpenAPI 3.1.x", { given: { openapi: "3.1.1" }, want: "openapi-3.1" }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    expect(detectDialect(given, detectKind(given))).toBe(want);
  });
});

describe("documents through generate()", () => {
  it("reads the component schemas of a YAML OpenAPI 3.0 document with OpenAPI 3.0 rules (nullable)", async () => {
    const dir = writeTemp({
      "shop.yaml": "openapi: 3.0.3\ninfo: { title: Shop, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Note:\n      type: string\n      nullable: true\n",
    });
    try {
      const r = await generate({ inputs: [dir] });
      expect(r.diagnostics).toEqual([]);
      expect(r.types.map((t) => `${t.name} ${t.source.pointer}`)).toEqual(["Note /components/schemas/Note"]);
      expect(r.model!.declarations[0]!.type).toMatchObject({ kind: "union", members: [{ type: "string" }, { type: "null" }] });
    } finally {
      removeTemp(dir);
    }
  });

  it("does not silently drop a Swagger 2.0 document", async () => {
    const dir = writeTemp({
      "pets.json": JSON.stringify({ swagger: "2.0", info: { title: "Pets", version: "1" }, paths: {}, definitions: { Pet: { type: "object" } } }),
    });
    try {
      const r = await generate({ inputs: [dir] });
      // Either its definitions become types, or the user is told why nothing came out.
      expect(r.types.length > 0 || r.diagnostics.length > 0).toBe(true);
    } finally {
      removeTemp(dir);
    }
  });
});
