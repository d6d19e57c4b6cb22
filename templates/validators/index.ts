/**
 * The validators template: per namespace, `validators/<ns>.js` with one function per schema node (compiled at
 * generation time) and, for every named type X, `isX`, `validateX` and `assertX`; `validators/<ns>.d.ts`
 * types them against the generated types. The run-time helpers and format checks are our own code, emitted
 * beside them (`validators/runtime.js`, `validators/formats.js`): the package has no dependency.
 */
import { indentJs, js, jsModule, lines, name, type Code } from "../../src/emit/js-code.js";
import type { EmitContext, ModuleExport, OutputFile, Template, TemplateOutput } from "../../src/emit/template.js";
import type { SchemaSite } from "../../src/model/graph.js";
import { printedFile } from "../types/index.js";
import { ValidatorCompiler, type CompilerReport } from "./compiler.js";
import { runtimeDeclarations, runtimeSource, runtimeTypeScript, formatsSource } from "./runtime/emit.js";
import { FORMATS } from "./runtime/formats.js";
import { forEachSubschema } from "../../src/resolve/walk.js";
import { joinPointer } from "../../src/load/document.js";
import { flat } from "../../src/util/flat.js";

export const validatorsTemplate: Template = {
  name: "validators",
  emit(context: EmitContext): TemplateOutput {
    const files: OutputFile[] = [];
    const exports: ModuleExport[] = [];
    const banner = context.options.banner;
    const formatsUsed = new Set<string>();
    const helpersUsed = new Set<string>();
    const ts = context.options.format === "ts";
    for (const [namespace, decls] of context.namespaces) {
      const module = context.moduleOf(namespace);
      const unit = compiledNamespace(context, namespace, ts);
      const wrappers: Code[] = [];
      const dts: string[] = [];
      for (const decl of decls) {
        const { fn, scope } = unit.entries.get(decl.id)!;
        const X = decl.name;
        if (ts) {
          wrappers.push(js`export const ${name("is" + X)} = (value: unknown): value is ${name(X)} => ${fn}(value, null, null, null, null, ${scope});
export const ${name("validate" + X)} = (value: unknown, options?: ValidateOptions): ValidationResult<${name(X)}> => ${name("R_validate")}(${fn}, value, options, ${scope}) as ValidationResult<${name(X)}>;
export const ${name("assert" + X)}: (value: unknown) => asserts value is ${name(X)} = (value) => ${name("R_assert")}(${fn}, value, ${X}, ${scope});`);
        } else {
          wrappers.push(js`export const ${name("is" + X)} = (value) => ${fn}(value, null, null, null, null, ${scope});
export const ${name("validate" + X)} = (value, options) => ${name("R_validate")}(${fn}, value, options, ${scope});
export const ${name("assert" + X)} = (value) => ${name("R_assert")}(${fn}, value, ${X}, ${scope});`);
        }
        dts.push(
          `export declare function is${X}(value: unknown): value is ${X};`,
          `export declare function validate${X}(value: unknown, options?: ValidateOptions): ValidationResult<${X}>;`,
          `export declare function assert${X}(value: unknown): asserts value is ${X};`,
        );
        for (const v of ["is", "validate", "assert"]) exports.push({ module: `validators/${module}`, namespace, name: v + X, kind: "value", declaration: decl.id });
      }
      for (const f of unit.formats) formatsUsed.add(f);
      for (const h of unit.helpers) helpersUsed.add(h);
      const imports: string[] = [];
      const helpers = unit.helpers;
      if (helpers.length > 0) imports.push(`import { ${helpers.map((h) => `${h} as R_${h}`).join(", ")} } from "./runtime.js";`);
      const formatFns = unit.formats.map((f) => formatFunctionName(f));
      if (formatFns.length > 0) imports.push(`import { ${[...new Set(formatFns)].join(", ")} } from "./formats.js";`);
      const typeNames = decls.map((d) => d.name).sort();
      const typeImports = [
        `import type { ${typeNames.join(", ")} } from "../types/${module}.js";`,
        `import type { ValidateOptions, ValidationResult } from "./runtime.js";`,
      ];
      files.push({
        path: `validators/${module}.${ts ? "ts" : "js"}`,
        contents: jsModule(banner, [...imports, ...(ts ? typeImports : []), indentJs(unit.body + "\n" + lines(wrappers).text)]),
      });
      if (ts) continue;
      files.push(printedFile(`validators/${module}.d.ts`, banner, [...typeImports, ...dts]));
    }
    if (ts) {
      files.push({ path: "validators/runtime.ts", contents: jsModule(banner, [runtimeTypeScript(helpersUsed)]) });
      files.push({ path: "validators/formats.ts", contents: jsModule(banner, [`// @ts-nocheck\n${formatsSource(formatsUsed)}`]) });
    } else {
      files.push({ path: "validators/runtime.js", contents: jsModule(banner, [runtimeSource(helpersUsed)]) });
      files.push(printedFile("validators/runtime.d.ts", banner, [runtimeDeclarations()]));
      files.push({ path: "validators/formats.js", contents: jsModule(banner, [formatsSource(formatsUsed)]) });
    }
    exports.push({ module: "validators/runtime", namespace: "", name: "ValidationFailure", kind: "value", declaration: "", rootOnly: true });
    for (const t of ["ValidationError", "ValidationResult", "ValidateOptions"]) {
      exports.push({ module: "validators/runtime", namespace: "", name: t, kind: "type", declaration: "", rootOnly: true });
    }
    return { files, exports };
  },
};

