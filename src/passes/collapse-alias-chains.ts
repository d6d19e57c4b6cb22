/**
 * Long alias chains are cut short: a reference to a declaration that is only an alias of an alias of … (more
 * than MAX_CHAIN links) refers to the end of the chain instead. The types are the same; TypeScript resolves an
 * alias chain recursively and overflows its stack somewhere in the thousands of links (a `$ref` chain of 10,000
 * schemas), so without this the output would not compile. Ordinary schemas, with short chains, are untouched.
 */
import type { Model } from "../model/ir.js";
import { mapModel } from "./map.js";

const MAX_CHAIN = 16;

export function collapseAliasChains(model: Model): Model {
  // Links from each alias declaration to the end of its chain, computed once per declaration (iteratively).
  const end = new Map<string, { target: string; length: number }>();
  const chainOf = (id: string): { target: string; length: number } => {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current = id;
    let tail: { target: string; length: number } = { target: id, length: 0 };
    for (;;) {
      const known = end.get(current);
      if (known) {
        tail = known;
        break;
      }
      const type = model.byId.get(current)?.type;
      if (type?.kind !== "ref" || onPath.has(current)) {
        tail = { target: current, length: 0 };
        break;
      }
      path.push(current);
      onPath.add(current);
      current = type.target;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      tail = { target: tail.target, length: tail.length + 1 };
      end.set(path[i]!, tail);
    }
    return end.get(id) ?? { target: id, length: 0 };
  };
  let long = false;
  for (const d of model.declarations) if (chainOf(d.id).length > MAX_CHAIN) long = true;
  if (!long) return model;
  return mapModel(model, (node) => {
    if (node.kind !== "ref") return node;
    const chain = chainOf(node.target);
    return chain.length > MAX_CHAIN ? { ...node, target: chain.target } : node;
  });
}
