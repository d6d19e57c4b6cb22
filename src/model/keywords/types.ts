/**
 * `type`, `enum`, `const` and the keywords of each instance type → the node's own type.
 * Without `type`, a schema admits every JSON value its other keywords allow, so the type is the union of each
 * instance type as those keywords shape it (an object keyword constrains only objects, and so on).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1
 */
import type { SchemaObject } from "../../resolve/walk.js";
import type { BuildContext } from "../build.js";
import type { JsonValue, PrimitiveType, TypeNode } from "../ir.js";
import { buildArray } from "./array.js";
import { buildDependencies } from "./dependencies.js";
import { buildObject } from "./object.js";

type InstanceType = PrimitiveType | "array" | "object";
const ALL_TYPES: InstanceType[] = ["string", "number", "boolean", "null", "array", "object"];

const OBJECT_KEYWORDS = ["properties", "required", "additionalProperties", "patternProperties", "minProperties", "maxProperties", "dependentRequired", "dependentSchemas", "unevaluatedProperties"];
const ARRAY_KEYWORDS = ["items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains", "unevaluatedItems"];
const STRING_KEYWORDS = ["minLength", "maxLength", "pattern"];
const NUMBER_KEYWORDS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"];

export function isEmptyUnknown(t: TypeNode): boolean {
  return t.kind === "unknown" && t.constraints === undefined && !t.docs?.widened?.length && !t.docs?.notes?.length;
}

function declaredTypes(s: SchemaObject): InstanceType[] | undefined {
  const t = s.type;
  if (typeof t === "string") return [t as InstanceType];
  if (Array.isArray(t)) return t.filter((x): x is InstanceType => typeof x === "string");
  return undefined;
}

export function jsonTypeOf(v: unknown): InstanceType {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v as InstanceType;
}

function admits(types: InstanceType[], v: unknown): boolean {
  const t = jsonTypeOf(v);
  return types.includes(t) || (t === "integer" && types.includes("number"));
}

export function buildOwnType(s: SchemaObject, ctx: BuildContext): TypeNode {
  const types = declaredTypes(s);
  if ("const" in s) {
    if (types && !admits(types, s.const)) return { kind: "never" };
    return { kind: "literal", value: s.const as JsonValue };
  }
  if (Array.isArray(s.enum)) {
    const values = (types ? s.enum.filter((v) => admits(types, v)) : s.enum) as JsonValue[];
    s.enum.forEach((v, i) => {
      if (types && !admits(types, v)) {
        const yaml11 = typeof v === "boolean" && types.includes("string") ? ` (a YAML 1.1 parser reads unquoted ${v ? "ON/YES/TRUE" : "OFF/NO/FALSE"} as ${v}: was the string "${v ? "ON" : "OFF"}" meant?)` : "";
        ctx.report("enum-type-mismatch", `enum value ${JSON.stringify(v)} is not of type ${types.join(" or ")}, so no value can match it; it is left out of the type${yaml11}`, ["enum", i]);
      }
    });
    return values.length === 0 ? { kind: "never" } : { kind: "enum", values };
  }
  if (types) {
    const members = types.map((t) => typeOf(t, s, ctx));
    return members.length === 1 ? members[0]! : members.length === 0 ? { kind: "never" } : { kind: "union", members };
  }
  const has = (keys: string[]) => keys.some((k) => k in s);
  if (!has(OBJECT_KEYWORDS) && !has(ARRAY_KEYWORDS) && !has(STRING_KEYWORDS) && !has(NUMBER_KEYWORDS)) return { kind: "unknown" };
  return { kind: "union", members: ALL_TYPES.map((t) => typeOf(t, s, ctx)) };
}

function typeOf(t: InstanceType, s: SchemaObject, ctx: BuildContext): TypeNode {
  switch (t) {
    case "object": {
      const object = buildObject(s, ctx);
      const dependencies = buildDependencies(s, ctx);
      return dependencies.length === 0 ? object : { kind: "intersection", members: [object, ...dependencies] };
    }
    case "array":
      return buildArray(s, ctx);
    case "string":
    case "number":
    case "integer":
    case "boolean":
    case "null":
      return { kind: "primitive", type: t };
    default:
      return { kind: "unknown" };
  }
}
