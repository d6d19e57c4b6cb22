/**
 * Draft 6 → 2020-12: the draft 7 rules, and `if`/`then`/`else` are not keywords yet (kept only as unknown data).
 * @see https://json-schema.org/draft-06/json-schema-release-notes
 */
import type { SchemaObject } from "../resolve/walk.js";
import type { DialectNormalizer } from "./canonical.js";
import { draft07Rules } from "./draft07.js";

export function dropKeywords(schema: SchemaObject, keys: readonly string[]): SchemaObject {
  if (!keys.some((k) => k in schema)) return schema;
  const out: SchemaObject = {};
  for (const [k, v] of Object.entries(schema)) if (!keys.includes(k)) out[k] = v;
  return out;
}

export const normalizeDraft06: DialectNormalizer = (raw) => {
  const node = draft07Rules(raw);
  node.schema = dropKeywords(node.schema, ["if", "then", "else"]);
  return node;
};
