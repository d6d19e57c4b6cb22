/**
 * 2019-09 → 2020-12: array-form `items` becomes `prefixItems` and `additionalItems` becomes `items`.
 * `$recursiveRef`/`$recursiveAnchor` are kept as written (their dynamic scope is the validators' concern).
 * @see https://json-schema.org/draft/2020-12/release-notes (items and prefixItems)
 */
import { ADDED_IN_2020, copy, rename, without, type CanonicalNode, type DialectNormalizer } from "./canonical.js";
import type { SchemaObject } from "../resolve/walk.js";

export function tupleItems(node: CanonicalNode): void {
  if (Array.isArray(node.schema.items)) {
    rename(node, "items", "prefixItems");
    rename(node, "additionalItems", "items");
  } else if ("additionalItems" in node.schema) {
    // additionalItems without array items has no effect.
    const { additionalItems: _ignored, ...rest } = node.schema;
    node.schema = rest;
  }
}

export const normalizeDraft201909: DialectNormalizer = (raw: SchemaObject) => {
  const node = copy(without(raw, ADDED_IN_2020));
  tupleItems(node);
  return node;
};
