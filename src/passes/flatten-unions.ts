/**
 * Flattens nested unions, drops `never` members and duplicates, and collapses a union with an
 * unconstrained `unknown` member to `unknown`.
 */
import type { Model, TypeNode } from "../model/ir.js";
import { structuralKey } from "../model/structural-key.js";
import { mapModel } from "./map.js";

export function flattenUnions(model: Model): Model {
  return mapModel(model, (node) => {
    if (node.kind !== "union") return node;
    const flat: TypeNode[] = [];
    const seen = new Set<string>();
    const visit = (m: TypeNode) => {
      if (m.kind === "union" && !m.docs && !m.constraints) return m.members.forEach(visit);
      if (m.kind === "never") return;
      const key = structuralKey(m, true);
      if (seen.has(key)) return;
      seen.add(key);
      flat.push(m);
    };
    node.members.forEach(visit);
    const meta = { ...(node.docs ? { docs: node.docs } : {}), ...(node.constraints ? { constraints: node.constraints } : {}) };
    if (flat.some((m) => m.kind === "unknown" && !m.constraints)) return { kind: "unknown", ...meta };
    if (flat.length === 0) return { kind: "never", ...meta };
    if (flat.length === 1) return { ...flat[0]!, ...meta };
    return { ...node, members: flat };
  });
}
