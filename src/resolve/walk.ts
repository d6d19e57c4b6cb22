/**
 * Where subschemas live, for every dialect we read (draft-04 … 2020-12, OpenAPI 3.x). One table, used by the
 * registry (to find `$id`/`$anchor`), by normalize (to rewrite each node) and by tests.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10 (applicators)
 */
export const SINGLE_SCHEMA_KEYWORDS = [
  "additionalProperties",
  "additionalItems",
  "contains",
  "propertyNames",
  "not",
  "if",
  "then",
  "else",
  "unevaluatedItems",
  "unevaluatedProperties",
  "contentSchema",
] as const;

export const ARRAY_SCHEMA_KEYWORDS = ["allOf", "anyOf", "oneOf", "prefixItems"] as const;

export const MAP_SCHEMA_KEYWORDS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"] as const;

export type SchemaObject = Record<string, unknown>;

export function isSchemaObject(v: unknown): v is SchemaObject {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

export function isSchema(v: unknown): v is SchemaObject | boolean {
  return typeof v === "boolean" || isSchemaObject(v);
}

/** Calls `visit` for each direct subschema of `schema`, with the pointer tokens that lead to it. */
export function forEachSubschema(schema: unknown, visit: (sub: unknown, tokens: (string | number)[]) => void): void {
  if (!isSchemaObject(schema)) return;
  for (const k of SINGLE_SCHEMA_KEYWORDS) {
    if (k in schema && isSchema(schema[k])) visit(schema[k], [k]);
  }
  const items = schema.items;
  if (Array.isArray(items)) items.forEach((s, i) => isSchema(s) && visit(s, ["items", i]));
  else if (isSchema(items)) visit(items, ["items"]);
  for (const k of ARRAY_SCHEMA_KEYWORDS) {
    const list = schema[k];
    if (Array.isArray(list)) list.forEach((s, i) => isSchema(s) && visit(s, [k, i]));
  }
  for (const k of MAP_SCHEMA_KEYWORDS) {
    const map = schema[k];
    if (isSchemaObject(map)) for (const key of Object.keys(map)) if (isSchema(map[key])) visit(map[key], [k, key]);
  }
  const deps = schema.dependencies;
  if (isSchemaObject(deps)) {
    for (const key of Object.keys(deps)) if (isSchema(deps[key])) visit(deps[key], ["dependencies", key]);
  }
}

/**
 * The roots to walk in a document: the document itself for a JSON Schema; for OpenAPI 3 each of
 * `components.schemas`, for Swagger 2.0 each of `definitions` (`name` is the component key).
 */
export function documentRoots(json: unknown, kind: "json-schema" | "openapi"): { schema: unknown; tokens: string[]; name?: string }[] {
  if (kind === "json-schema") return [{ schema: json, tokens: [] }];
  if (!isSchemaObject(json)) return [];
  const swagger = typeof json.swagger === "string";
  const schemas = swagger ? json.definitions : isSchemaObject(json.components) ? json.components.schemas : undefined;
  if (!isSchemaObject(schemas)) return [];
  const prefix = swagger ? ["definitions"] : ["components", "schemas"];
  return Object.keys(schemas).map((k) => ({ schema: schemas[k], tokens: [...prefix, k], name: k }));
}
