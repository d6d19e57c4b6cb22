/**
 * `--docs-types`: which declarations get a page. Each entry is a type name or a glob over names (picomatch),
 * optionally qualified by namespace (`cognito-idp:Admin*`). No entry: every type.
 */
import picomatch from "picomatch";
import type { EmitContext } from "../../src/emit/template.js";
import type { Declaration } from "../../src/model/ir.js";

export function selectTypes(context: EmitContext): Declaration[] {
  const all = [...context.namespaces.values()].flat();
  const patterns = context.options.docsTypes ?? [];
  if (patterns.length === 0) return all;
  const matchers = patterns.map((p) => {
    const i = p.indexOf(":");
    const ns = i < 0 ? undefined : picomatch(p.slice(0, i));
    const name = picomatch(i < 0 ? p : p.slice(i + 1));
    return { pattern: p, test: (d: Declaration) => name(d.name) && (ns === undefined || ns(d.namespace)), used: false };
  });
  const selected = all.filter((d) => {
    let hit = false;
    for (const m of matchers) if (m.test(d)) hit = m.used = true;
    return hit;
  });
  for (const m of matchers) {
    if (!m.used) context.diagnostics.report("docs-types-unmatched", { message: `--docs-types ${JSON.stringify(m.pattern)} matches no type` });
  }
  return selected;
}
