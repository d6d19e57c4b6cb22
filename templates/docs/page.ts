/**
 * One page per named type: title, description, the TypeScript declaration (printed by the types template's
 * own writer, so it is the declaration of the package), members, enum values, an example checked by the
 * validator, what the type uses and what uses it, and a Mermaid class diagram of its neighbourhood.
 */
import { basename } from "node:path";
import GithubSlugger from "github-slugger";
import { writeText } from "../../src/emit/ts-morph.js";
import { codeBlock, codeSpan, descriptionMarkdown, jsonText, markdownText, summaryOf, tableCell } from "../../src/emit/markdown.js";
import { quoteString } from "../../src/emit/ts-syntax.js";
import type { Constraints, Declaration, PropertyNode, TypeNode } from "../../src/model/ir.js";
import { printType } from "../../src/emit/type-printer.js";
import { enumKeys } from "../types/declarations.js";
import { PRINT_OPTIONS } from "../types/index.js";
import { kindLabel, type DocsSite, type Reference } from "./site.js";
import { mermaidDiagram } from "./diagram.js";

/** What the example section shows: a value the validator accepted, or why there is none. */
export type ExampleOutcome = { value: unknown } | { none: string };

interface Section {
  level: number;
  /** Heading as Markdown, and its text as GitHub reads it (for the anchor). */
  heading: string;
  text: string;
  body: (anchors: Map<string, string>) => string;
  key: string;
}

export function typePage(site: DocsSite, d: Declaration, example: ExampleOutcome): string {
  const t = d.type;
  const object = objectOf(t);
  const members = object?.properties ?? [];
  const detailed = members.filter((p) => p.docs?.description && summaryOf(descriptionMarkdown(p.docs.description)) !== descriptionMarkdown(p.docs.description));
  const values = enumValues(t);
  const sections: Section[] = [];
  const add = (key: string, level: number, text: string, body: Section["body"], heading = markdownText(text)) => sections.push({ key, level, heading, text, body });

  add("title", 1, d.name, () => intro(site, d));
  if (site.typesEmitted) add("use", 2, "Use", () => usage(site, d));
  add("declaration", 2, "Declaration", () => codeBlock("ts", site.declarationText(d)));
  if (object) add("members", 2, "Members", (anchors) => membersTable(site, d, members, anchors));
  if (values) add("values", 2, "Values", () => valuesTable(d, values, t.kind === "enum"));
  add("example", 2, "Example", () => exampleSection(site, d, example));
  if (detailed.length > 0) {
    add("details", 2, "Members in detail", () => "");
    for (const p of detailed) {
      add(`member:${p.name}`, 3, p.name, () => memberDetail(site, d, p), codeSpan(p.name));
    }
  }
  add("relations", 2, "Related types", () => relations(site, d));
  add("diagram", 2, "Diagram", () => mermaidDiagram(site, d));
  add("source", 2, "Source", () => source(d));

  const slugger = new GithubSlugger();
  const anchors = new Map(sections.map((s) => [s.key, slugger.slug(s.text)]));
  const out: string[] = [];
  for (const s of sections) {
    out.push(`${"#".repeat(s.level)} ${s.heading}`);
    const body = s.body(anchors);
    if (body !== "") out.push(body);
  }
  return out.join("\n\n") + "\n";
}

function intro(site: DocsSite, d: Declaration): string {
  const docs = d.type.docs;
  const lines: string[] = [];
  const crumbs = `[Reference](${d.namespace === "" && site.folder("") === "" ? "" : "../"}README.md) › ${codeSpan(site.folder(d.namespace))} › ${markdownText(d.name)}`;
  lines.push(crumbs);
  if (docs?.title && docs.title !== d.name) lines.push(`**${markdownText(docs.title)}**`);
  if (docs?.description) lines.push(descriptionMarkdown(docs.description));
  for (const note of docs?.notes ?? []) lines.push(`> ${markdownText(note)}`);
  if (docs?.widened?.length) {
    lines.push(`> The TypeScript type is wider than the schema: ${docs.widened.map(codeSpan).join(", ")} cannot be expressed as a type; the validator checks ${docs.widened.length > 1 ? "them" : "it"}.`);
  }
  if (docs?.deprecated) lines.push("> **Deprecated.**");
  const facts = [`**Kind:** ${kindLabel(d.type)}`];
  const object = objectOf(d.type);
  if (object) {
    const required = object.properties.filter((p) => p.required).length;
    facts.push(`${object.properties.length} member${object.properties.length === 1 ? "" : "s"} (${required} required)`);
  }
  const constraints = constraintText(d.type.constraints);
  if (constraints) facts.push(constraints);
  const pair = pairOf(site, d);
  if (pair) facts.push(`${pair.role} ${link(site, pair.id, d.namespace)}`);
  lines.push(facts.join(" · "));
  return lines.join("\n\n");
}

