/**
 * Identical structures share one declaration: an inline object or enum that is exactly a named declaration of
 * the same namespace (same members, types and descriptions) becomes a reference to it. This is how one shape
 * comes out the same from an OpenAPI document (`items: { $ref: AttributeType }`) and from one-shape-per-file
 * JSON Schemas that inlined it. Only an unambiguous match is used.
 */
import type { Model, TypeNode } from "../model/ir.js";
import { structuralKey } from "../model/structural-key.js";
import { mapModel } from "./map.js";

/** Objects, enums, and constrained primitives: a bare `string` is too common a structure to mean one name. */
function shareable(node: TypeNode): boolean {
  return node.kind === "object" || node.kind === "enum" || (node.kind === "primitive" && node.constraints !== undefined);
}

export function dedupeStructures(model: Model): Model {
  const named = new Map<string, string[]>();
  for (const d of model.declarations) {
    if (!shareable(d.type)) continue;
    const key = `${d.namespace}\u0000${structuralKey(d.type, false)}`;
    const ids = named.get(key);
    if (ids) ids.push(d.id);
    else named.set(key, [d.id]);
  }
  if (named.size === 0) return model;
  return mapModel(model, (node, decl) => {
    if (!shareable(node)) return node;
    const ids = named.get(`${decl.namespace}\u0000${structuralKey(node, false)}`);
    if (!ids || ids.length !== 1 || ids[0] === decl.id) return node;
    return { kind: "ref", target: ids[0]!, ...(node.docs ? { docs: node.docs } : {}) };
  });
}
