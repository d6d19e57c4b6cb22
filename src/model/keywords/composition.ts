/**
 * `allOf`, `anyOf`, `oneOf` → parts of the node's type. An `allOf` member that only annotates
 * (`{ "description": … }` beside a `$ref`) adds its docs to the node instead of a type: so
 * `allOf: [{ $ref: X }, { description: d }]` is the type X, described by d.
 * `not` and `if`/`then`/`else` narrow values in ways TypeScript cannot express; they widen soundly (ignored
 * for the type) and are named in `docs.widened`.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1
 */
import type { SchemaObject } from "../../resolve/walk.js";
import type { BuildContext } from "../build.js";
import type { Docs, TypeNode } from "../ir.js";
import { mergeDocs } from "./annotations.js";
import { isEmptyUnknown } from "./types.js";

export function buildComposition(s: SchemaObject, ctx: BuildContext): { parts: TypeNode[]; docs?: Docs } {
  const parts: TypeNode[] = [];
  let docs: Docs | undefined;
  if (Array.isArray(s.allOf)) {
    s.allOf.forEach((member, i) => {
      const t = ctx.sub(["allOf", i], member);
      if (isEmptyUnknown(t)) docs = mergeDocs(docs, t.docs);
      else parts.push(t);
    });
  }
  for (const k of ["anyOf", "oneOf"] as const) {
    const list = s[k];
    if (!Array.isArray(list)) continue;
    const members = list.map((m, i) => ctx.sub([k, i], m));
    if (members.some((m) => isEmptyUnknown(m))) continue; // one member admits everything: no narrowing
    parts.push(members.length === 1 ? members[0]! : { kind: "union", members });
  }
  const widened = ["not", "if", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "contains", "propertyNames"].filter(
    (k) => k in s,
  );
  if (widened.length > 0) docs = { ...docs, widened: [...(docs?.widened ?? []), ...widened] };
  return docs ? { parts, docs } : { parts };
}
