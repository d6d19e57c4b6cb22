/**
 * OpenAPI keywords the types read beyond JSON Schema: `nullable` that the canonical form kept (null admitted
 * whatever `allOf`/`oneOf`/… say: the nullable-`$ref` idiom `allOf: [{ $ref }], nullable: true`), and
 * `discriminator` beside `oneOf`/`anyOf` (each member gets its literal tag type, so `switch (x.petType)` narrows).
 * The validators read the same keywords (templates/validators/keywords/discriminator.ts, the compiler's null
 * short-cut), so types and validators agree.
 * @see https://spec.openapis.org/oas/v3.0.3#fixed-fields-19
 */
import { admitsNullFirst } from "../../normalize/openapi30.js";
import type { SchemaObject } from "../../resolve/walk.js";
import type { BuildContext } from "../build.js";
import type { ObjectNode, TypeNode } from "../ir.js";
import { discriminatedDocs, discriminatorPlan, type DiscriminatorPlan } from "./discriminator.js";

export function applyOpenApi(s: SchemaObject, node: TypeNode, ctx: BuildContext): TypeNode {
  let out = node;
  const plan = discriminatorPlan(s, ctx.dialect, (ref) => {
    const t = ctx.ref(ref);
    return t.kind === "ref" ? t.target : undefined;
  });
  if (plan) {
    for (const value of plan.unmatched) {
      ctx.report(
        "discriminator-unmatched",
        `discriminator mapping ${JSON.stringify(value)} leads to a schema that is not a member of the ${plan.keyword} beside it, so no valid value can carry that tag`,
        ["discriminator", "mapping", value],
      );
    }
    out = tagUnion(out, plan, (s[plan.keyword] as unknown[]).length);
  }
  if (admitsNullFirst(s, ctx.dialect)) {
    const { docs, ...inner } = out;
    out = { kind: "union", members: [inner, { kind: "primitive", type: "null" }], ...(docs ? { docs } : {}) };
  }
  return out;
}

/** The union built from the discriminated applicator (the node itself, or a part of its intersection), tagged. */
function tagUnion(node: TypeNode, plan: DiscriminatorPlan, size: number): TypeNode {
  if (node.kind === "union" && node.members.length === size) {
    const members = node.members.map((m, i) => tagMember(m, plan.propertyName, plan.tags.filter((t) => t.member === i).map((t) => t.value)));
    return { ...node, members, docs: discriminatedDocs(node.docs, plan.propertyName) };
  }
  if (node.kind === "intersection") return { ...node, members: node.members.map((m) => tagUnion(m, plan, size)) };
  return node;
}

/** A member with its tag values: the tag member of an inline object is retyped; a reference is intersected. */
function tagMember(member: TypeNode, propertyName: string, values: string[]): TypeNode {
  if (values.length === 0) return member;
  const tag: TypeNode = values.length === 1 ? { kind: "literal", value: values[0]! } : { kind: "enum", values };
  if (member.kind === "object") {
    const retyped = { name: propertyName, required: true, type: tag };
    const has = member.properties.some((p) => p.name === propertyName);
    const properties = has ? member.properties.map((p) => (p.name === propertyName ? { ...p, ...retyped } : p)) : [...member.properties, retyped];
    return { ...member, properties };
  }
  const object: ObjectNode = { kind: "object", properties: [{ name: propertyName, required: true, type: tag }] };
  return { kind: "intersection", members: [member, object] };
}
