/**
 * `unevaluatedProperties` / `unevaluatedItems` where the schema has no in-place applicator (`$ref`, `allOf`,
 * `if`, …): only its own `properties`/`patternProperties` (`prefixItems`) evaluate anything, so the keyword means
 * exactly `additionalProperties` (`items`) and is typed as such. With applicators it stays wider (noted in JSDoc).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-11
 */
import type { SchemaObject } from "../../resolve/walk.js";

const IN_PLACE = ["$ref", "$dynamicRef", "$recursiveRef", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas"];

/** The keyword that stands for `additionalProperties` (or `items`) in `s`, if it is one of the two. */
export function unevaluatedAs(s: SchemaObject, kind: "properties" | "items"): "additionalProperties" | "unevaluatedProperties" | "items" | "unevaluatedItems" {
  const plain = kind === "properties" ? "additionalProperties" : "items";
  const unevaluated = kind === "properties" ? "unevaluatedProperties" : "unevaluatedItems";
  if (plain in s || !(unevaluated in s) || IN_PLACE.some((k) => k in s) || (kind === "items" && "contains" in s)) return plain;
  return unevaluated;
}
