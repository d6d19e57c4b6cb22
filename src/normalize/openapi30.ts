/**
 * OpenAPI 3.0 Schema Object → 2020-12: `nullable: true` admits null (added to `type`, or to `enum` when one is
 * given; where `allOf`/`anyOf`/`oneOf`/`not`/`const` would still reject null — the nullable-`$ref` idiom
 * `allOf: [{ $ref }], nullable: true` — `nullable: true` stays in the canonical form, and model and validators
 * read it as "null is valid here"); `example` → `examples: [example]`; boolean exclusive bounds; `$ref` hides its
 * siblings (so `nullable` beside a `$ref` is ignored, as the specification says);
 * `discriminator`, `readOnly`, `writeOnly`, `xml`, `externalDocs` and `x-` extensions are kept as annotations.
 * @see https://spec.openapis.org/oas/v3.0.3#schema-object
 */
import type { SchemaObject } from "../resolve/walk.js";
import type { CanonicalNode, DialectNormalizer } from "./canonical.js";
import { booleanExclusiveBounds } from "./draft04.js";
import { draft07Rules } from "./draft07.js";

/** Keywords that can reject null even when `type` and `enum` admit it. */
const NULL_REJECTING = ["allOf", "anyOf", "oneOf", "not", "const"];

function nullable(node: CanonicalNode): void {
  if (!("nullable" in node.schema)) return;
  const s: SchemaObject = { ...node.schema };
  const isNullable = s.nullable === true;
  delete s.nullable;
  if (isNullable) {
    if (typeof s.type === "string") s.type = [s.type, "null"];
    else if (Array.isArray(s.type) && !s.type.includes("null")) s.type = [...s.type, "null"];
    if (Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...s.enum, null];
    if (NULL_REJECTING.some((k) => k in s)) s.nullable = true;
  }
  node.schema = s;
}

/**
 * Whether a canonical schema admits null whatever its other keywords say (OpenAPI 3.0 `nullable` that its
 * `type`/`enum` could not carry). Only OpenAPI 3.0 has the keyword; elsewhere `nullable` is an unknown keyword.
 */
export function admitsNullFirst(schema: SchemaObject, dialect: string): boolean {
  return dialect === "openapi-3.0" && schema.nullable === true;
}

function example(node: CanonicalNode): void {
  if (!("example" in node.schema) || "examples" in node.schema) return;
  const { example: value, ...rest } = node.schema;
  node.schema = { ...rest, examples: [value] };
  node.origin.examples = "example";
}

export const normalizeOpenApi30: DialectNormalizer = (raw) => {
  const node = draft07Rules(raw);
  nullable(node);
  example(node);
  booleanExclusiveBounds(node);
  return node;
};
