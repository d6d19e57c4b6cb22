/**
 * Draft 7 (and 6) → 2020-12: `definitions` → `$defs`; `dependencies` split into `dependentRequired` (arrays) and
 * `dependentSchemas` (schemas); array `items` → `prefixItems`; `$ref` hides its siblings, so only annotations
 * stay beside it.
 * @see https://json-schema.org/draft-07/json-schema-core#section-8.3 ($ref siblings are ignored)
 */
import type { SchemaObject } from "../resolve/walk.js";
import { ADDED_IN_2019, ADDED_IN_2020, ANNOTATION_KEYWORDS, copy, rename, without, type CanonicalNode, type DialectNormalizer } from "./canonical.js";
import { tupleItems } from "./draft2019-09.js";

export function refHidesSiblings(node: CanonicalNode): void {
  if (typeof node.schema.$ref !== "string") return;
  const kept: SchemaObject = {};
  for (const [k, v] of Object.entries(node.schema)) {
    if (k === "$ref" || ANNOTATION_KEYWORDS.has(k) || k === "definitions" || k === "$defs" || k.startsWith("x-")) kept[k] = v;
  }
  node.schema = kept;
}

export function splitDependencies(node: CanonicalNode): void {
  const deps = node.schema.dependencies;
  if (deps === null || typeof deps !== "object" || Array.isArray(deps)) return;
  // Null-prototype maps: a dependency named "__proto__" must be an entry, not the prototype.
  const required: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const schemas: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(deps as Record<string, unknown>)) {
    if (Array.isArray(v)) required[k] = v;
    else schemas[k] = v;
  }
  const { dependencies: _moved, ...rest } = node.schema;
  node.schema = rest;
  if (Object.keys(required).length > 0) {
    node.schema.dependentRequired = required;
    node.origin.dependentRequired = "dependencies";
  }
  if (Object.keys(schemas).length > 0) {
    node.schema.dependentSchemas = schemas;
    node.origin.dependentSchemas = "dependencies";
  }
}

export function draft07Rules(raw: SchemaObject): CanonicalNode {
  const node = copy(without(raw, [...ADDED_IN_2019, ...ADDED_IN_2020]));
  refHidesSiblings(node);
  rename(node, "definitions", "$defs");
  splitDependencies(node);
  tupleItems(node);
  return node;
}

export const normalizeDraft07: DialectNormalizer = draft07Rules;
