/**
 * One declaration → its statements: an `interface` for objects (with `extends` when it is an allOf of named
 * objects plus members), a `type` alias for everything else, and for enums a same-named `as const` object.
 */
import type { CodeBlockWriter, WriterFunction } from "../../src/emit/ts-morph.js";
import type { Declaration, IntersectionNode, Model, ObjectNode, RefNode, TypeNode } from "../../src/model/ir.js";
import { buildJsDoc } from "../../src/emit/jsdoc.js";
import { printJsDoc } from "../../src/emit/jsdoc-print.js";
import { isWeakOpen, patternSignatures, printMembers, printType, type TypePrintContext } from "../../src/emit/type-printer.js";
import { literalType, propertyKey, objectLiteralKey, jsValue } from "../../src/emit/ts-syntax.js";

/**
 * The declaration's statement for a `.d.ts`, as a writer (printed inside one SourceFileStructure). A blank line
 * separates it from what comes before, except first in a block (`first`).
 */
export function declarationWriter(decl: Declaration, model: Model, ctx: TypePrintContext, first = false): WriterFunction {
  return (w: CodeBlockWriter) => {
    if (!first) w.blankLineIfLastNot();
    const t = decl.type;
    const doc = ctx.docs ? buildJsDoc(t.docs, t.constraints) : undefined;
    if (doc) printJsDoc(w, doc);
    const ext = extendsForm(t, model);
    if (t.tsType !== undefined) {
      w.write(`export type ${decl.name} = ${t.tsType};`);
    } else if (t.kind === "object" && isWeakOpen(t, ctx)) {
      w.write(`export type ${decl.name} = `);
      printType(w, t, ctx);
      w.write(";");
    } else if (t.kind === "object" && (t.properties.length > 0 || (t.additional !== undefined && t.additional !== false) || ctx.indexSignatures || patternSignatures(t).length > 0)) {
      w.write(`export interface ${decl.name} `).inlineBlock(() => printMembers(w, t, ctx));
    } else if (ext) {
      w.write(`export interface ${decl.name} extends ${ext.bases.map((b) => ctx.refName(b.target)).join(", ")} `);
      w.inlineBlock(() => ext.own && printMembers(w, ext.own, ctx));
    } else if (t.kind === "enum" && t.values.length > 3) {
      w.write(`export type ${decl.name} =`);
      for (const v of t.values) w.newLine().indent().write(`| ${literalType(v)}`);
      w.write(";");
    } else {
      w.write(`export type ${decl.name} = `);
      printType(w, t, ctx);
      w.write(";");
    }
    w.newLine();
  };
}

/**
 * `allOf: [{$ref: A}, {$ref: B}, {properties…}]` as `interface X extends A, B { … }` — when every base is a named
 * object type and no own member redeclares a base member (TypeScript would reject a conflicting one).
 */
function extendsForm(t: TypeNode, model: Model): { bases: RefNode[]; own?: ObjectNode } | undefined {
  if (t.kind !== "intersection") return undefined;
  const bases = t.members.filter((m): m is RefNode => m.kind === "ref");
  const own = (t as IntersectionNode).members.filter((m): m is ObjectNode => m.kind === "object");
  if (bases.length === 0 || bases.length + own.length !== t.members.length || own.length > 1) return undefined;
  const baseMembers = new Set<string>();
  for (const b of bases) {
    const target = model.byId.get(b.target);
    if (!target || !isInterfaceLike(target.type, model, new Set())) return undefined;
    collectMembers(target.type, model, baseMembers, new Set());
  }
  const o = own[0];
  if (o && (o.additional !== undefined || o.properties.some((p) => baseMembers.has(p.name)))) return undefined;
  return o ? { bases, own: o } : { bases };
}

function isInterfaceLike(t: TypeNode, model: Model, seen: Set<TypeNode>): boolean {
  if (seen.has(t)) return false;
  seen.add(t);
  if (t.kind === "object") return t.additional === undefined && t.properties.length > 0;
  const ext = extendsForm(t, model);
  return ext !== undefined;
}

function collectMembers(t: TypeNode, model: Model, out: Set<string>, seen: Set<TypeNode>): void {
  if (seen.has(t)) return;
  seen.add(t);
  if (t.kind === "object") for (const p of t.properties) out.add(p.name);
  if (t.kind === "intersection")
    for (const m of t.members) {
      if (m.kind === "ref") {
        const d = model.byId.get(m.target);
        if (d) collectMembers(d.type, model, out, seen);
      } else collectMembers(m, model, out, seen);
    }
}

/**
 * Keys for an enum's `as const` object (its `tsEnumNames` when given, else the values), or undefined when its
 * values have no distinct keys.
 */
export function enumKeys(values: readonly unknown[], names?: readonly string[], all?: readonly unknown[]): string[] | undefined {
  if (names) {
    const index = new Map((all ?? values).map((v, i) => [v, i]));
    return values.map((v) => names[index.get(v)!]!);
  }
  const keys = new Set<string>();
  for (const v of values) {
    if (v !== null && typeof v === "object") return undefined;
    const k = String(v);
    if (keys.has(k)) return undefined;
    keys.add(k);
  }
  return [...keys];
}

/** `export declare const X: { readonly A: "A"; … };` — the declared type of an enum's object. */
export function enumConstDeclaration(name: string, values: readonly unknown[], keys: readonly string[], doc: ReturnType<typeof buildJsDoc>): WriterFunction {
  return (w) => {
    w.blankLineIfLastNot();
    if (doc) printJsDoc(w, doc);
    w.write(`export declare const ${name}: `).inlineBlock(() => {
      values.forEach((v, i) => w.write(`readonly ${propertyKey(keys[i]!)}: ${literalType(v)};`).newLine());
    });
    w.write(";").newLine();
  };
}

/**
 * `export const X = Object.freeze({ A: "A", … });` — the enum's object at run time (`… } as const)` in
 * TypeScript output, where it is its own declaration).
 */
export function enumConstValue(name: string, values: readonly unknown[], keys: readonly string[], asConst = false): WriterFunction {
  return (w) => {
    w.blankLineIfLastNot();
    w.write(`export const ${name} = Object.freeze(`).inlineBlock(() => {
      values.forEach((v, i) => w.write(`${objectLiteralKey(keys[i]!)}: ${jsValue(v)},`).newLine());
    });
    w.write(asConst ? " as const);" : ");").newLine();
  };
}
