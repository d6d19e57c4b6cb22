/**
 * Docs and constraints → JSDoc: the description (HTML converted to Markdown), `@default`, `@example`,
 * `@deprecated`, one tag per constraint (`@minLength`, `@pattern`, `@format`, …), `@see` for links, and a
 * note where a keyword could not be expressed in the type.
 */
import type { Constraints, Docs } from "../model/ir.js";
import { htmlToMarkdown, linksOf } from "./markdown.js";
import { jsDocInline, jsDocText, jsonForDoc } from "./ts-syntax.js";

export interface JsDoc {
  description: string;
  tags: { tagName: string; text?: string }[];
}

const CONSTRAINT_TAGS: (keyof Constraints)[] = [
  "format",
  "minLength",
  "maxLength",
  "pattern",
  "minimum",
  "exclusiveMinimum",
  "maximum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
  "contentMediaType",
  "contentEncoding",
];

export function buildJsDoc(docs: Docs | undefined, constraints: Constraints | undefined, options: { title?: boolean } = {}): JsDoc | undefined {
  const parts: string[] = [];
  if (options.title && docs?.title) parts.push(jsDocText(docs.title));
  if (docs?.description) {
    const md = jsDocText(htmlToMarkdown(docs.description));
    if (md && md !== parts[0]) parts.push(md);
  }
  for (const note of docs?.notes ?? []) parts.push(jsDocText(note));
  const tags: JsDoc["tags"] = [];
  if (docs?.widened && docs.widened.length > 0) {
    parts.push(jsDocText(`Wider than the schema: ${docs.widened.map((k) => "`" + k + "`").join(", ")} cannot be expressed as a TypeScript type; the validator checks ${docs.widened.length > 1 ? "them" : "it"}.`));
  }
  if (constraints) {
    for (const k of CONSTRAINT_TAGS) {
      const v = constraints[k];
      if (v === undefined) continue;
      tags.push({ tagName: k, text: typeof v === "string" ? jsDocInline(v) : String(v) });
    }
  }
  if (docs?.default) tags.push({ tagName: "default", text: jsonForDoc(docs.default.value) });
  for (const ex of docs?.examples ?? []) tags.push({ tagName: "example", text: jsonForDoc(ex) });
  if (docs?.readOnly) tags.push({ tagName: "readonly" });
  if (docs?.writeOnly) tags.push({ tagName: "writeOnly" });
  if (docs?.deprecated) tags.push({ tagName: "deprecated" });
  // `x-` extensions as tags named after them (names that are not plain words are left out of the comment).
  for (const [k, v] of Object.entries(docs?.extensions ?? {})) if (/^x-[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(k)) tags.push({ tagName: k, text: jsonForDoc(v) });
  for (const link of docs?.description ? linksOf(docs.description) : []) tags.push({ tagName: "see", text: jsDocInline(link) });
  const description = parts.join("\n\n");
  if (!description && tags.length === 0) return undefined;
  return { description, tags };
}
