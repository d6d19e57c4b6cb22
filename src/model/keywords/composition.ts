/**
 * `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else` → parts of the node's type. An `allOf` member that only
 * annotates (`{ "description": … }` beside a `$ref`) adds its docs to the node instead of a type: so
 * `allOf: [{ $ref: X }, { description: d }]` is the type X, described by d.
 * What TypeScript cannot carry (`not` of anything but types, a real `if` condition, exactly-one of `oneOf`,
 * …) widens soundly and is named in `docs.widened`.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1
 */
import type { SchemaObject } from "../../resolve/walk.js";
import type { BuildContext } from "../build.js";
import type { Docs, TypeNode } from "../ir.js";
import { mergeDocs } from "./annotations.js";
import { buildConditional } from "./conditional.js";
import { buildNot, oneOfWithEverything } from "./not.js";
import { isEmptyUnknown } from "./types.js";
import { unevaluatedAs } from "./unevaluated.js";

/** Keywords the types never express (beyond what other keyword files read from them). */
const ALWAYS_WIDENED = ["contains", "propertyNames"];

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
  let exclusive = false;
  for (const k of ["anyOf", "oneOf"] as const) {
    const list = s[k];
    if (!Array.isArray(list)) continue;
    const members = list.map((m, i) => ctx.sub([k, i], m));
    const special = k === "oneOf" ? oneOfWithEverything(list) : undefined;
    if (special) parts.push(special);
    else if (members.some((m) => isEmptyUnknown(m))) continue; // one member admits everything: no narrowing
    else {
      parts.push(members.length === 1 ? members[0]! : { kind: "union", members });
      // A union admits a value that fits several members; `oneOf` does not.
      exclusive ||= k === "oneOf" && members.length > 1;
    }
  }
  const widened: string[] = exclusive ? ["oneOf"] : [];
  const not = "not" in s ? buildNot(s.not) : { exact: true };
  const conditional = buildConditional(s, ctx);
  for (const [keyword, part] of [["not", not], ["if", conditional]] as const) {
    if (part.part) parts.push(part.part);
    if (!part.exact) widened.push(keyword);
  }
  widened.push(...ALWAYS_WIDENED.filter((k) => k in s));
  for (const [k, as] of [["unevaluatedProperties", unevaluatedAs(s, "properties")], ["unevaluatedItems", unevaluatedAs(s, "items")]] as const) {
    if (k in s && as !== k) widened.push(k);
  }
  if (widened.length > 0) docs = { ...docs, widened: [...(docs?.widened ?? []), ...widened] };
  return docs ? { parts, docs } : { parts };
}
