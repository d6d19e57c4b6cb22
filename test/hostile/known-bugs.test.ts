/**
 * Type bugs the fuzz test found with seeds other than CI's, cut down to the smallest schema; both fixed, kept as
 * regression tests.
 */
import { describe, expect, it } from "vitest";
import { generate } from "../../src/index.js";
import { typeCheck, writeTemp, removeTemp } from "../helpers/tsc.js";

async function compiles(schema: unknown): Promise<string[]> {
  const dir = writeTemp({ "schema.json": JSON.stringify(schema) });
  try {
    const r = await generate({ inputs: [dir], cwd: dir, namespaceBy: "none" });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    return typeCheck(r.files, { roots: ["index.d.ts"] });
  } finally {
    removeTemp(dir);
  }
}

describe("type bugs found by fuzzing (issue #4)", () => {
  it("an optional member named like an Object.prototype method beside an index signature compiles", async () => {
    // Was: `toString?: number | Object["toString"]` next to `[key: string]: string | number | undefined` (TS2411);
    // the signature now admits the inherited type too.
    const errors = await compiles({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      title: "Dict",
      type: "object",
      properties: { toString: { type: "integer" } },
      additionalProperties: { type: "string" },
    });
    expect(errors).toEqual([]);
  });

  it("a union whose tuple member has an optional element referring back to the root compiles", async () => {
    // Was: `type Pair = string | [(string | Pair[])?, ...string[]]`, which TypeScript calls circular (TS2456);
    // optional positions now print as one tuple per length.
    const errors = await compiles({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      title: "Pair",
      type: ["string", "array"],
      prefixItems: [{ anyOf: [{ type: "string" }, { type: "array", items: { $ref: "#" } }] }],
      items: { type: "string" },
    });
    expect(errors).toEqual([]);
  });
});