function usage(site: DocsSite, d: Declaration): string {
  const from = site.importModule(d);
  const X = d.name;
  const code = site.validatorsEmitted
    ? [
        `import { type ${X}, is${X}, validate${X}, assert${X} } from ${JSON.stringify(from)};`,
        "",
        `const result = validate${X}(input); // { valid: true, value } or { valid: false, errors }`,
        `assert${X}(input); // throws a ValidationFailure carrying .errors`,
      ]
    : [`import type { ${X} } from ${JSON.stringify(from)};`];
  return codeBlock("ts", code.join("\n"));
}

function membersTable(site: DocsSite, d: Declaration, members: PropertyNode[], anchors: Map<string, string>): string {
  if (members.length === 0) {
    const object = objectOf(d.type);
    return object?.additional ? `Any member names; every value is ${typeMarkdown(site, object.additional, d.namespace)}.` : "No members are declared.";
  }
  const defaults = members.map((p) => p.docs?.default ?? effective(site, p.type)?.type.docs?.default);
  const withDefault = defaults.some((x) => x !== undefined);
  const rows = [
    `| Name | Type | Required | Constraints |${withDefault ? " Default |" : ""} Description |`,
    `|---|---|---|---|${withDefault ? "---|" : ""}---|`,
  ];
  members.forEach((p, i) => {
    const anchor = anchors.get(`member:${p.name}`);
    const name = anchor ? `[${codeSpan(p.name)}](#${anchor})` : codeSpan(p.name);
    // A member without its own description is described by its type's summary.
    const target = effective(site, p.type);
    const description = p.docs?.description ? summaryOf(descriptionMarkdown(p.docs.description)) : target ? site.summary(target.id) : "";
    const flags = [p.docs?.deprecated ? "**Deprecated.**" : "", p.docs?.readOnly ? "Read-only." : "", p.docs?.writeOnly ? "Write-only." : ""].filter(Boolean);
    const more = anchor ? ` [More](#${anchor})` : "";
    const def = defaults[i];
    const cells = [name, typeMarkdown(site, p.type, d.namespace), p.required ? "yes" : "no", memberConstraints(site, p.type, d.namespace)];
    if (withDefault) cells.push(def ? codeSpan(jsonText(def.value)) : "");
    cells.push([...flags, description].filter(Boolean).join(" ") + more);
    rows.push(`| ${cells.map(tableCell).join(" | ")} |`);
  });
  const object = objectOf(d.type)!;
  if (object.additional) rows.push("", `Other members: ${object.additional.kind === "unknown" ? "any value" : typeMarkdown(site, object.additional, d.namespace)}.`);
  else if (object.additional === false) rows.push("", "No other members are allowed.");
  return rows.join("\n");
}

function memberDetail(site: DocsSite, d: Declaration, p: PropertyNode): string {
  return descriptionMarkdown(p.docs!.description!);
}

function valuesTable(d: Declaration, values: { value: unknown; description?: string }[], constants: boolean): string {
  // Only enums get a same-named object of their values (a `oneOf` of constants is a literal union).
  const keys = constants ? enumKeys(values.map((v) => v.value).filter((v) => v !== null)) : undefined;
  const withDocs = values.some((v) => v.description);
  const header = ["Value", ...(keys ? ["Constant"] : []), ...(withDocs ? ["Description"] : [])];
  const rows = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
  for (const v of values) {
    const cells = [codeSpan(jsonText(v.value))];
    if (keys) cells.push(v.value === null ? "" : codeSpan(/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(String(v.value)) ? `${d.name}.${String(v.value)}` : `${d.name}[${quoteString(String(v.value))}]`));
    if (withDocs) cells.push(v.description ? summaryOf(descriptionMarkdown(v.description)) : "");
    rows.push(`| ${cells.map(tableCell).join(" | ")} |`);
  }
  return rows.join("\n");
}

