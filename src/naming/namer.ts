/**
 * The naming pass: one global step that gives every declaration a stable, unique identifier within its
 * namespace. Candidates are tried in order (component key, title, file stem, path); two different schemas that
 * want one name in one namespace try their next candidates; when every candidate is taken, the name is
 * qualified by the path it comes from — never a numeric suffix.
 * @see DESIGN.md "Names and namespaces"
 */
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { Declaration, Model } from "../model/ir.js";
import { pascalCase } from "./identifiers.js";

/** Names that the generated modules declare themselves, or that would shadow what they use. */
const TAKEN = new Set(["ValidationError", "ValidationResult"]);

export function assignNames(model: Model, bag: DiagnosticBag): Model {
  const used = new Map<string, Map<string, Declaration>>();
  // Deterministic order: roots and components first (their names are the public API), then by source.
  const order = [...model.declarations].sort(
    (a, b) => rank(a) - rank(b) || a.source.uri.localeCompare(b.source.uri) || a.source.pointer.localeCompare(b.source.pointer),
  );
  for (const decl of order) {
    const names = used.get(decl.namespace) ?? new Map<string, Declaration>();
    used.set(decl.namespace, names);
    const candidates = [...new Set(decl.nameHints.map(pascalCase))].filter((n) => !TAKEN.has(n));
    let chosen = candidates.find((n) => !names.has(n));
    if (chosen === undefined) {
      const fallback = pascalCase(`${decl.nameHints[decl.nameHints.length - 1] ?? "schema"} ${decl.source.pointer}`);
      chosen = names.has(fallback) ? undefined : fallback;
    }
    if (chosen === undefined) {
      bag.report("name-conflict", {
        message: `no free name for the schema (wanted ${candidates.join(", ")})`,
        uri: decl.source.uri,
        pointer: decl.source.pointer,
      });
      chosen = pascalCase(decl.id);
    }
    const first = candidates[0];
    if (first !== undefined && chosen !== first) {
      const holder = names.get(first);
      if (holder) {
        bag.report("name-conflict", {
          severity: "warning",
          message: `named ${chosen}: ${first} is taken in namespace ${decl.namespace || "(none)"} by ${holder.source.uri}${holder.source.pointer ? "#" + holder.source.pointer : ""}`,
          uri: decl.source.uri,
          pointer: decl.source.pointer,
        });
      }
    }
    names.set(chosen, decl);
    decl.name = chosen;
  }
  return model;
}

function rank(d: Declaration): number {
  return d.origin === "root" || d.origin === "component" ? 0 : d.origin === "def" ? 1 : 2;
}
