/**
 * `properties`, `required`, `additionalProperties`, `patternProperties` → an object node.
 * A required name without a `properties` entry is still a required member (of any value).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2
 */
import { isSchema, isSchemaObject, type SchemaObject } from "../../resolve/walk.js";
import type { BuildContext } from "../build.js";
import type { ObjectNode, PropertyNode, TypeNode } from "../ir.js";
import { unevaluatedAs } from "./unevaluated.js";

export function buildObject(s: SchemaObject, ctx: BuildContext): ObjectNode {
  const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === "string") : []);
  const properties: PropertyNode[] = [];
  const props = isSchemaObject(s.properties) ? s.properties : {};
  for (const name of Object.keys(props)) {
    const type = ctx.sub(["properties", name], props[name]);
    const p: PropertyNode = { name, required: required.has(name), type };
    if (type.docs) p.docs = type.docs;
    properties.push(p);
  }
  for (const name of required) {
    if (!Object.prototype.hasOwnProperty.call(props, name)) properties.push({ name, required: true, type: { kind: "unknown" } });
  }
  const node: ObjectNode = { kind: "object", properties };
  const additionalKey = unevaluatedAs(s, "properties");
  const additional = s[additionalKey];
  const patternTypes: TypeNode[] = [];
  if (isSchemaObject(s.patternProperties)) {
    const pp = s.patternProperties;
    for (const pattern of Object.keys(pp)) patternTypes.push(ctx.sub(["patternProperties", pattern], pp[pattern]));
    if (patternTypes.length > 0) node.patterns = Object.keys(pp).map((pattern, i) => ({ pattern, type: patternTypes[i]! }));
  }
  if (additional === false) {
    if (patternTypes.length > 0) node.additional = patternTypes.length === 1 ? patternTypes[0]! : { kind: "union", members: patternTypes };
    else node.additional = false;
  } else if (isSchema(additional)) {
    const t = ctx.sub([additionalKey], additional);
    if (t.kind !== "unknown") {
      node.additional = patternTypes.length > 0 ? { kind: "union", members: [t, ...patternTypes] } : t;
    }
  }
  return node;
}