function exampleSection(site: DocsSite, d: Declaration, example: ExampleOutcome): string {
  if ("none" in example) return `No example: ${example.none}`;
  const json = jsonText(example.value, 2);
  const checked = site.validatorsEmitted
    ? `${codeSpan(`validate${d.name}`)} accepts this value (checked when these docs were generated).`
    : `The validator schemaforge compiles from the schema accepts this value (checked when these docs were generated; this package was generated without validators: add ${codeSpan("--emit validators")} to get ${codeSpan(`validate${d.name}`)}).`;
  return `${codeBlock("json", json)}\n\n${checked}`;
}

function relations(site: DocsSite, d: Declaration): string {
  const uses = site.uses.get(d.id) ?? [];
  const usedBy = site.usedBy.get(d.id) ?? [];
  const table = (title: string, refs: Reference[], viaTitle: string, mine: boolean) => {
    if (refs.length === 0) return `${title}: none.`;
    // A type that hundreds use (a shared string type): the names only, in one paragraph.
    if (refs.length > 40) return `${title} (${refs.length} types): ${refs.map((r) => link(site, r.id, d.namespace)).join(", ")}.`;
    const rows = [`${title}:`, "", `| Type | ${viaTitle} | Summary |`, "|---|---|---|"];
    for (const r of refs) {
      const via = r.via.filter((v) => v !== "").map((v) => codeSpan(v)).join(", ") || (mine ? "the type itself" : "the whole type");
      rows.push(`| ${[link(site, r.id, d.namespace), via, site.summary(r.id)].map(tableCell).join(" | ")} |`);
    }
    return rows.join("\n");
  };
  return [table("Uses", uses, "Through", true), table("Used by", usedBy, "As", false)].join("\n\n");
}

function source(d: Declaration): string {
  const where = basename(d.source.uri) + (d.source.pointer ? `#${d.source.pointer}` : "");
  return `Generated from ${codeSpan(where)}.`;
}

/** A link to a type's page (or its name in code when it has no page). */
export function link(site: DocsSite, id: string, from: string | undefined): string {
  const target = site.decl(id);
  const href = site.href(id, from);
  return href ? `[${target.name}](${href})` : codeSpan(target.name);
}

/** A member's type as Markdown: the TypeScript type text, with every named type linked to its page. */
function typeMarkdown(site: DocsSite, t: TypeNode, from: string): string {
  // The common shapes without a writer: a named type, a primitive, an array of either.
  const item = t.kind === "array" ? t.items : t;
  const suffix = t.kind === "array" ? ` ${codeSpan("[]")}` : "";
  if (item.kind === "primitive") return codeSpan(`${item.type === "integer" ? "number" : item.type}${t.kind === "array" ? "[]" : ""}`);
  if (item.kind === "ref" && site.context.model.byId.has(item.target)) {
    return `${link(site, item.target, from)}${suffix} (${kindLabel(site.decl(item.target).type)}${t.kind === "array" ? "s" : ""})`;
  }
  const targets: string[] = [];
  const typeCtx = { refName: (id: string) => `\u0001${targets.push(id) - 1}\u0002`, indexSignatures: site.context.options.indexSignatures, docs: false };
  const text = writeText((w) => printType(w, t, typeCtx), PRINT_OPTIONS).replace(/\s*\n\s*/g, " ");
  if (targets.length === 0) return codeSpan(text);
  const parts = text.split(/\u0001(\d+)\u0002/);
  const out = parts.map((part, i) => (i % 2 === 1 ? link(site, targets[Number(part)]!, from) : part.trim() === "" ? "" : codeSpan(part.trim())));
  let md = out.filter(Boolean).join(" ");
  if (t.kind === "ref") {
    const target = site.context.model.byId.get(t.target);
    if (target) md += ` (${kindLabel(target.type)})`;
  }
  return md;
}

