/**
 * OpenAPI 3.0 Schema Object → 2020-12: `nullable: true` admits null (added to `type`, or to `enum` when one is
 * given); `example` → `examples: [example]`; boolean exclusive bounds; `$ref` hides its siblings;
 * `discriminator`, `readOnly`, `writeOnly`, `xml`, `externalDocs` and `x-` extensions are kept as annotations.
 * @see https://spec.openapis.org/oas/v3.0.3#schema-object
 */
import type { SchemaObject } from "../resolve/walk.js";
import type { CanonicalNode, DialectNormalizer } from "./canonical.js";
import { booleanExclusiveBounds } from "./draft04.js";
import { draft07Rules } from "./draft07.js";

function nullable(node: CanonicalNode): void {
  const s: SchemaObject = { ...node.schema };
  const isNullable = s.nullable === true;
  delete s.nullable;
  if (isNullable) {
    if (typeof s.type === "string") s.type = [s.type, "null"];
    else if (Array.isArray(s.type) && !s.type.includes("null")) s.type = [...s.type, "null"];
    if (Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...s.enum, null];
  }
  node.schema = s;
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
