/**
 * OpenAPI 3.1 Schema Objects are JSON Schema 2020-12 with OpenAPI annotations (`discriminator`, `xml`,
 * `externalDocs`, `example`); `example` is folded into `examples`.
 * @see https://spec.openapis.org/oas/v3.1.0#schema-object
 */
import type { CanonicalNode, DialectNormalizer } from "./canonical.js";

export const normalizeOpenApi31: DialectNormalizer = (raw): CanonicalNode => {
  if (!("example" in raw) || "examples" in raw) return { schema: raw, origin: {} };
  const { example, ...rest } = raw;
  return { schema: { ...rest, examples: [example] }, origin: { examples: "example" } };
};
