/**
 * `export declare namespace X { export interface Request …; export interface Response … }` beside a
 * declaration with readOnly/writeOnly members (src/model/views.ts decides which, and what each view holds).
 */
import type { CodeBlockWriter, WriterFunction } from "../../src/emit/ts-morph.js";
import type { TypePrintContext } from "../../src/emit/type-printer.js";
import type { Declaration, Model } from "../../src/model/ir.js";
import { parseViewTarget, VIEW_KINDS, viewOf } from "../../src/model/views.js";
import { forEachNode } from "../../src/passes/map.js";
import { declarationWriter } from "./declarations.js";

const ABOUT = {
  Request: "as a client sends it: without its readOnly members",
  Response: "as a server returns it: without its writeOnly members",
} as const;

/** A refName that also names views (`Address.Request`). */
export function viewRefName(refName: (id: string) => string): (id: string) => string {
  return (id) => {
    const v = parseViewTarget(id);
    return v ? `${refName(v.id)}.${v.view}` : refName(id);
  };
}

/**
 * The namespace of views for `decl`, or a reason there is none: inside `namespace X`, a reference to a
 * declaration named `Request` or `Response` would mean the view instead.
 */
export function viewsWriter(decl: Declaration, model: Model, withViews: Set<string>, ctx: TypePrintContext): WriterFunction | string {
  const views = VIEW_KINDS.map((view) => ({ view, type: viewOf(decl, view, model, withViews) }));
  for (const { type } of views) {
    let shadowed: string | undefined;
    forEachNode(type, (n) => {
      if (n.kind === "ref" && !parseViewTarget(n.target) && (VIEW_KINDS as readonly string[]).includes(ctx.refName(n.target))) shadowed = ctx.refName(n.target);
    });
    if (shadowed) return `it refers to a type named ${shadowed}, which the view of that name would hide`;
  }
  return (w: CodeBlockWriter) => {
    w.blankLineIfLastNot();
    w.write(`export declare namespace ${decl.name} `).inlineBlock(() => {
      views.forEach(({ view, type }, i) => {
        const docs = { description: `${decl.name} ${ABOUT[view]}.` };
        declarationWriter({ ...decl, name: view, type: { ...type, docs } }, model, ctx, i === 0)(w);
      });
    });
    w.newLine();
  };
}
