/**
 * The stage sequence in one readable function, each stage timed:
 * load → resolve → normalize/model → passes → naming → templates → write.
 * @see DESIGN.md "Pipeline"
 */
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { basename, isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { resolveOptions, type GenerateOptions, type ResolvedOptions } from "./config/options.js";
import { DiagnosticBag, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import type { EmitContext, OutputFile, Template, TemplateOutput } from "./emit/template.js";
import { moduleBase } from "./emit/template.js";
import { loadTemplates } from "./emit/load-template.js";
import type { SourceDocument } from "./load/document.js";
import { expandInputs, loadFile } from "./load/index.js";
import { ModelBuilder } from "./model/build.js";
import type { Declaration, Model } from "./model/ir.js";
import { assignNamespaces, stemWords } from "./naming/namespace.js";
import { assignNames } from "./naming/namer.js";
import { PASSES } from "./passes/index.js";
import { Registry } from "./resolve/registry.js";
import { Resolver, type UrlMapping } from "./resolve/index.js";
import { schemaGraph, type SchemaGraph } from "./model/graph.js";
import { reportInPlaceCycles } from "./model/cycles.js";
import { CheckedOutput, hasDrift, recoverInterrupted, StagedOutput } from "./write/index.js";
import { VERSION } from "./version.js";

export interface GeneratedType {
  name: string;
  namespace: string;
  source: { uri: string; pointer: string };
}

export interface GenerateResult {
  /**
   * Every generated file's text by path. When the run wrote them, each value is read from the written file when
   * it is asked for (a run's output is not held in memory); empty when writing failed.
   */
  files: Record<string, string>;
  types: GeneratedType[];
  diagnostics: Diagnostic[];
  /** Milliseconds per stage. */
  timings: Record<string, number>;
  stats: { documents: number; declarations: number; files: number };
  /** Set when `check` found differences. */
  drift?: { missing: string[]; changed: string[]; extra: string[] };
  /** True when files were written to `out`. */
  written: boolean;
  /** Local files this run read (inputs, components and referenced documents): what `--watch` watches. */
  sources: string[];
  /** The model, for templates and tests. */
  model?: Model;
}

export async function generate(input: GenerateOptions): Promise<GenerateResult> {
  const options = resolveOptions(input);
  const bag = new DiagnosticBag();
  const timings: Record<string, number> = {};
  const counts = { documents: 0, types: 0 };
  const time = async <T>(stage: string, f: () => T | Promise<T>): Promise<T> => {
    options.onProgress?.({ stage, ...counts });
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - t0;
    }
  };
  const empty = (): GenerateResult => ({
    files: {},
    types: [],
    diagnostics: sortDiagnostics(bag.items),
    timings,
    stats: { documents: 0, declarations: 0, files: 0 },
    written: false,
    sources: [],
  });

  if (options.write && options.out !== undefined) {
    try {
      recoverInterrupted(resolve(options.cwd, options.out));
    } catch {
      // Best effort: the write stage tries again and reports what fails.
    }
  }
  if (options.inputs.length === 0) {
    bag.report("input-empty", { message: "no inputs given" });
    return empty();
  }
  const { registry, docs, roots } = await time("load", () => load(options, bag));
  if (options.commonjs && options.format === "js" && options.emit.length > 0) {
    // The CommonJS copy runs through esbuild's service: start that process now, beside the work to come.
    void import("../templates/package/commonjs.js").then((m) => m.warmCommonJsBuild());
  }
  const loadedAt = docs.map((d) => fileStamp(d.path));
  if (docs.length === 0) return empty();
  counts.documents = docs.length;
  const resolver = new Resolver(registry, bag, {
    policy: { roots, maps: parseMaps(options, bag) },
    allowUnresolved: options.allowUnresolved,
    namespaceFor: (doc) => namespaceForReferenced(doc, registry),
  });
  await time("resolve", async () => {
    resolver.readMetaschemas();
    await resolver.readReferenced();
  });
  let model = await time("model", () => new ModelBuilder(registry, resolver, bag).build());
  const graph = schemaGraph(registry, resolver);
  await time("cycles", () => reportInPlaceCycles(model, graph, bag));
  for (const pass of PASSES) model = await time(`pass: ${pass.name}`, () => pass.run(model));
  model = await time("naming", () => assignNames(model, bag, options.nameType));
  counts.types = model.declarations.length;

  const result: GenerateResult = {
    ...empty(),
    types: model.declarations.map((d) => ({ name: d.name, namespace: d.namespace, source: { uri: d.source.uri, pointer: d.source.pointer } })),
    stats: { documents: registry.documents.size, declarations: model.declarations.length, files: 0 },
    sources: [...registry.documents.values()].map((d) => d.path).filter((p) => isAbsolute(p)).sort(),
    model,
  };
  if (bag.hasErrors) {
    // Nothing is emitted from an input with errors: no partial package, and the previous output stays.
    result.diagnostics = sortDiagnostics(bag.items);
    return result;
  }
  // Files are written (or, with --check, compared) as the templates make them — written into a staging folder
  // that replaces the output at the end — so that a run's output never has to fit in memory all at once.
  const outDir = options.out !== undefined ? resolve(options.cwd, options.out) : undefined;
  const checked = options.check && outDir !== undefined ? new CheckedOutput(outDir) : undefined;
  const staged = !checked && options.write && outDir !== undefined ? new StagedOutput(outDir) : undefined;
  const stage = (files: readonly OutputFile[]): void => {
    const t0 = performance.now();
    (checked ?? staged)?.add(files);
    timings.write = (timings.write ?? 0) + performance.now() - t0;
  };
  let outputs: OutputFile[];
  try {
    outputs = await time("templates", () => emit(model, options, docs, graph, bag, timings, stage));
  } catch (e) {
    staged?.abort();
    throw e;
  }
  if (bag.hasErrors) {
    staged?.abort();
    result.diagnostics = sortDiagnostics(bag.items);
    return result;
  }
  // Each value is the file's text, read when asked for (from the written file once it is written).
  for (const f of outputs) Object.defineProperty(result.files, f.path, { get: () => f.contents, enumerable: true });
  result.stats.files = outputs.length;

  if (checked) {
    const drift = checked.finish();
    if (hasDrift(drift)) {
      result.drift = drift;
      const list = [...drift.changed.map((p) => `changed ${p}`), ...drift.missing.map((p) => `missing ${p}`), ...drift.extra.map((p) => `extra ${p}`)];
      bag.report("check-drift", {
        message: `${options.out} is not what this run generates (${list.length} file${list.length === 1 ? "" : "s"}: ${list.slice(0, 8).join(", ")}${list.length > 8 ? ", …" : ""})`,
        uri: options.out,
      });
    }
  } else if (staged) {
    await time("write", () => {
      try {
        staged.finish(() => changedInput(docs, loadedAt));
        result.written = true;
      } catch (e) {
        const changed = e instanceof Error && e.message.startsWith(CHANGED);
        // The texts went with the staging folder.
        result.files = {};
        bag.report(changed ? "input-changed" : "write-failed", { message: changed ? e.message : `could not write ${options.out}: ${(e as Error).message}`, uri: options.out });
      }
    });
  }
  result.diagnostics = sortDiagnostics(bag.items);
  return result;
}

const CHANGED = "an input changed while schemaforge ran";

/** Size and modification time of a file, to notice an input edited while a run reads, builds and writes. */
function fileStamp(path: string): string {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return "gone";
  }
}

