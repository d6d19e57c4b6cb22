/**
 * The canonical form every later stage reads: JSON Schema 2020-12 vocabulary, one node at a time.
 * `normalizeNode` is shallow: it rewrites the keywords of one schema object and leaves its subschemas raw;
 * the model visits them in turn. `origin` records which raw keyword a renamed canonical keyword came from,
 * so locations in diagnostics still point into the file as written.
 */
import type { Dialect } from "../load/document.js";
import type { SchemaObject } from "../resolve/walk.js";

export interface CanonicalNode {
  schema: SchemaObject;
  /** Canonical keyword → the raw keyword it was read from, for renamed keywords only. */
  origin: Record<string, string>;
}

export type DialectNormalizer = (raw: SchemaObject) => CanonicalNode;

/** Keywords that only annotate; kept beside a `$ref` in dialects where `$ref` hides its siblings. */
export const ANNOTATION_KEYWORDS = new Set([
  "title",
  "description",
  "default",
  "examples",
  "example",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$comment",
  "externalDocs",
]);

/** Copies `raw` and moves `from` to `to` (when present and `to` is absent), recording the origin. */
export function rename(node: CanonicalNode, from: string, to: string): void {
  if (!(from in node.schema) || to in node.schema) return;
  const { [from]: value, ...rest } = node.schema;
  node.schema = { ...rest, [to]: value };
  node.origin[to] = node.origin[from] ?? from;
  delete node.origin[from];
}

export function copy(raw: SchemaObject): CanonicalNode {
  return { schema: { ...raw }, origin: {} };
}

export type { Dialect };

/** Keywords later dialects added: in an earlier dialect they are unknown, so they constrain nothing. */
export const ADDED_IN_2019 = ["dependentRequired", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "minContains", "maxContains", "$anchor", "$recursiveRef", "$recursiveAnchor"];
export const ADDED_IN_2020 = ["prefixItems", "$dynamicRef", "$dynamicAnchor"];

/** Copies the schema without `keys` (when any is present). */
export function without(schema: SchemaObject, keys: readonly string[]): SchemaObject {
  if (!keys.some((k) => k in schema)) return schema;
  const out: SchemaObject = {};
  for (const [k, v] of Object.entries(schema)) if (!keys.includes(k)) out[k] = v;
  return out;
}
