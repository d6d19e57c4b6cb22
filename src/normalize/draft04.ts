/**
 * Draft 4 → 2020-12: `id` → `$id`; boolean `exclusiveMaximum`/`exclusiveMinimum` modify `maximum`/`minimum`
 * and become the numeric form; no `const`, `contains`, `propertyNames` or `if` yet; then the draft 6 rules.
 * @see https://json-schema.org/draft-04/json-schema-validation#section-5.1.2
 */
import type { SchemaObject } from "../resolve/walk.js";
import { rename, without, type CanonicalNode, type DialectNormalizer } from "./canonical.js";
import { draft07Rules } from "./draft07.js";

/** Boolean exclusive bounds (draft 4, OpenAPI 3.0) → numeric exclusive bounds. */
export function booleanExclusiveBounds(node: CanonicalNode): void {
  const s: SchemaObject = { ...node.schema };
  for (const [flag, bound] of [
    ["exclusiveMaximum", "maximum"],
    ["exclusiveMinimum", "minimum"],
  ] as const) {
    if (typeof s[flag] !== "boolean") continue;
    if (s[flag] === true && typeof s[bound] === "number") {
      s[flag] = s[bound];
      delete s[bound];
      node.origin[flag] = bound;
    } else {
      delete s[flag];
    }
  }
  node.schema = s;
}

export const normalizeDraft04: DialectNormalizer = (raw) => {
  const node = draft07Rules(raw);
  rename(node, "id", "$id");
  booleanExclusiveBounds(node);
  node.schema = without(node.schema, ["const", "contains", "propertyNames", "if", "then", "else"]);
  return node;
};
