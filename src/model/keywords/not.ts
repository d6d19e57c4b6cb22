/**
 * `not`, and `oneOf` members that admit everything, where TypeScript can say it: a value can only be excluded
 * by its instance type (`not: { type: … }` → every other JSON type), and `not` of a schema that admits every
 * value (`{}`, `true`) admits nothing. Anything else stays wider than the schema (noted in JSDoc).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.4
 */
import { ANNOTATION_KEYWORDS } from "../../normalize/canonical.js";
import { isSchemaObject } from "../../resolve/walk.js";
import type { PrimitiveType, TypeNode } from "../ir.js";

type InstanceType = PrimitiveType | "array" | "object";

/** Keywords that neither annotate nor assert anything about the instance. */
const NEUTRAL = new Set([...ANNOTATION_KEYWORDS, "$id", "id", "$schema", "$anchor", "$dynamicAnchor", "$defs", "definitions"]);

/** Whether a raw subschema admits every value: `true`, or an object holding only annotations. */
export function admitsEverything(raw: unknown): boolean {
  return raw === true || (isSchemaObject(raw) && Object.keys(raw).every((k) => NEUTRAL.has(k)));
}

/** The instance types a raw subschema that only says `type` admits; undefined when it says more. */
export function onlyTypes(raw: unknown): InstanceType[] | undefined {
  if (!isSchemaObject(raw) || !Object.keys(raw).every((k) => k === "type" || NEUTRAL.has(k))) return undefined;
  const t = raw.type;
  if (typeof t === "string") return [t as InstanceType];
  if (Array.isArray(t) && t.every((x) => typeof x === "string")) return t as InstanceType[];
  return undefined;
}

const OTHERS: { type: InstanceType; node: TypeNode }[] = [
  { type: "string", node: { kind: "primitive", type: "string" } },
  { type: "number", node: { kind: "primitive", type: "number" } },
  { type: "boolean", node: { kind: "primitive", type: "boolean" } },
  { type: "null", node: { kind: "primitive", type: "null" } },
  { type: "array", node: { kind: "array", items: { kind: "unknown" } } },
  { type: "object", node: { kind: "object", properties: [] } },
];

/**
 * Every JSON value whose type is not one of `excluded`. `integer` cannot be told apart from `number` in
 * TypeScript: excluding it alone keeps `number` (so the result is `exact: false`).
 */
export function allTypesBut(excluded: InstanceType[]): { node: TypeNode; exact: boolean } {
  const kept = OTHERS.filter((o) => !excluded.includes(o.type)).map((o) => ({ ...o.node }));
  const exact = !excluded.includes("integer") || excluded.includes("number");
  const node: TypeNode = kept.length === 0 ? { kind: "never" } : kept.length === 1 ? kept[0]! : { kind: "union", members: kept };
  return { node, exact };
}

/** The part `not` adds to a node's type, and whether it says all the schema says. */
export function buildNot(raw: unknown): { part?: TypeNode; exact: boolean } {
  if (raw === false) return { exact: true };
  if (admitsEverything(raw)) return { part: { kind: "never" }, exact: true };
  const types = onlyTypes(raw);
  if (!types) return { exact: false };
  const { node, exact } = allTypesBut(types);
  return { part: node, exact };
}

/**
 * `oneOf` where some members admit everything: with two or more, every value matches at least two (never);
 * with one, a value must match none of the others, which is expressible when each other only says `type`.
 */
export function oneOfWithEverything(raws: unknown[]): TypeNode | undefined {
  const everything = raws.filter(admitsEverything).length;
  if (everything >= 2) return { kind: "never" };
  if (everything !== 1) return undefined;
  const excluded: InstanceType[] = [];
  for (const r of raws) {
    if (admitsEverything(r) || r === false) continue;
    const t = onlyTypes(r);
    if (!t) return undefined;
    excluded.push(...t);
  }
  return allTypesBut(excluded).node;
}
