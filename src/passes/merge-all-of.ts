/**
 * allOf of inline objects → one object: members are united, a member required anywhere is required, a
 * member typed twice gets both types (an intersection, unless identical), closed-ness is kept.
 * Intersections with named types stay (the types template prints `extends` where every part is an object).
 */
import type { Model, ObjectNode, PropertyNode, TypeNode } from "../model/ir.js";
import { structuralKey } from "../model/structural-key.js";
import { mapModel } from "./map.js";

export function mergeAllOf(model: Model): Model {
  return mapModel(model, (node) => {
    if (node.kind !== "intersection") return node;
    const objects = node.members.filter((m): m is ObjectNode => m.kind === "object");
    const others = node.members.filter((m) => m.kind !== "object");
    if (objects.length < 2) return node;
    const merged = mergeObjects(objects);
    if (others.length === 0) return { ...merged, ...(node.docs ? { docs: node.docs } : {}) };
    return { ...node, members: [...others, merged] };
  });
}

function mergeObjects(objects: ObjectNode[]): ObjectNode {
  const byName = new Map<string, PropertyNode>();
  for (const o of objects) {
    for (const p of o.properties) {
      const prev = byName.get(p.name);
      if (!prev) {
        byName.set(p.name, { ...p });
        continue;
      }
      const same = structuralKey(prev.type, false) === structuralKey(p.type, false);
      byName.set(p.name, {
        ...prev,
        required: prev.required || p.required,
        type: same ? prev.type : ({ kind: "intersection", members: [prev.type, p.type] } as TypeNode),
        ...(prev.docs || p.docs ? { docs: { ...p.docs, ...prev.docs } } : {}),
      });
    }
  }
  const closed = objects.filter((o) => o.additional !== undefined);
  const merged: ObjectNode = { kind: "object", properties: [...byName.values()] };
  // Only one part may restrict other members exactly; with several, keep the first (sound: the others still
  // bind through validation, and every valid value has only members all parts allow).
  if (closed.length === 1) merged.additional = closed[0]!.additional!;
  return merged;
}
