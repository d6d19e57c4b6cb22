/**
 * The normalize stage: one file per dialect, one table here. Later stages see only 2020-12 keywords.
 * @see DESIGN.md "Pipeline" (normalize)
 */
import type { Dialect } from "../load/document.js";
import type { SchemaObject } from "../resolve/walk.js";
import type { CanonicalNode, DialectNormalizer } from "./canonical.js";
import { normalizeDraft04 } from "./draft04.js";
import { normalizeDraft06 } from "./draft06.js";
import { normalizeDraft07 } from "./draft07.js";
import { normalizeDraft201909 } from "./draft2019-09.js";
import { normalizeDraft202012 } from "./draft2020-12.js";
import { normalizeOpenApi30 } from "./openapi30.js";
import { normalizeOpenApi31 } from "./openapi31.js";

export type { CanonicalNode } from "./canonical.js";

const normalizers: { [D in Dialect]: DialectNormalizer } = {
  "draft-04": normalizeDraft04,
  "draft-06": normalizeDraft06,
  "draft-07": normalizeDraft07,
  "2019-09": normalizeDraft201909,
  "2020-12": normalizeDraft202012,
  "openapi-3.0": normalizeOpenApi30,
  "openapi-3.1": normalizeOpenApi31,
};

const cache = new WeakMap<SchemaObject, Map<Dialect, CanonicalNode>>();

/** The canonical form of one schema object (memoized per object and dialect). */
export function normalizeNode(raw: SchemaObject, dialect: Dialect): CanonicalNode {
  let byDialect = cache.get(raw);
  if (!byDialect) cache.set(raw, (byDialect = new Map()));
  let node = byDialect.get(dialect);
  if (!node) byDialect.set(dialect, (node = normalizers[dialect](raw)));
  return node;
}
