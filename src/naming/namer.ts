/**
 * The naming pass: one global step that gives every declaration a stable, unique identifier within its
 * namespace. Candidates are tried in order (component key, title, file stem, path); two different schemas that
 * want one name in one namespace try their next candidates; when every candidate is taken, the name is
 * qualified by the path it comes from — never a numeric suffix.
 * @see DESIGN.md "Names and namespaces"
 */
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { Declaration, DeclarationOrigin, Model } from "../model/ir.js";
import { isIdentifier, pascalCase } from "./identifiers.js";

/** What a naming hook is told about one declaration. */
export interface NameTypeInfo {
  /** The name schemaforge would give it (its first free candidate in the namespace). */
  suggested: string;
  /** Its name candidates in order (component key, title, file stem, path), as identifiers. */
  candidates: string[];
  namespace: string;
  origin: DeclarationOrigin;
  source: { uri: string; pointer: string };
  /** The schema's `title`, when it has one. */
  title?: string;
}

/** Returns the declaration's name, or undefined to keep the suggested one. Called once per declaration. */
export type NameTypeHook = (info: NameTypeInfo) => string | undefined;

/** Names that the generated modules declare themselves, or that would shadow what they use. */
const TAKEN = new Set(["ValidationError", "ValidationResult"]);

export function assignNames(model: Model, bag: DiagnosticBag, hook?: NameTypeHook): Model {
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
    if (hook) chosen = hooked(hook, decl, chosen, candidates, names, bag);
    names.set(chosen, decl);
    decl.name = chosen;
  }
  return model;
}

/** The hook's name when it gives a usable one; an invalid or taken name is an error (never silently changed). */
function hooked(hook: NameTypeHook, decl: Declaration, suggested: string, candidates: string[], names: Map<string, Declaration>, bag: DiagnosticBag): string {
  const title = decl.type.docs?.title;
  const info: NameTypeInfo = {
    suggested,
    candidates,
    namespace: decl.namespace,
    origin: decl.origin,
    source: { uri: decl.source.uri, pointer: decl.source.pointer },
    ...(title !== undefined ? { title } : {}),
  };
  const wanted = hook(info);
  if (wanted === undefined || wanted === suggested) return suggested;
  const where = { uri: decl.source.uri, pointer: decl.source.pointer };
  if (typeof wanted !== "string" || !isIdentifier(wanted) || TAKEN.has(wanted)) {
    bag.report("name-invalid", { ...where, message: `the nameType hook named ${suggested} ${JSON.stringify(wanted)}, which is not a usable TypeScript identifier` });
    return suggested;
  }
  const holder = names.get(wanted);
  if (holder) {
    bag.report("name-conflict", {
      ...where,
      message: `the nameType hook named ${suggested} ${wanted}, which is taken in namespace ${decl.namespace || "(none)"} by ${holder.source.uri}${holder.source.pointer ? "#" + holder.source.pointer : ""}`,
    });
    return suggested;
  }
  return wanted;
}

function rank(d: Declaration): number {
  return d.origin === "root" || d.origin === "component" ? 0 : d.origin === "def" ? 1 : 2;
}
