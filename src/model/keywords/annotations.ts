/**
 * Annotation keywords → `Docs`; assertion keywords that types cannot carry → `Constraints` (shown in JSDoc,
 * enforced by the validators).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-9 (meta-data)
 */
import type { SchemaObject } from "../../resolve/walk.js";
import type { Constraints, Docs } from "../ir.js";

export function readDocs(s: SchemaObject): Docs | undefined {
  const d: Docs = {};
  if (typeof s.title === "string") d.title = s.title;
  if (typeof s.description === "string") d.description = s.description;
  if ("default" in s) d.default = { value: s.default };
  if (Array.isArray(s.examples) && s.examples.length > 0) d.examples = s.examples;
  if (s.deprecated === true) d.deprecated = true;
  if (s.readOnly === true) d.readOnly = true;
  if (s.writeOnly === true) d.writeOnly = true;
  return Object.keys(d).length > 0 ? d : undefined;
}

const NUMBER_CONSTRAINTS = [
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
] as const;

export function readConstraints(s: SchemaObject): Constraints | undefined {
  const c: Constraints = {};
  for (const k of NUMBER_CONSTRAINTS) if (typeof s[k] === "number") c[k] = s[k] as number;
  if (typeof s.pattern === "string") c.pattern = s.pattern;
  if (typeof s.format === "string") c.format = s.format;
  if (s.uniqueItems === true) c.uniqueItems = true;
  if (typeof s.contentMediaType === "string") c.contentMediaType = s.contentMediaType;
  if (typeof s.contentEncoding === "string") c.contentEncoding = s.contentEncoding;
  return Object.keys(c).length > 0 ? c : undefined;
}

export function mergeDocs(outer: Docs | undefined, inner: Docs | undefined): Docs | undefined {
  if (!outer) return inner;
  if (!inner) return outer;
  return { ...inner, ...outer };
}
