/**
 * The Mermaid class diagram of a type's neighbourhood (depth 1): the type with its members, the types it uses
 * and the types that use it, each edge labelled with the member that makes the reference. Capped so that a
 * type used by hundreds stays readable; the cut is said under the diagram.
 */
import { codeBlock, mermaidClassName, mermaidText } from "../../src/emit/markdown.js";
import type { Declaration, TypeNode } from "../../src/model/ir.js";
import type { DocsSite, Reference } from "./site.js";

const MAX_NEIGHBOURS = 12;
const MAX_MEMBERS = 16;

export function mermaidDiagram(site: DocsSite, d: Declaration): string {
  const uses = (site.uses.get(d.id) ?? []).slice(0, MAX_NEIGHBOURS);
  const usedBy = (site.usedBy.get(d.id) ?? []).filter((r) => !uses.some((u) => u.id === r.id)).slice(0, MAX_NEIGHBOURS);
  const ids = new Map<string, string>();
  const idOf = (declId: string) => {
    let id = ids.get(declId);
    if (!id) {
      const name = site.decl(declId).name;
      const plain = mermaidClassName(name);
      id = plain && ![...ids.values()].includes(plain) ? plain : `T${ids.size}`;
      ids.set(declId, id);
    }
    return id;
  };
  const lines = ["classDiagram"];
  const declare = (declId: string, members: string[]) => {
    const id = idOf(declId);
    const name = site.decl(declId).name;
    const label = id === name ? "" : `["${mermaidText(name)}"]`;
    if (members.length === 0) lines.push(`  class ${id}${label}`);
    else lines.push(`  class ${id}${label} {`, ...members.map((m) => `    ${m}`), "  }");
  };
  declare(d.id, memberLines(site, d));
  for (const r of [...uses, ...usedBy]) declare(r.id, []);
  const edge = (from: string, to: string, r: Reference) => {
    const label = r.via.filter((v) => v !== "").slice(0, 2).join(", ");
    lines.push(`  ${idOf(from)} --> ${idOf(to)}${label ? ` : ${mermaidText(label)}` : ""}`);
  };
  for (const r of uses) edge(d.id, r.id, r);
  for (const r of usedBy) edge(r.id, d.id, r);
  const out = [codeBlock("mermaid", lines.join("\n"))];
  const allUses = site.uses.get(d.id)?.length ?? 0;
  const allUsedBy = (site.usedBy.get(d.id) ?? []).filter((r) => !uses.some((u) => u.id === r.id)).length;
  const cut: string[] = [];
  if (allUses > uses.length) cut.push(`${uses.length} of the ${allUses} types it uses`);
  if (allUsedBy > usedBy.length) cut.push(`${usedBy.length} of the ${allUsedBy} types that use it`);
  const members = memberCount(d.type);
  if (members > MAX_MEMBERS) cut.push(`${MAX_MEMBERS} of its ${members} members`);
  if (cut.length > 0) out.push(`The diagram shows ${cut.join(", ")}; [Related types](#related-types) lists them all.`);
  return out.join("\n\n");
}

function memberCount(t: TypeNode): number {
  return t.kind === "object" ? t.properties.length : 0;
}

function memberLines(site: DocsSite, d: Declaration): string[] {
  const t = d.type;
  if (t.kind !== "object") return [];
  const lines = t.properties.slice(0, MAX_MEMBERS).map((p) => `+${mermaidText(p.name)}${p.required ? "" : "?"}: ${mermaidText(shortType(site, p.type))}`);
  return lines;
}

/** A member's type in a word or two (the page's members table has the whole type). */
function shortType(site: DocsSite, t: TypeNode): string {
  switch (t.kind) {
    case "ref":
      return site.context.model.byId.get(t.target)?.name ?? "unknown";
    case "primitive":
      return t.type;
    case "array":
      return `${shortType(site, t.items)}[]`;
    case "object":
      return t.properties.length === 0 && t.additional ? "map" : "object";
    case "enum":
    case "literal":
      return "enum";
    default:
      return t.kind;
  }
}
