/**
 * A stable text key for a type's structure (deterministic key order), used to find identical structures.
 * `withDocs` includes descriptions and other docs (but never the top-level title, which names rather than shapes).
 */
import type { TypeNode } from "./ir.js";

export function structuralKey(node: TypeNode, withDocs: boolean): string {
  return JSON.stringify(strip(node, withDocs, true));
}

function strip(value: unknown, withDocs: boolean, top: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, withDocs, false));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    if (key === "docs") {
      if (!withDocs) continue;
      const { title, ...rest } = v as Record<string, unknown>;
      const kept = top ? rest : { title, ...rest };
      if (Object.values(kept).some((x) => x !== undefined)) out.docs = strip(kept, withDocs, false);
      continue;
    }
    out[key] = strip(v, withDocs, false);
  }
  return out;
}
