/**
 * readOnly/writeOnly views: for a declaration `X` whose members (or the declarations it reaches) are marked
 * `readOnly` or `writeOnly`, the types template emits `X.Request` (without the readOnly members: what a
 * client sends) and `X.Response` (without the writeOnly members: what a server returns) beside `X` (every
 * member: what the schema, and so the validator, accepts). A view refers to the views of the declarations it
 * reaches, so `Owner.Request` holds `Address.Request`. Views live in a namespace merged with `X`: their names
 * cannot collide with any declaration's.
 * @see https://spec.openapis.org/oas/v3.0.3#fixed-fields-19 (readOnly, writeOnly)
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-9.4
 */
import { mapNode, forEachNode } from "../passes/map.js";
import type { Declaration, Model, PropertyNode, TypeNode } from "./ir.js";

export type ViewKind = "Request" | "Response";
export const VIEW_KINDS: readonly ViewKind[] = ["Request", "Response"];

/** Reference targets of views: the declaration id, a separator no URL holds, the view. */
const MARK = "\u0000view:";

export function viewTarget(declarationId: string, view: ViewKind): string {
  return `${declarationId}${MARK}${view}`;
}

/** The declaration and view a view target names, or undefined for a plain declaration id. */
export function parseViewTarget(target: string): { id: string; view: ViewKind } | undefined {
  const i = target.indexOf(MARK);
  return i < 0 ? undefined : { id: target.slice(0, i), view: target.slice(i + MARK.length) as ViewKind };
}

/** Ids of the declarations that get views: those with a readOnly or writeOnly member, and those reaching one. */
export function declarationsWithViews(model: Model): Set<string> {
  const marked = (p: PropertyNode) => flagOf(p, model) !== undefined;
  const out = new Set<string>();
  const refs = new Map<string, string[]>();
  for (const d of model.declarations) {
    const targets: string[] = [];
    forEachNode(d.type, (n) => {
      if (n.tsType !== undefined) return;
      if (n.kind === "object" && n.properties.some(marked)) out.add(d.id);
      if (n.kind === "ref") targets.push(n.target);
    });
    refs.set(d.id, targets);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, targets] of refs) {
      if (!out.has(id) && targets.some((t) => out.has(t))) {
        out.add(id);
        changed = true;
      }
    }
  }
  return out;
}

/** The view of a declaration's type: members the view leaves out are dropped; references lead to views. */
export function viewOf(decl: Declaration, view: ViewKind, model: Model, withViews: Set<string>): TypeNode {
  const drop = view === "Request" ? "readOnly" : "writeOnly";
  return mapNode(decl.type, (n) => {
    if (n.tsType !== undefined) return n;
    if (n.kind === "object") return { ...n, properties: n.properties.filter((p) => flagOf(p, model) !== drop) };
    if (n.kind === "ref" && withViews.has(n.target)) return { ...n, target: viewTarget(n.target, view) };
    return n;
  });
}

/** A member's flag: on the member, or on the declaration its type refers to. */
function flagOf(p: PropertyNode, model: Model): "readOnly" | "writeOnly" | undefined {
  const docs = p.docs ?? p.type.docs;
  const target = p.type.kind === "ref" ? model.byId.get(p.type.target)?.type.docs : undefined;
  if (docs?.readOnly || target?.readOnly) return "readOnly";
  if (docs?.writeOnly || target?.writeOnly) return "writeOnly";
  return undefined;
}
