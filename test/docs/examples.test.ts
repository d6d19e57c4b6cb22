/**
 * Example values on docs pages: built from the schema for the keywords the model knows (bounds, multipleOf,
 * lengths, formats, patterns with Unicode classes, enums, tuples, maps, recursion), and always accepted by the
 * generated validator — checked here again through the written package, independently of the generator's own
 * check. A type no value can satisfy gets no example, and says why.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline.js";
import { checkDocs } from "../helpers/docs-check.js";
import { removeTemp, writeTemp } from "../helpers/tsc.js";

const S = "https://json-schema.org/draft/2020-12/schema";
const schemas: Record<string, object> = {
  Bounded: { type: "integer", exclusiveMinimum: 10, maximum: 40, multipleOf: 7 },
  Decimal: { type: "number", minimum: 0.5, multipleOf: 0.25 },
  Words: { type: "string", pattern: "^[\\p{Lu}][\\p{Ll}]{2,5}-[0-9]{3}$", minLength: 7 },
  When: { type: "string", format: "date-time" },
  Mail: { type: "string", format: "email", maxLength: 40 },
  Pair: { type: "array", prefixItems: [{ type: "string", enum: ["x", "y"] }, { type: "boolean" }], minItems: 2, items: false },
  Tags: { type: "array", items: { enum: ["a", "b", "c"] }, minItems: 2, uniqueItems: true },
  Scores: { type: "object", additionalProperties: { type: "number", minimum: 3 }, minProperties: 2 },
  Tree: { type: "object", properties: { label: { type: "string" }, children: { type: "array", items: { $ref: "tree.json" } } }, required: ["label", "children"] },
  Described: { type: "object", properties: { code: { type: "string", pattern: "^[A-Z]{2}-\\d{2}$", description: "A code such as `AB-12`." } }, required: ["code"] },
  Never: { type: "string", minLength: 3, maxLength: 1 },
};
const files = Object.fromEntries(
  Object.entries(schemas).map(([title, s]) => [title === "Tree" ? "tree.json" : `${title.toLowerCase()}.json`, JSON.stringify({ $schema: S, title, ...s })]),
);

describe("docs examples", () => {
  const dir = writeTemp(files, "sf-examples-");
  afterAll(() => removeTemp(dir));

  it("has an accepted example for every satisfiable type, and says why for the one that is not", async () => {
    const r = await generate({ inputs: [dir], packageName: "ex" });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const report = checkDocs(r.files);
    expect(report.noExample.map((p) => p.split("/").pop())).toEqual(["Never.md"]);
    expect(r.files[report.noExample[0]!]).toMatch(/No example: schemaforge could not build a value that the validator accepts; its best attempt failed because the value must NOT have (fewer|more) than/);
    expect(report.examples).toHaveLength(Object.keys(schemas).length - 1);

    const pkg = writeTemp(r.files, "sf-examples-pkg-");
    try {
      const [ns] = [...new Set(report.examples.map((e) => e.page.split("/")[1]!))];
      const mod = (await import(pathToFileURL(join(pkg, `${ns}.js`)).href)) as Record<string, (v: unknown) => { valid: boolean }>;
      const byName = Object.fromEntries(report.examples.map((e) => [e.page.split("/").pop()!.replace(/\.md$/, ""), e.value]));
      for (const [name, value] of Object.entries(byName)) expect(mod[`validate${name}`]!(value), `${name}: ${JSON.stringify(value)}`).toMatchObject({ valid: true });
      expect(byName.Described).toEqual({ code: "AB-12" });
      expect(byName.Bounded).toBe(14);
      expect(byName.When).toBe("2024-01-15T09:30:00Z");
      expect(byName.Tree).toMatchObject({ label: expect.any(String), children: expect.any(Array) });
    } finally {
      removeTemp(pkg);
    }
  });

  it("is the same in every run", async () => {
    const a = await generate({ inputs: [dir] });
    const b = await generate({ inputs: [dir] });
    const docs = (f: Record<string, string>) => Object.entries(f).filter(([p]) => p.startsWith("docs/"));
    expect(docs(a.files)).toEqual(docs(b.files));
  });
});
