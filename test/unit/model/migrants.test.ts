/**
 * What json-schema-to-typescript users bring along (`tsType`, `tsEnumNames`) and unions tagged by a `const` or
 * single-`enum` member, as a user of the generated package sees them (golden migrants), plus the refusals.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../../src/pipeline.js";
import { projectRoot } from "../../helpers/shared.js";
import { buildPackage, type BuiltPackage } from "../../helpers/package.js";
import { removeTemp, writeTemp } from "../../helpers/tsc.js";

describe("golden migrants", () => {
  let pkg: BuiltPackage;
  beforeAll(async () => {
    pkg = await buildPackage({ "event.json": readFileSync(join(projectRoot, "test", "golden", "migrants", "input", "event.json"), "utf8") });
  });
  afterAll(() => pkg.dispose());

  it("a oneOf whose members carry a required const / single-enum tag narrows on it, and the validator agrees", () => {
    const narrowing = `import type { Event } from "./index.js";
export function where(e: Event): string {
  switch (e.kind) {
    case "click": return \`\${e.x},\${e.y}\`;
    case "key": return e.key;
  }
}
`;
    expect(pkg.typeErrors(narrowing)).toEqual([]);
    expect(pkg.typeErrors(`import type { Event } from "./index.js";\nexport const e: Event = { kind: "key", x: 1, y: 2 };\n`)).not.toEqual([]);
    expect(pkg.validate("Event", { kind: "click", x: 1, y: 2 })).toBe(true);
    expect(pkg.validate("Event", { kind: "key", x: 1, y: 2 })).toBe(false);
  });

  it("tsEnumNames name the members of the enum's object; the type stays the union of the values", () => {
    expect(pkg.module.Color).toEqual({ Red: "#f00", Green: "#0f0", Blue: "#00f" });
    expect(pkg.typeErrors(`import { Color } from "./index.js";\nexport const c: Color = Color.Green;\nexport const d: Color = "#00f";\n`)).toEqual([]);
    expect(pkg.typeErrors(`import type { Color } from "./index.js";\nexport const c: Color = "Green";\n`)).not.toEqual([]);
  });

  it("tsType replaces the type (the validator still checks the schema)", () => {
    expect(pkg.typeErrors(`import type { Width, Pair, Point } from "./index.js";\nexport const w: Width = "12px";\nexport const p: Pair = ["#f00", "3px"];\nexport const q: Point = { x: 1, y: 2 };\n`)).toEqual([]);
    // An allOf of objects with a tsType is the tsType, not the merged object.
    const dts = Object.entries(pkg.result.files).find(([path]) => /^types\/.*\.d\.ts$/.test(path))![1];
    expect(dts).toContain("export type Point = { readonly x: number; readonly y: number; };");
    expect(pkg.typeErrors(`import type { Width } from "./index.js";\nexport const w: Width = "12";\n`)).not.toEqual([]);
    expect(pkg.validate("Width", "12px")).toBe(true);
    expect(pkg.validate("Width", "1.5px")).toBe(false);
  });
});

describe("refused", () => {
  async function run(defs: Record<string, unknown>) {
    const text = JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", title: "Root", definitions: defs }, null, 2);
    const dir = writeTemp({ "root.json": text }, "sf-migrants-");
    try {
      return await generate({ inputs: [dir], namespaceBy: "none" });
    } finally {
      removeTemp(dir);
    }
  }

  it("ts-type-invalid: a tsType that is not exactly one type, or reaches outside the types, is ignored with a located warning", async () => {
    const bad = {
      Two: "string; export declare const x: 1",
      Unclosed: "{ a: string",
      Import: 'import("node:fs").Stats',
      Query: "typeof globalThis",
      Computed: "{ [Symbol.iterator]: string }",
      Comment: "string */ export {} /*",
      NotText: 42,
      Multiline: "`a\nb${string}`",
    };
    const r = await run(Object.fromEntries(Object.entries(bad).map(([k, v]) => [k, { type: "string", tsType: v }])));
    const found = r.diagnostics.filter((d) => d.code === "ts-type-invalid");
    expect(found.map((d) => d.pointer).sort()).toEqual(Object.keys(bad).map((k) => `/definitions/${k}/tsType`).sort());
    expect(found.every((d) => d.severity === "warning" && d.line !== undefined)).toBe(true);
    expect(found.find((d) => d.pointer === "/definitions/Import/tsType")!.message).toMatch(/import\(…\) types are not accepted/);
    const dts = r.files["types/types.d.ts"]!;
    for (const k of Object.keys(bad)) expect(dts).toContain(`export type ${k} = string;`);
  });

  it("ts-enum-names-invalid: names that do not pair one-to-one with the values are ignored", async () => {
    const r = await run({
      Short: { enum: ["a", "b"], tsEnumNames: ["A"] },
      Twice: { enum: ["a", "b"], tsEnumNames: ["A", "A"] },
    });
    expect(r.diagnostics.filter((d) => d.code === "ts-enum-names-invalid").map((d) => [d.pointer, d.message])).toEqual([
      ["/definitions/Short/tsEnumNames", "tsEnumNames is ignored: it has 1 names for 2 enum values"],
      ["/definitions/Twice/tsEnumNames", "tsEnumNames is ignored: two names are the same"],
    ]);
    expect(r.files["types/types.js"]).toContain("a: \"a\"");
  });
});