/** Why the output must not replace the previous one: an input that is not what was read. */
function changedInput(docs: readonly SourceDocument[], loadedAt: readonly string[]): string | undefined {
  const i = docs.findIndex((d, k) => fileStamp(d.path) !== loadedAt[k]);
  return i < 0 ? undefined : `${CHANGED} (${docs[i]!.path}); the previous output was kept: run again`;
}

interface Loaded {
  registry: Registry;
  /** Input documents (not those read only for references). */
  docs: SourceDocument[];
  /** Folders that file references may read from: the input and --components folders. */
  roots: string[];
}

async function load(options: ResolvedOptions, bag: DiagnosticBag): Promise<Loaded> {
  const inputs = await expandInputs(options.inputs, options.cwd, bag);
  const components = await expandInputs(options.components, options.cwd, bag);
  const inputSet = new Set(inputs.files);
  const componentFiles = components.files.filter((f) => !inputSet.has(f));
  const namespaces = assignNamespaces([...inputs.files, ...componentFiles], options.namespaceBy);
  const registry = new Registry();
  const docs: SourceDocument[] = [];
  for (const [files, referenceOnly] of [
    [inputs.files, false],
    [componentFiles, true],
  ] as const) {
    for (const path of files) {
      const doc = loadFile(path, bag, referenceOnly);
      if (!doc) continue;
      const ns = doc.kind === "openapi" ? openApiNamespace(doc, namespaces.get(path) ?? "", options) : (namespaces.get(path) ?? "");
      registry.add(doc, ns);
      if (!referenceOnly) docs.push(doc);
    }
  }
  for (const dup of registry.duplicateIds) {
    bag.report("id-duplicate", { message: `$id ${dup.uri} is declared again (first in ${dup.first.doc.path})`, uri: dup.second.doc.path, pointer: dup.second.pointer });
  }
  return { registry, docs, roots: [...new Set([...inputs.roots, ...components.roots])].sort() };
}

