/**
 * The template API, the same for built-in and user templates: `(context) → files + exports`. Templates never
 * touch the file system and never see raw schemas; they read the model.
 * @see DESIGN.md "Pipeline" (templates)
 */
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { SchemaGraph } from "../model/graph.js";
import type { Declaration, Model } from "../model/ir.js";

export interface OutputFile {
  /** Path relative to the output folder, with `/` separators. */
  path: string;
  contents: string;
}

/** One name a module exports, so the package template can build the index and the exports map. */
export interface ModuleExport {
  /** The template's module that declares it (path without extension), e.g. `types/cognito-idp`. */
  module: string;
  namespace: string;
  name: string;
  /** `type`: erased at run time; `value`: a JavaScript binding too. */
  kind: "type" | "value";
  declaration: string;
  /** Exported from the package root only (shared run-time names such as `ValidationFailure`). */
  rootOnly?: boolean;
}

export interface EmitOptions {
  packageName: string;
  packageVersion: string;
  indexSignatures: boolean;
  /**
   * JSDoc on the types. Off when the types are emitted only because the validators' declarations name them
   * (`--emit validators`): the declarations stay exact, the documentation is left to `--emit types`.
   */
  typeDocs: boolean;
  /** Whether validators check `format` (`assert`) or ignore it (`annotate`). */
  formats: "assert" | "annotate";
  /** Whether validators run patterns with JavaScript's RegExp (`native`) or the linear-time engine (`linear`). */
  patterns: "native" | "linear";
  /** `js`: .js modules with .d.ts beside them; `ts`: plain .ts sources (no CommonJS build). */
  format: "js" | "ts";
  /** Also write the CommonJS build (`cjs/`) with `require` conditions in the exports map. */
  commonjs: boolean;
  /** First line of every generated file (toolkit version and input hash; no timestamps). */
  banner: string;
  /** `--docs-types`: names or globs (optionally `namespace:`-qualified) of the types that get a docs page; empty: all. */
  docsTypes?: readonly string[];
}

export interface EmitContext {
  model: Model;
  options: EmitOptions;
  /** File base of a namespace (its entry module at the package root, and its file in each template folder). */
  moduleOf(namespace: string): string;
  /** Declarations of one namespace, in output order. */
  namespaces: Map<string, Declaration[]>;
  /** The schemas behind the model (for templates that compile schemas, like the validators). */
  graph: SchemaGraph;
  /** Where templates report findings (located in the schemas). */
  diagnostics: DiagnosticBag;
  /**
   * Hands finished files to the write stage before `emit` returns, so that they are written while the template
   * goes on (a template that makes hundreds of files). Optional to call; the files are still returned from
   * `emit` with the others (each file is written once).
   */
  flush?(files: readonly OutputFile[]): void;
}

export interface TemplateOutput {
  files: OutputFile[];
  exports: ModuleExport[];
}

export interface Template {
  name: string;
  /** May be async (e.g. a template that runs a formatter or a compiler as a service). */
  emit(context: EmitContext, previous: readonly TemplateOutput[]): TemplateOutput | Promise<TemplateOutput>;
}

export function moduleBase(namespace: string): string {
  return namespace === "" ? "types" : namespace;
}
