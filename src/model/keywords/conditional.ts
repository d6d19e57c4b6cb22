/**
 * `if`/`then`/`else` → the part of the type TypeScript can carry. A condition that always holds (`true`, `{}`)
 * makes the type `then`; one that never holds (`false`) makes it `else`. Otherwise every valid value satisfies
 * `then` or `else`, so with both present the type is their union (wider than the schema, noted in JSDoc); with
 * one missing (it admits everything), nothing narrows.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.2
 */
import type { SchemaObject } from "../../resolve/walk.js";
import type { BuildContext } from "../build.js";
import type { TypeNode } from "../ir.js";
import { admitsEverything } from "./not.js";

export function buildConditional(s: SchemaObject, ctx: BuildContext): { part?: TypeNode; exact: boolean } {
  if (!("if" in s)) return { exact: true };
  const branch = (k: "then" | "else"): TypeNode | undefined => (k in s ? ctx.sub([k], s[k]) : undefined);
  if (admitsEverything(s.if)) {
    const then = branch("then");
    return then ? { part: then, exact: true } : { exact: true };
  }
  if (s.if === false) {
    const otherwise = branch("else");
    return otherwise ? { part: otherwise, exact: true } : { exact: true };
  }
  if ("then" in s && "else" in s) return { part: { kind: "union", members: [branch("then")!, branch("else")!] }, exact: false };
  return { exact: false };
}