/**
 * One namespace's validators, compiled: the code of its constants and node functions (one flat string: it is
 * kept while the docs run it), the run-time helpers and formats that code calls, and for each declaration its
 * function and root scope. The compiler itself is not kept.
 */
export interface CompiledNamespace {
  body: string;
  /** Names of the run-time helpers used, sorted (imported as `R_<name>`). */
  helpers: string[];
  /** Names of the formats checked, sorted. */
  formats: string[];
  entries: Map<string, { fn: Code; scope: Code }>;
}

const compiledUnits = new WeakMap<EmitContext, Map<string, CompiledNamespace>>();

/**
 * Compiles a namespace's validators once per run: the validators template prints them, and the docs template
 * checks its examples with the very same functions (compiling them itself when validators are not emitted).
 */
export function compiledNamespace(context: EmitContext, namespace: string, typed = false): CompiledNamespace {
  let units = compiledUnits.get(context);
  if (!units) compiledUnits.set(context, (units = new Map()));
  const key = `${typed ? "ts" : "js"}:${namespace}`;
  const known = units.get(key);
  if (known) return known;
  const graph = context.graph;
  const decls = context.namespaces.get(namespace) ?? [];
  const report: CompilerReport = (code, site, tokens, message) => reportAt(context, code, site, tokens, message);
  // Annotation tracking and the dynamic scope cost at run time: compiled only where the schemas reachable
  // from this namespace use unevaluated* or dynamic references.
  // (One walk of every document answers "not anywhere" first: the common case, and much cheaper.)
  const reach = RUN_TIME_STATE.some((k) => graph.uses(k)) ? reachable(graph, decls.map((d) => graph.site(d.id))) : new Set<string>();
  const annotations = reach.has("unevaluatedProperties") || reach.has("unevaluatedItems");
  const dynamic = reach.has("$dynamicRef") || reach.has("$recursiveRef");
  const compiler = new ValidatorCompiler(graph, { formats: context.options.formats, patterns: context.options.patterns, annotations, dynamic, typed }, report);
  const entries = new Map<string, { fn: Code; scope: Code }>();
  for (const decl of decls) {
    const site = graph.site(decl.id);
    entries.set(decl.id, { fn: name(compiler.fnName(site)), scope: compiler.rootScope(site) });
  }
  // The wrappers name the run-time helpers: recorded before finish() so the imports list them.
  compiler.helper("validate");
  compiler.helper("assert");
  const { constants, functions } = compiler.finish();
  const unit: CompiledNamespace = {
    body: flat(lines([...constants, ...functions]).text),
    helpers: [...compiler.helpersUsed].sort(),
    formats: [...compiler.formatsUsed].sort(),
    entries,
  };
  units.set(key, unit);
  return unit;
}

/** The keywords whose run-time state (annotations, dynamic scope) is compiled only where reachable. */
const RUN_TIME_STATE = ["unevaluatedProperties", "unevaluatedItems", "$dynamicRef", "$recursiveRef"];

/** Every keyword used by the schemas reachable from `roots` (subschemas and references followed). */
function reachable(graph: EmitContext["graph"], roots: SchemaSite[]): Set<string> {
  const keywords = new Set<string>();
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const site = stack.pop()!;
    const key = graph.key(site);
    if (seen.has(key)) continue;
    seen.add(key);
    const c = graph.canonical(site);
    if (!c) continue;
    for (const k of Object.keys(c.schema)) keywords.add(k);
    forEachSubschema(c.schema, (_sub, tokens) => stack.push(graph.sub(site, tokens)));
    for (const k of ["$ref", "$dynamicRef", "$recursiveRef"]) {
      const ref = c.schema[k];
      if (typeof ref !== "string") continue;
      const target = graph.resolve(ref, site);
      if (target) stack.push(target);
    }
  }
  return keywords;
}

function formatFunctionName(format: string): string {
  return FORMATS[format]!.fn.name;
}

function reportAt(context: EmitContext, code: Parameters<CompilerReport>[0], site: SchemaSite, tokens: (string | number)[], message: string): void {
  const pointer = joinPointer(site.pointer, ...tokens);
  const pos = site.doc.locate(pointer);
  context.diagnostics.report(code, { message, uri: site.doc.path, pointer, ...(pos ? { line: pos.line, column: pos.column } : {}) });
}
