/**
 * The type printer: model nodes → TypeScript type text on a ts-morph `CodeBlockWriter`, one function per node
 * kind in an exhaustive table (a missing kind is a compile error). Names of other declarations come from
 * the module's `refName`, which also records imports.
 */
import type { CodeBlockWriter } from "./ts-morph.js";
import type { NodeKind, NodeOf, ObjectNode, PropertyNode, TypeNode } from "../model/ir.js";
import { buildJsDoc } from "./jsdoc.js";
import { printJsDoc } from "./jsdoc-print.js";
import { patternTemplate, templateMatches } from "./pattern-template.js";
import { literalType, propertyKey, quoteString, templateLiteralType } from "./ts-syntax.js";

export interface TypePrintContext {
  refName(targetId: string): string;
  indexSignatures: boolean;
  /** Whether members get their JSDoc. */
  docs: boolean;
}

type Printer<K extends NodeKind> = (w: CodeBlockWriter, node: NodeOf<K>, ctx: TypePrintContext) => void;

const printers: { [K in NodeKind]: Printer<K> } = {
  primitive: (w, n) => {
    w.write(n.type === "integer" ? "number" : n.type);
  },
  literal: (w, n) => {
    w.write(literalType(n.value));
  },
  enum: (w, n) => {
    w.write(n.values.map(literalType).join(" | "));
  },
  array: (w, n, ctx) => {
    const wrap = needsParens(n.items, "array", ctx);
    if (wrap) w.write("(");
    printType(w, n.items, ctx);
    if (wrap) w.write(")");
    w.write("[]");
  },
  tuple: (w, n, ctx) => {
    const lengths = tupleLengths(n);
    if (!lengths) return printTupleForm(w, n, n.items.length, n.rest, ctx);
    lengths.forEach((length, k) => {
      if (k > 0) w.write(" | ");
      printTupleForm(w, { ...n, minItems: length }, length, length === n.items.length ? n.rest : null, ctx);
    });
  },
  object: (w, n, ctx) => {
    if (n.properties.length === 0 && indexSignatureType(n, ctx) === undefined && patternSignatures(n).length === 0) {
      w.write(n.additional === false ? "{ [key: string]: never }" : "{ [key: string]: unknown }");
      return;
    }
    w.inlineBlock(() => printMembers(w, n, ctx));
    if (isWeakOpen(n, ctx)) w.write(" & object");
  },
  union: (w, n, ctx) => joined(w, n.members, " | ", "union", ctx),
  intersection: (w, n, ctx) => joined(w, n.members, " & ", "intersection", ctx),
  ref: (w, n, ctx) => {
    w.write(ctx.refName(n.target));
  },
  unknown: (w) => {
    w.write("unknown");
  },
  never: (w) => {
    w.write("never");
  },
};

export function printType(w: CodeBlockWriter, node: TypeNode, ctx: TypePrintContext): void {
  if (node.tsType !== undefined) return void w.write(node.tsType); // checked and reprinted by the model
  (printers[node.kind] as Printer<NodeKind>)(w, node, ctx);
}

/**
 * A tuple with optional positions is printed as the union of its lengths (`[] | [T] | [T, T]`), not as
 * `[T?, T?]`, whose elements TypeScript types `T | undefined`; undefined when it has none, or when the union
 * would repeat more than `TUPLE_UNION_LIMIT` elements (then `?` is used).
 */
function tupleLengths(n: NodeOf<"tuple">): number[] | undefined {
  const count = n.items.length - n.minItems;
  if (count <= 0) return undefined;
  const lengths = Array.from({ length: count + 1 }, (_, i) => n.minItems + i);
  return lengths.reduce((a, b) => a + b, 0) > TUPLE_UNION_LIMIT ? undefined : lengths;
}

const TUPLE_UNION_LIMIT = 64;

function printTupleForm(w: CodeBlockWriter, n: NodeOf<"tuple">, length: number, rest: TypeNode | null, ctx: TypePrintContext): void {
  w.write("[");
  n.items.slice(0, length).forEach((item, i) => {
    if (i > 0) w.write(", ");
    // An optional element binds `?` tighter than `|` or `&`: `(A | B)?`, never `A | B?`.
    const optional = i >= n.minItems;
    const wrap = optional && (needsParens(item, "array", ctx) || item.kind === "union" || item.kind === "intersection");
    if (wrap) w.write("(");
    printType(w, item, ctx);
    if (wrap) w.write(")");
    if (optional) w.write("?");
  });
  if (rest) {
    if (length > 0) w.write(", ");
    w.write("...");
    const wrap = needsParens(rest, "array", ctx);
    if (wrap) w.write("(");
    printType(w, rest, ctx);
    w.write(wrap ? ")[]" : "[]");
  }
  w.write("]");
}

function joined(w: CodeBlockWriter, members: TypeNode[], sep: string, parent: "union" | "intersection", ctx: TypePrintContext): void {
  members.forEach((m, i) => {
    if (i > 0) w.write(sep);
    const wrap = needsParens(m, parent, ctx);
    if (wrap) w.write("(");
    printType(w, m, ctx);
    if (wrap) w.write(")");
  });
}

