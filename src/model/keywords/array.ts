/**
 * `items`, `prefixItems`, `minItems` → an array or a tuple node. Tuple members past `minItems` are optional,
 * and `items` (or its absence: any value) types the rest.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.1
 */
import { isSchema, type SchemaObject } from "../../resolve/walk.js";
import type { BuildContext } from "../build.js";
import type { TypeNode } from "../ir.js";

export function buildArray(s: SchemaObject, ctx: BuildContext): TypeNode {
  const items = isSchema(s.items) ? ctx.sub(["items"], s.items) : ({ kind: "unknown" } as TypeNode);
  if (Array.isArray(s.prefixItems)) {
    const prefix = s.prefixItems.map((p, i) => ctx.sub(["prefixItems", i], p));
    const minItems = typeof s.minItems === "number" ? Math.min(s.minItems, prefix.length) : 0;
    return { kind: "tuple", items: prefix, rest: items.kind === "never" ? null : items, minItems };
  }
  return { kind: "array", items };
}
