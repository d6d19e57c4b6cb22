/**
 * Cycles that never reach a value: a schema that applies itself to the same instance again — through `$ref`,
 * `allOf`/`anyOf`/`oneOf`, `not`, `if`/`then`/`else` or `dependentSchemas`, without going down into a member or
 * an item first (`{ "$ref": "#" }`, or A → B → A through `$ref`s). Validating with one never ends, and its type
 * would be an alias of itself, which TypeScript rejects; so it is an error, located at the keyword that closes
 * the cycle. Recursion through `properties`, `items` and the like is fine and untouched.
 *
 * The walk is iterative (an explicit stack): a `$ref` chain of 10,000 links is no deeper a call stack.
 * `$dynamicRef`/`$recursiveRef` edges depend on the dynamic scope and are not followed.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-9.4.1 (recursion and infinite loops)
 */
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { joinPointer } from "../load/document.js";
import type { SchemaGraph, SchemaSite } from "./graph.js";
import type { Model } from "./ir.js";

const LISTS = ["allOf", "anyOf", "oneOf"] as const;
const SINGLE = ["not", "if", "then", "else"] as const;

interface Edge {
  to: SchemaSite;
  /** Raw tokens of the keyword below the site the edge leaves (for the diagnostic's pointer). */
  at: (string | number)[];
}

function inPlaceEdges(graph: SchemaGraph, site: SchemaSite): Edge[] {
  const c = graph.canonical(site);
  if (!c) return [];
  const s = c.schema;
  const raw = (k: string) => c.origin[k] ?? k;
  const out: Edge[] = [];
  if (typeof s.$ref === "string") {
    const to = graph.resolve(s.$ref, site);
    if (to) out.push({ to, at: [raw("$ref")] });
  }
  for (const k of LISTS) {
    const list = s[k];
    if (Array.isArray(list)) list.forEach((_, i) => out.push({ to: graph.sub(site, [k, i]), at: [raw(k), i] }));
  }
  for (const k of SINGLE) if (s[k] !== undefined) out.push({ to: graph.sub(site, [k]), at: [raw(k)] });
  const dependent = s.dependentSchemas;
  if (dependent !== null && typeof dependent === "object" && !Array.isArray(dependent)) {
    for (const key of Object.keys(dependent)) out.push({ to: graph.sub(site, ["dependentSchemas", key]), at: [raw("dependentSchemas"), key] });
  }
  return out;
}

/** Reports every in-place cycle reachable from the model's declarations; returns how many were found. */
export function reportInPlaceCycles(model: Model, graph: SchemaGraph, bag: DiagnosticBag): number {
  const state = new Map<string, "open" | "done">();
  let found = 0;
  for (const decl of model.declarations) {
    const start = graph.site(decl.id);
    if (state.has(graph.key(start))) continue;
    const stack: { site: SchemaSite; key: string; edges: Edge[]; next: number }[] = [];
    const enter = (site: SchemaSite, key: string) => {
      state.set(key, "open");
      stack.push({ site, key, edges: inPlaceEdges(graph, site), next: 0 });
    };
    enter(start, graph.key(start));
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next >= top.edges.length) {
        state.set(top.key, "done");
        stack.pop();
        continue;
      }
      const edge = top.edges[top.next++]!;
      const key = graph.key(edge.to);
      const seen = state.get(key);
      if (seen === undefined) {
        enter(edge.to, key);
      } else if (seen === "open") {
        found++;
        const from = stack.findIndex((f) => f.key === key);
        const path = stack.slice(from).map((f) => f.key.slice(f.key.indexOf("#") + 1) || "#");
        const shown = path.length > 6 ? [...path.slice(0, 3), `… ${path.length - 5} more …`, ...path.slice(-2)] : path;
        const pointer = joinPointer(top.site.pointer, ...edge.at);
        const pos = top.site.doc.locate(pointer);
        bag.report("ref-cycle", {
          message: `this schema applies itself to the same value again without going into a member or an item (${[...shown, path[0]].join(" → ")}): validation would never end`,
          uri: top.site.doc.path,
          pointer,
          ...(pos ? { line: pos.line, column: pos.column } : {}),
        });
      }
    }
  }
  return found;
}
