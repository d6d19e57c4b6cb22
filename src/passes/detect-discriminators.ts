/**
 * Unions whose members are objects that each carry a required member with literal values, disjoint between
 * members (`kind: "click"` / `kind: "key"`): TypeScript narrows on such a member already; this pass names it in
 * the union's docs ("Discriminated by `kind`."), as an OpenAPI `discriminator` is named.
 */
import type { Model, ObjectNode, TypeNode } from "../model/ir.js";
import { discriminatedDocs } from "../model/keywords/discriminator.js";
import { mapModel } from "./map.js";

export function detectDiscriminators(model: Model): Model {
  return mapModel(model, (node) => {
    if (node.kind !== "union" || node.members.length < 2 || node.docs?.notes?.some((n) => n.startsWith("Discriminated by"))) return node;
    const objects = node.members.map((m) => objectOf(m, model));
    if (objects.some((o) => o === undefined)) return node;
    const tag = tagOf(objects as ObjectNode[]);
    if (tag === undefined) return node;
    return { ...node, docs: discriminatedDocs(node.docs, tag) };
  });
}

function objectOf(t: TypeNode, model: Model): ObjectNode | undefined {
  if (t.kind === "object") return t;
  if (t.kind === "ref") {
    const target = model.byId.get(t.target)?.type;
    return target?.kind === "object" ? target : undefined;
  }
  return undefined;
}

/** The first member name (in the first object's order) that tags every object with disjoint literal values. */
function tagOf(objects: ObjectNode[]): string | undefined {
  for (const candidate of objects[0]!.properties) {
    const seen = new Set<string>();
    const tags = objects.every((o) => {
      const p = o.properties.find((x) => x.name === candidate.name);
      const values = !p?.required || p.type.tsType !== undefined ? undefined : p.type.kind === "literal" ? [p.type.value] : p.type.kind === "enum" ? p.type.values : undefined;
      if (!values || values.length === 0) return false;
      for (const v of values) {
        const key = JSON.stringify(v);
        if (seen.has(key)) return false;
        seen.add(key);
      }
      return true;
    });
    if (tags) return candidate.name;
  }
  return undefined;
}
