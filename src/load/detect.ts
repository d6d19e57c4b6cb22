import type { Dialect, DocumentKind } from "./document.js";

const SCHEMA_URIS: ReadonlyArray<[RegExp, Dialect]> = [
  [/json-schema\.org\/draft-04\/schema/, "draft-04"],
  [/json-schema\.org\/draft-06\/schema/, "draft-06"],
  [/json-schema\.org\/draft-07\/schema/, "draft-07"],
  [/json-schema\.org\/draft\/2019-09\/schema/, "2019-09"],
  [/json-schema\.org\/draft\/2020-12\/schema/, "2020-12"],
];

/** OpenAPI documents carry an `openapi` (3.x) or `swagger` (2.0) key; everything else is a JSON Schema. */
export function detectKind(json: unknown): DocumentKind {
  if (json !== null && typeof json === "object" && !Array.isArray(json)) {
    const o = json as Record<string, unknown>;
    if (typeof o.openapi === "string" || typeof o.swagger === "string") return "openapi";
  }
  return "json-schema";
}

/** The dialect from `$schema` (or the OpenAPI version); `fallback` when neither says. */
export function detectDialect(json: unknown, kind: DocumentKind, fallback: Dialect = "2020-12"): Dialect {
  if (json === null || typeof json !== "object") return fallback;
  const o = json as Record<string, unknown>;
  if (kind === "openapi") {
    return typeof o.openapi === "string" && o.openapi.startsWith("3.1") ? "openapi-3.1" : "openapi-3.0";
  }
  return dialectOfSchemaUri(o.$schema) ?? fallback;
}

export function dialectOfSchemaUri(uri: unknown): Dialect | undefined {
  if (typeof uri !== "string") return undefined;
  for (const [re, d] of SCHEMA_URIS) if (re.test(uri)) return d;
  return undefined;
}
