/**
 * The docs template: `docs/README.md` and one Markdown page per named type (`docs/<namespace>/<Name>.md`), from
 * the same model as the types and validators. Every example shown was accepted by the compiled validator of
 * its type when the docs were generated.
 */
import type { EmitContext, OutputFile, Template, TemplateOutput } from "../../src/emit/template.js";
import type { Declaration } from "../../src/model/ir.js";
import { standaloneValidators, type StandaloneValidate } from "../validators/standalone.js";
import { exampleCandidates } from "./example.js";
import { typePage, type ExampleOutcome } from "./page.js";
import { docsReadme } from "./readme.js";
import { DocsSite } from "./site.js";
import { selectTypes } from "./select.js";
import { flat } from "../../src/util/flat.js";

const FLUSH_EVERY = 16;

export const docsTemplate: Template = {
  name: "docs",
  emit(context: EmitContext, previous: readonly TemplateOutput[]): TemplateOutput {
    const selected = selectTypes(context);
    const site = new DocsSite(context, previous, selected);
    const files: OutputFile[] = [];
    const counts = { shown: 0, none: 0 };
    const validators = new Map<string, Map<string, StandaloneValidate>>();
    for (const d of selected) {
      let byId = validators.get(d.namespace);
      if (!byId) validators.set(d.namespace, (byId = standaloneValidators(context, d.namespace)));
      const example = checkedExample(d, context, byId.get(d.id)!);
      counts["value" in example ? "shown" : "none"]++;
      files.push({ path: site.pagePath(d), contents: flat(typePage(site, d, example)) });
      // Pages go to the write stage as they are made: written while the next ones are built.
      if (files.length % FLUSH_EVERY === 0) context.flush?.(files.slice(-FLUSH_EVERY));
    }
    files.push({ path: "docs/README.md", contents: docsReadme(site, counts) });
    return { files, exports: [] };
  },
};

/** The first candidate the validator accepts; else why there is no example. */
function checkedExample(d: Declaration, context: EmitContext, validate: StandaloneValidate): ExampleOutcome {
  let first: string | undefined;
  for (const candidate of exampleCandidates(d, context.model)) {
    const r = validate(candidate);
    if (r.valid) return { value: candidate };
    if (first === undefined) {
      const e = r.errors[0];
      first = e ? `${e.instancePath || "the value"} ${e.message} (${e.keyword} at ${e.schemaPath})` : "rejected";
    }
  }
  return {
    none:
      first === undefined
        ? "the schema admits no value that schemaforge can build (for example a required member of type never)."
        : `schemaforge could not build a value that the validator accepts; its best attempt failed because ${first}.`,
  };
}