/** An OpenAPI document is a namespace of its own: its `info.x-serviceName`, else its file name. */
function openApiNamespace(doc: SourceDocument, fallback: string, options: ResolvedOptions): string {
  if (options.namespaceBy === "none") return "";
  if (options.namespaceBy === "folder") return fallback;
  const info = (doc.json as { info?: Record<string, unknown> }).info;
  const service = info?.["x-serviceName"];
  if (typeof service === "string" && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(service)) return service.toLowerCase();
  return stemWords(doc.path).join("-") || fallback;
}

/** A document read only because a `$ref` named it joins the family its file name starts with, else its folder. */
function namespaceForReferenced(doc: SourceDocument, registry: Registry): string {
  const words = stemWords(doc.path).join("-");
  const known = [...new Set(registry.namespaceOf.values())].filter((ns) => ns !== "" && (words === ns || words.startsWith(ns + "-")));
  known.sort((a, b) => b.length - a.length);
  return known[0] ?? assignNamespaces([doc.path], "folder").get(doc.path) ?? "";
}

function parseMaps(options: ResolvedOptions, bag: DiagnosticBag): UrlMapping[] {
  const out: UrlMapping[] = [];
  for (const m of options.map) {
    const i = m.indexOf("=");
    if (i <= 0) {
      bag.report("usage", { message: `--map ${JSON.stringify(m)}: expected <url-prefix>=<folder>` });
      continue;
    }
    out.push({ prefix: m.slice(0, i), folder: resolve(options.cwd, m.slice(i + 1)) });
  }
  return out;
}