/** The constraints a member's value must meet: its own, or those of the named type it refers to. */
function memberConstraints(site: DocsSite, t: TypeNode, from: string): string {
  const target = effective(site, t);
  const node = target?.type ?? t;
  const parts: string[] = [];
  const own = constraintText(t.constraints);
  if (own) parts.push(own);
  if (target) {
    const theirs = constraintText(target.type.constraints);
    if (theirs) parts.push(theirs);
  }
  const values = enumValues(node);
  if (values) {
    const shown = values.slice(0, 4).map((v) => codeSpan(jsonText(v.value)));
    const page = target ? site.href(target.id, from) : undefined;
    const rest = values.length > 4 ? (page ? `, … ([${values.length} values](${page}#values))` : `, … (${values.length} values)`) : "";
    parts.push(`one of ${shown.join(", ")}${rest}`);
  }
  if (node.kind === "array" && node.items.kind === "ref") {
    const items = site.context.model.byId.get(node.items.target);
    const theirs = items ? constraintText(items.type.constraints) : undefined;
    if (theirs) parts.push(`each item: ${theirs}`);
  }
  return parts.join("; ");
}

/** The named type a ref member refers to. */
function effective(site: DocsSite, t: TypeNode): Declaration | undefined {
  return t.kind === "ref" ? site.context.model.byId.get(t.target) : undefined;
}

const CONSTRAINT_WORDS: [keyof Constraints, (v: never) => string][] = [
  ["format", (v: string) => `format ${codeSpan(v)}`],
  ["pattern", (v: string) => `pattern ${codeSpan(v)}`],
  ["minimum", (v: number) => `≥ ${v}`],
  ["exclusiveMinimum", (v: number) => `> ${v}`],
  ["maximum", (v: number) => `≤ ${v}`],
  ["exclusiveMaximum", (v: number) => `< ${v}`],
  ["multipleOf", (v: number) => `multiple of ${v}`],
  ["uniqueItems", (v: boolean) => (v ? "unique items" : "")],
  ["contentMediaType", (v: string) => `content ${codeSpan(v)}`],
  ["contentEncoding", (v: string) => `encoding ${codeSpan(v)}`],
];

/** Constraints in words: `length 1–55`, `pattern …`, `≥ 0`, `items 1–10`, … ("" when there are none). */
export function constraintText(c: Constraints | undefined): string {
  if (!c) return "";
  const parts: string[] = [];
  const range = (word: string, unit: string, min?: number, max?: number) => {
    if (min === undefined && max === undefined) return;
    if (min !== undefined && max !== undefined) parts.push(min === max ? `${word} ${min}` : `${word} ${min}–${max}`);
    else if (min !== undefined) parts.push(`${word} ≥ ${min}`);
    else parts.push(`${word} ≤ ${max}`);
    void unit;
  };
  range("length", "", c.minLength, c.maxLength);
  range("items", "", c.minItems, c.maxItems);
  range("members", "", c.minProperties, c.maxProperties);
  for (const [k, f] of CONSTRAINT_WORDS) {
    const v = c[k];
    if (v !== undefined) {
      const s = f(v as never);
      if (s) parts.push(s);
    }
  }
  return parts.join(", ");
}

/** The object a page lists members of (an object type, or the own members of an `extends` form). */
function objectOf(t: TypeNode) {
  if (t.kind === "object") return t;
  if (t.kind === "intersection") {
    const own = t.members.filter((m) => m.kind === "object");
    if (own.length === 1 && own[0]!.kind === "object") return own[0];
  }
  return undefined;
}

/** Enum values with their own docs (a `oneOf` of documented constants), or undefined for other types. */
export function enumValues(t: TypeNode): { value: unknown; description?: string }[] | undefined {
  if (t.kind === "enum") return t.values.map((value) => ({ value }));
  if (t.kind === "union" && t.members.length > 0 && t.members.every((m) => m.kind === "literal")) {
    return t.members.map((m) => ({ value: (m as { value: unknown }).value, ...(m.docs?.description ? { description: m.docs.description } : {}) }));
  }
  return undefined;
}

/** The request of a response, or the response of a request, when the names pair up. */
export function pairOf(site: DocsSite, d: Declaration): { role: string; id: string } | undefined {
  for (const [a, b] of [
    ["Request", "Response"],
    ["Input", "Output"],
  ] as const) {
    for (const [mine, other, role] of [
      [a, b, "Response:"],
      [b, a, "Request:"],
    ] as const) {
      if (!d.name.endsWith(mine) || d.name === mine) continue;
      const found = site.byName(d.namespace, d.name.slice(0, -mine.length) + other);
      if (found) return { role, id: found.id };
    }
  }
  return undefined;
}
