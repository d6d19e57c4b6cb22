/**
 * `items`, `prefixItems`, `minItems`, `maxItems`, `contains`/`minContains`/`maxContains` → an array or a tuple.
 * Where the length is bounded the type says so: `maxItems: 2` is `[T?, T?]`, `minItems: 1` (or a `contains`,
 * which needs at least `minContains` items, 1 by default) is `[T, ...T[]]`. Tuples are written out up to
 * `TUPLE_CAP` positions (past the `prefixItems`); a larger bound is left to the validator (wider, still sound).
 * Tuple members past the minimum are optional, and `items` (or its absence: any value) types the rest.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.1
 */
import { isSchema, type SchemaObject } from "../../resolve/walk.js";
import type { BuildContext } from "../build.js";
import type { TypeNode } from "../ir.js";
import { unevaluatedAs } from "./unevaluated.js";

/** The most positions a length bound is written out as (each position repeats the item type). */
export const TUPLE_CAP = 8;

export function buildArray(s: SchemaObject, ctx: BuildContext): TypeNode {
  const itemsKey = unevaluatedAs(s, "items");
  const items = isSchema(s[itemsKey]) ? ctx.sub([itemsKey], s[itemsKey]) : ({ kind: "unknown" } as TypeNode);
  const prefix = Array.isArray(s.prefixItems) ? s.prefixItems.map((p, i) => ctx.sub(["prefixItems", i], p)) : [];
  const rest = items.kind === "never" ? null : items;
  let min = typeof s.minItems === "number" ? Math.ceil(s.minItems) : 0;
  let max = typeof s.maxItems === "number" ? Math.floor(s.maxItems) : undefined;
  if ("contains" in s) {
    const minContains = typeof s.minContains === "number" ? Math.ceil(s.minContains) : 1;
    if (typeof s.maxContains === "number" && s.maxContains < minContains) return { kind: "never" };
    if (s.contains === false && minContains > 0) return { kind: "never" };
    min = Math.max(min, minContains);
  }
  if (rest === null) max = Math.min(max ?? prefix.length, prefix.length);
  if (max !== undefined && min > max) return { kind: "never" };
  const at = (i: number): TypeNode => prefix[i] ?? rest!;
  if (max !== undefined && max <= Math.max(TUPLE_CAP, prefix.length)) {
    return { kind: "tuple", items: Array.from({ length: max }, (_, i) => at(i)), rest: null, minItems: min };
  }
  const length = Math.max(prefix.length, Math.min(min, TUPLE_CAP));
  if (length === 0) return { kind: "array", items };
  return { kind: "tuple", items: Array.from({ length }, (_, i) => at(i)), rest, minItems: Math.min(min, length) };
}