async function emit(
  model: Model,
  options: ResolvedOptions,
  inputs: SourceDocument[],
  graph: SchemaGraph,
  bag: DiagnosticBag,
  timings: Record<string, number>,
  /** Takes each template's files as soon as it has made them (the write stage). */
  stage: (files: readonly OutputFile[]) => void,
): Promise<OutputFile[]> {
  const t0 = performance.now();
  // Templates are imported here, so that runs that stop earlier never load them.
  const [{ typesTemplate }, { packageTemplate }, validators, docs] = await Promise.all([
    import("../templates/types/index.js"),
    import("../templates/package/index.js"),
    options.emit.includes("validators") ? import("../templates/validators/index.js") : undefined,
    options.emit.includes("docs") ? docsTemplate(options, bag) : undefined,
  ]);
  const templates: Template[] = [];
  // Validators name the types in their .d.ts: the types template always runs with them.
  if (options.emit.includes("types") || validators) templates.push(typesTemplate);
  if (validators) templates.push(validators.validatorsTemplate);
  if (docs) templates.push(docs);
  if (bag.hasErrors) return [];
  const builtIn = new Set<Template>([...templates, packageTemplate]);
  if (docs && options.docsTemplate !== undefined) builtIn.delete(docs);
  templates.push(...(await loadTemplates(options.templates, options.cwd, bag)));
  const namespaces = new Map<string, Declaration[]>();
  for (const d of model.declarations) {
    const list = namespaces.get(d.namespace);
    if (list) list.push(d);
    else namespaces.set(d.namespace, [d]);
  }
  const sorted = new Map([...namespaces].sort(([a], [b]) => a.localeCompare(b)));
  for (const list of sorted.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  const context: EmitContext = {
    flush: stage,
    model,
    graph,
    diagnostics: bag,
    namespaces: sorted,
    moduleOf: moduleBase,
    options: {
      packageName: options.packageName,
      packageVersion: options.packageVersion,
      indexSignatures: options.indexSignatures,
      typeDocs: options.emit.includes("types"),
      formats: options.formats,
      patterns: options.patterns,
      format: options.format,
      commonjs: options.commonjs && options.format === "js",
      banner: banner(inputs),
      docsTypes: options.docsTypes,
    },
  };
  timings["templates: load"] = performance.now() - t0;
  const outputs: TemplateOutput[] = [];
  for (const t of [...templates, packageTemplate]) {
    const started = performance.now();
    try {
      const output = await t.emit(context, outputs);
      outputs.push(output);
      stage(output.files);
    } catch (e) {
      if (builtIn.has(t)) throw e;
      if (t === docs) {
        // A user's docs template: its failure is reported as theirs, with the message it threw.
        bag.report("docs-template-invalid", { message: `--docs-template ${options.docsTemplate} failed: ${(e as Error)?.message ?? String(e)}`, uri: options.docsTemplate });
        return [];
      }
      bag.report("template-failed", { message: `template ${t.name} failed: ${(e as Error)?.message ?? String(e)}` });
    }
    timings[`template: ${t.name}`] = performance.now() - started;
  }
  return outputs.flatMap((o) => o.files).sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The docs template: ours, or the user's (`--docs-template <module>`: a path relative to the working folder, or
 * a package name), whose module exports a Template as `template` or as its default export.
 */
async function docsTemplate(options: ResolvedOptions, bag: DiagnosticBag): Promise<Template | undefined> {
  if (options.docsTemplate === undefined) return (await import("../templates/docs/index.js")).docsTemplate;
  const spec = options.docsTemplate;
  const local = spec.startsWith(".") || spec.startsWith("/") || /\.[cm]?js$/.test(spec);
  const url = local ? pathToFileURL(resolve(options.cwd, spec)).href : spec;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (e) {
    bag.report("docs-template-invalid", { message: `--docs-template ${spec}: cannot load it (${(e as Error).message.split("\n")[0]})`, uri: spec });
    return undefined;
  }
  const t = (mod.template ?? mod.default) as Partial<Template> | undefined;
  if (!t || typeof t !== "object" || typeof t.emit !== "function" || typeof t.name !== "string") {
    bag.report("docs-template-invalid", { message: `--docs-template ${spec}: the module exports no Template (an object with a name and an emit function, as \`template\` or default)`, uri: spec });
    return undefined;
  }
  return t as Template;
}

/** First line of every generated file: toolkit version and a hash of the inputs (names and contents), no time. */
function banner(docs: SourceDocument[]): string {
  const hash = createHash("sha256");
  for (const d of [...docs].sort((a, b) => basename(a.path).localeCompare(basename(b.path)))) {
    hash.update(basename(d.path)).update("\0").update(JSON.stringify(d.json)).update("\0");
  }
  return `// Generated by schemaforge ${VERSION} from ${docs.length} schema document${docs.length === 1 ? "" : "s"} (inputs sha256 ${hash.digest("hex").slice(0, 16)}). Do not edit: regenerate instead.`;
}