function needsParens(node: TypeNode, parent: "array" | "union" | "intersection", ctx: TypePrintContext): boolean {
  if (node.kind === "union" || (node.kind === "enum" && node.values.length > 1) || (node.kind === "tuple" && tupleLengths(node))) return parent !== "union";
  if (node.kind === "intersection" || (node.kind === "object" && isWeakOpen(node, ctx))) return parent === "array";
  return false;
}

/**
 * An open object type whose members are all optional is a "weak type" to TypeScript: a value sharing none of
 * its members is rejected, although the schema admits it (`{ "other": 1 }` against `properties: { a: … }`).
 * Such an object is printed as `{ … } & object`, which is not weak and admits exactly the same values.
 */
export function isWeakOpen(n: ObjectNode, ctx: TypePrintContext): boolean {
  return (
    n.properties.length > 0 &&
    n.properties.every((p) => !p.required) &&
    indexSignatureType(n, ctx) === undefined &&
    patternSignatures(n).length === 0 &&
    n.additional !== false
  );
}

/** The members of an object type (inside braces): JSDoc, name, `?`, type; then the index signature. */
export function printMembers(w: CodeBlockWriter, n: ObjectNode, ctx: TypePrintContext): void {
  for (const p of n.properties) printProperty(w, p, ctx);
  const index = indexSignatureType(n, ctx);
  if (index) {
    w.write("[key: string]: ");
    if (index === "unknown") w.write("unknown");
    else {
      joined(w, index.members, " | ", "union", ctx);
      writeInherited(w, n.properties);
      if (index.optional) w.write(" | undefined");
    }
    w.write(";").newLine();
  }
  for (const sig of patternSignatures(n)) {
    w.write(`[key: ${sig.key}]: `);
    joined(w, sig.members, " | ", "union", ctx);
    writeInherited(w, sig.matching);
    if (sig.optional) w.write(" | undefined");
    w.write(";").newLine();
  }
}

/** An index signature covers the inherited types its optional members admit (see printProperty). */
function writeInherited(w: CodeBlockWriter, properties: readonly PropertyNode[]): void {
  for (const p of properties) if (!p.required && INHERITED.has(p.name)) w.write(` | Object[${quoteString(p.name)}]`);
}

/**
 * `patternProperties` whose pattern a template literal says exactly (see pattern-template.ts), as index
 * signatures; each is widened by the types of the properties it matches, so that the type compiles.
 */
export function patternSignatures(n: ObjectNode): { key: string; members: TypeNode[]; optional: boolean; matching: PropertyNode[] }[] {
  const out: { key: string; members: TypeNode[]; optional: boolean; matching: PropertyNode[] }[] = [];
  for (const p of n.patterns ?? []) {
    const parts = patternTemplate(p.pattern);
    if (!parts) continue;
    const matching = n.properties.filter((q) => templateMatches(parts, q.name));
    out.push({ key: templateLiteralType(parts), members: distinct([p.type, ...matching.map((q) => q.type)]), optional: matching.some((q) => !q.required), matching });
  }
  return out;
}

/** The members of a union of `types`, each printed once (nested plain unions spread; `integer` prints as `number`). */
function distinct(types: TypeNode[]): TypeNode[] {
  const seen = new Set<string>();
  const flat = types.flatMap((t) => (t.kind === "union" && !t.docs && !t.constraints ? t.members : [t]));
  return flat.filter((t) => {
    const k = JSON.stringify(t.kind === "primitive" && t.type === "integer" ? { ...t, type: "number" } : t);
    const fresh = !seen.has(k);
    seen.add(k);
    return fresh;
  });
}

function printProperty(w: CodeBlockWriter, p: PropertyNode, ctx: TypePrintContext): void {
  const doc = ctx.docs ? buildJsDoc(p.docs, p.type.kind === "ref" ? undefined : p.type.constraints) : undefined;
  if (doc) printJsDoc(w, doc);
  w.write(`${propertyKey(p.name)}${p.required ? "" : "?"}: `);
  printType(w, p.type, ctx);
  // Every object inherits `toString`, `constructor`, …: TypeScript checks an absent optional member of that
  // name against the inherited one, so `{}` would not fit `{ toString?: string }`. The inherited type is
  // admitted too (sound; no JSON value has a function member, so nothing valid is lost).
  if (!p.required && INHERITED.has(p.name)) w.write(` | Object[${quoteString(p.name)}]`);
  w.write(";").newLine();
}

const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype).filter((n) => n !== "__proto__" && !n.startsWith("__")));

/**
 * The index signature's member types: the additional type, widened by every property's type so that the
 * interface compiles (TypeScript checks properties against the signature, optional ones with `undefined`);
 * "unknown" for open objects under the index-signatures option.
 */
function indexSignatureType(n: ObjectNode, ctx: TypePrintContext): { members: TypeNode[]; optional: boolean } | "unknown" | undefined {
  if (n.additional && n.additional.kind !== "never") {
    if (n.additional.kind === "unknown") return "unknown";
    const members = distinct([n.additional, ...n.properties.map((p) => p.type)]);
    return { members, optional: n.properties.some((p) => !p.required) };
  }
  if (n.additional === undefined && ctx.indexSignatures) return "unknown";
  return undefined;
}
