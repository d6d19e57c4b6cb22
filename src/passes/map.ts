/** Bottom-up rewriting of every type node in a model; passes are written as one node → node function. */
import type { Declaration, Model, TypeNode } from "../model/ir.js";
import { assertNever } from "../model/ir.js";

export type NodeRewrite = (node: TypeNode, decl: Declaration) => TypeNode;

export function mapModel(model: Model, rewrite: NodeRewrite): Model {
  const declarations = model.declarations.map((d) => ({ ...d, type: mapNode(d.type, (n) => rewrite(n, d)) }));
  return { declarations, byId: new Map(declarations.map((d) => [d.id, d])) };
}

export function mapNode(node: TypeNode, f: (n: TypeNode) => TypeNode): TypeNode {
  return f(mapChildren(node, (c) => mapNode(c, f)));
}

export function mapChildren(node: TypeNode, f: (n: TypeNode) => TypeNode): TypeNode {
  switch (node.kind) {
    case "array":
      return { ...node, items: f(node.items) };
    case "tuple":
      return { ...node, items: node.items.map(f), rest: node.rest && f(node.rest) };
    case "object":
      return {
        ...node,
        properties: node.properties.map((p) => ({ ...p, type: f(p.type) })),
        ...(node.additional ? { additional: f(node.additional) } : {}),
        ...(node.patterns ? { patterns: node.patterns.map((p) => ({ ...p, type: f(p.type) })) } : {}),
      };
    case "union":
    case "intersection":
      return { ...node, members: node.members.map(f) };
    case "primitive":
    case "literal":
    case "enum":
    case "ref":
    case "unknown":
    case "never":
      return node;
    default:
      return assertNever(node);
  }
}

/** Calls `visit` on every node of `node`, parents first. */
export function forEachNode(node: TypeNode, visit: (n: TypeNode) => void): void {
  visit(node);
  mapChildren(node, (c) => {
    forEachNode(c, visit);
    return c;
  });
}
