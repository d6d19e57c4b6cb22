/**
 * Keywords no dialect we read defines are kept as data (they constrain nothing, types and validators ignore
 * them) and reported ONCE per run: one `keyword-unknown` diagnostic per keyword name, located at its first use
 * and listing where else it appears. `x-` extensions (OpenAPI) are annotations, not unknown.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-6.5 (unknown keywords)
 */
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { joinPointer, type SourceDocument } from "../load/document.js";
import { documentRoots, forEachSubschema, isSchemaObject } from "../resolve/walk.js";

/** Every keyword of drafts 04 to 2020-12 and of the OpenAPI 3.0/3.1 schema object. */
const KNOWN = new Set(
  [
    // core and identifiers
    "$schema", "$id", "id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor",
    "$vocabulary", "$comment", "$defs", "definitions",
    // applicators
    "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "dependencies", "prefixItems", "items",
    "additionalItems", "contains", "properties", "patternProperties", "additionalProperties", "propertyNames",
    "unevaluatedItems", "unevaluatedProperties",
    // validation
    "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
    "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties",
    "minProperties", "required", "dependentRequired",
    // format, content, meta-data
    "format", "contentEncoding", "contentMediaType", "contentSchema", "title", "description", "default", "deprecated",
    "readOnly", "writeOnly", "examples",
    // OpenAPI 3.0 / 3.1 schema object
    "nullable", "discriminator", "xml", "externalDocs", "example",
  ],
);

const MAX_LISTED = 5;

interface Path {
  parent: Path | undefined;
  tokens: readonly (string | number)[];
}

function pointerOf(path: Path): string {
  const chain: (readonly (string | number)[])[] = [];
  for (let p: Path | undefined = path; p; p = p.parent) chain.push(p.tokens);
  return joinPointer("", ...chain.reverse().flat());
}

/**
 * Walks every schema of `docs` and reports each unknown keyword name once. `keywordsSeen` (every key of every
 * schema object the run read, from the registry) answers the common case without a walk: no unknown key at all.
 */
export function reportUnknownKeywords(docs: readonly SourceDocument[], bag: DiagnosticBag, keywordsSeen?: ReadonlySet<string>): void {
  if (keywordsSeen && ![...keywordsSeen].some((k) => !KNOWN.has(k) && !k.startsWith("x-"))) return;
  const seen = new Map<string, { doc: SourceDocument; pointer: string }[]>();
  for (const doc of docs) {
    // The path is kept as a chain of token lists and joined into a pointer only for an unknown keyword.
    const visit = (schema: unknown, path: Path): void => {
      if (!isSchemaObject(schema)) return;
      for (const k of Object.keys(schema)) {
        if (KNOWN.has(k) || k.startsWith("x-")) continue;
        const places = seen.get(k);
        const place = { doc, pointer: joinPointer(pointerOf(path), k) };
        if (places) places.push(place);
        else seen.set(k, [place]);
      }
      forEachSubschema(schema, (sub, tokens) => visit(sub, { parent: path, tokens }));
    };
    for (const root of documentRoots(doc.json, doc.kind)) visit(root.schema, { parent: undefined, tokens: root.tokens });
  }
  for (const [keyword, places] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
    const first = places[0]!;
    const pos = first.doc.locate(first.pointer);
    const others = places.slice(1, 1 + MAX_LISTED).map((p) => `${p.doc.path}#${p.pointer}`);
    const more = places.length - 1 - others.length;
    const where = others.length === 0 ? "" : `; also at ${others.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
    bag.report("keyword-unknown", {
      message: `"${keyword}" is not a JSON Schema keyword: kept as data, it constrains nothing (${places.length} use${places.length > 1 ? "s" : ""}${where})`,
      uri: first.doc.path,
      pointer: first.pointer,
      ...(pos ? { line: pos.line, column: pos.column } : {}),
    });
  }
}
