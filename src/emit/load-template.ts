/**
 * User templates (`--template <module>`): a module whose default export, or `template` export, is a Template —
 * the same API the built-ins implement (src/emit/template.ts). A module that cannot be loaded, or exports no
 * template, is a `template-failed` error.
 */
import { createRequire } from "node:module";
import { isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { Template } from "./template.js";

export async function loadTemplates(specs: readonly (string | Template)[], cwd: string, bag: DiagnosticBag): Promise<Template[]> {
  const out: Template[] = [];
  for (const spec of specs) {
    if (typeof spec !== "string") {
      out.push(spec);
      continue;
    }
    // A path (./x.mjs, /abs/x.js) is taken from the current folder; anything else is a package name.
    let mod: Record<string, unknown>;
    try {
      const file = isAbsolute(spec) || spec.startsWith(".") ? resolve(cwd, spec) : createRequire(join(cwd, "noop.js")).resolve(spec);
      mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (e) {
      bag.report("template-failed", { message: `cannot load template module ${spec}: ${(e as Error).message.split("\n")[0]}`, uri: spec });
      continue;
    }
    const template = [mod.default, mod.template].find(isTemplate);
    if (!template) {
      bag.report("template-failed", { message: `${spec} exports no template (a default or \`template\` export with a name and an emit function)`, uri: spec });
      continue;
    }
    out.push(template);
  }
  return out;
}

function isTemplate(v: unknown): v is Template {
  return typeof v === "object" && v !== null && typeof (v as Template).name === "string" && typeof (v as Template).emit === "function";
}
