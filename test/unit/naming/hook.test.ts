/** The `nameType` option of the API: users rename declarations; bad or clashing names are errors, located. */
import { describe, expect, it } from "vitest";
import { generate } from "../../../src/pipeline.js";
import type { NameTypeInfo } from "../../../src/naming/namer.js";
import { removeTemp, typeCheck, writeTemp } from "../../helpers/tsc.js";

const spec = `openapi: 3.0.3
info: { title: Shop, version: "1" }
paths: {}
components:
  schemas:
    Item:
      title: An item
      type: object
      properties:
        price: { $ref: "#/components/schemas/Price" }
    Price:
      type: number
`;

async function run(nameType: (info: NameTypeInfo) => string | undefined) {
  const dir = writeTemp({ "shop.yaml": spec }, "sf-hook-");
  try {
    return await generate({ inputs: [dir], nameType });
  } finally {
    removeTemp(dir);
  }
}

describe("nameType", () => {
  it("renames declarations everywhere they are used: types, references, validators", async () => {
    const seen: NameTypeInfo[] = [];
    const r = await run((info) => {
      seen.push(info);
      return info.origin === "component" ? `Shop${info.suggested}` : undefined;
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.types.map((t) => t.name).sort()).toEqual(["ShopItem", "ShopPrice"]);
    expect(seen.find((i) => i.suggested === "Item")).toMatchObject({
      candidates: ["Item", "AnItem", "ShopComponentsSchemasItem"],
      namespace: "shop",
      origin: "component",
      title: "An item",
      source: { pointer: "/components/schemas/Item" },
    });
    expect(r.files["types/shop.d.ts"]).toContain("export type ShopItem = {\n  price?: ShopPrice;\n} & object;");
    const consumer = `import { validateShopItem, type ShopItem } from "./index.js";\nexport const ok: boolean = validateShopItem({ price: 1 }).valid;\nexport const item: ShopItem = { price: 2 };\n`;
    expect(typeCheck({ ...r.files, "consumer.ts": consumer }, { roots: ["consumer.ts"] })).toEqual([]);
  });

  it("name-conflict: two declarations the hook gives one name is an error naming the holder, and nothing is emitted", async () => {
    const r = await run(() => "Thing");
    const conflict = r.diagnostics.find((d) => d.code === "name-conflict")!;
    expect(conflict).toMatchObject({ severity: "error", pointer: "/components/schemas/Price" });
    expect(conflict.message).toMatch(/named Price Thing, which is taken in namespace shop by .*shop\.yaml#\/components\/schemas\/Item/);
    expect(r.files).toEqual({});
  });

  it("name-invalid: a name that is not a TypeScript identifier is an error", async () => {
    const r = await run((info) => (info.suggested === "Item" ? "class" : info.suggested === "Price" ? "Unit price" : undefined));
    expect(r.diagnostics.filter((d) => d.code === "name-invalid").map((d) => [d.pointer, d.message])).toEqual([
      ["/components/schemas/Item", 'the nameType hook named Item "class", which is not a usable TypeScript identifier'],
      ["/components/schemas/Price", 'the nameType hook named Price "Unit price", which is not a usable TypeScript identifier'],
    ]);
  });
});
