/**
 * The option table: every option once, with its type, default, CLI flag and description. The yargs builder,
 * the API defaults and the tests all derive from it.
 */
import type { Template } from "../emit/template.js";
import type { NamespaceStrategy } from "../naming/namespace.js";
import type { NameTypeHook } from "../naming/namer.js";

export type EmitKind = "types" | "validators" | "docs";
export const EMIT_KINDS: readonly EmitKind[] = ["types", "validators", "docs"];

export interface GenerateOptions {
  /** Schema files, folders or globs (JSON or YAML; JSON Schema or OpenAPI). */
  inputs: string[];
  /** Output folder (the generated package). */
  out?: string;
  /** What to emit; default: everything that exists. */
  emit?: EmitKind[];
  /** Extra documents that only serve references (`--components`). */
  components?: string[];
  /** `<url-prefix>=<folder>`: serve remote references from a local folder. */
  map?: string[];
  allowUnresolved?: boolean;
  namespaceBy?: NamespaceStrategy;
  indexSignatures?: boolean;
  /** Validators assert `format` (default) or treat it as an annotation. */
  formats?: "assert" | "annotate";
  /** Validators run `pattern`/`patternProperties` with JavaScript's RegExp (default) or a linear-time engine. */
  patterns?: "native" | "linear";
  packageName?: string;
  packageVersion?: string;
  /** `js` (default): a package of .js + .d.ts; `ts`: plain .ts sources, for projects that keep generated code inside. */
  format?: "js" | "ts";
  /** Also write a CommonJS build (`cjs/`) for `require` (default false; never with `format: "ts"`). */
  commonjs?: boolean;
  /** Types that get a docs page: names or globs, optionally `namespace:`-qualified (default: every type). */
  docsTypes?: string[];
  /** A module whose exported Template writes the docs instead of ours (path relative to `cwd`, or a package name). */
  docsTemplate?: string;
  /** Compare with `out` instead of writing. */
  check?: boolean;
  /** Extra templates: module paths (relative to `cwd`) whose default or `template` export is a Template, or Templates. */
  templates?: (string | Template)[];
  /** Write files to `out` (default true when `out` is set). */
  write?: boolean;
  cwd?: string;
  /** API only: renames declarations (return a name, or undefined for schemaforge's). See README "Naming hook". */
  nameType?: NameTypeHook;
  /** Called as each stage starts, with the counts known so far (the CLI's progress line). */
  onProgress?: (event: ProgressEvent) => void;
}

export interface ProgressEvent {
  stage: string;
  documents: number;
  types: number;
}

export interface OptionSpec {
  flag: string;
  type: "string" | "boolean" | "array";
  describe: string;
  default?: unknown;
  choices?: readonly string[];
  alias?: string;
  /** Value is a path (or list of paths): in a config file, relative to the file's folder. */
  path?: boolean;
  /** Only on the command line, not in a config file. */
  cliOnly?: boolean;
}

export const OPTION_TABLE: Record<Exclude<keyof GenerateOptions, "inputs" | "write" | "cwd" | "onProgress" | "nameType">, OptionSpec> = {
  out: { flag: "out", alias: "o", type: "string", describe: "output folder: the generated package", default: "generated", path: true },
  emit: { flag: "emit", type: "array", describe: "what to generate (comma-separated)", choices: EMIT_KINDS, default: [...EMIT_KINDS] },
  components: {
    flag: "components",
    type: "array",
    describe: "file or folder of schemas that only serve references (the component fallback looks there too)",
    path: true,
  },
  map: { flag: "map", type: "array", describe: "serve remote references from a folder: <url-prefix>=<folder> (nothing is fetched)" },
  allowUnresolved: {
    flag: "allow-unresolved",
    type: "boolean",
    describe: "type references that cannot be resolved as unknown (with a warning) instead of failing",
    default: false,
  },
  namespaceBy: {
    flag: "namespace-by",
    type: "string",
    describe: "how schemas are grouped into namespaces: file-name prefix family, folder, or one namespace",
    choices: ["prefix", "folder", "none"],
    default: "prefix",
  },
  indexSignatures: {
    flag: "index-signatures",
    type: "boolean",
    describe: "add [key: string]: unknown to objects that allow other members",
    default: false,
  },
  formats: {
    flag: "formats",
    type: "string",
    describe: "whether validators check `format` (assert) or only annotate with it",
    choices: ["assert", "annotate"],
    default: "assert",
  },
  patterns: {
    flag: "patterns",
    type: "string",
    describe: "how validators run pattern and patternProperties: native (JavaScript's RegExp) or linear (a linear-time engine, no catastrophic backtracking; patterns it cannot run stay native, with a warning)",
    choices: ["native", "linear"],
    default: "native",
  },
  packageName: { flag: "name", type: "string", describe: "name of the generated package", default: "generated-schemas" },
  packageVersion: { flag: "package-version", type: "string", describe: "version of the generated package", default: "0.0.0" },
  format: {
    flag: "format",
    type: "string",
    describe: "js: a package of .js modules with .d.ts beside them; ts: plain .ts sources to keep inside your own project",
    choices: ["js", "ts"],
    default: "js",
  },
  commonjs: {
    flag: "commonjs",
    type: "boolean",
    describe: "also write a CommonJS build (cjs/), for TypeScript CommonJS projects under module node16 and Node before 20.19 (Node 20.19+ require()s the ES modules as they are)",
    default: false,
  },
  docsTypes: {
    flag: "docs-types",
    type: "array",
    describe: "docs pages only for these types: names or globs, optionally namespace-qualified (ns:Name*)",
  },
  docsTemplate: {
    flag: "docs-template",
    type: "string",
    describe: "module exporting a Template (named export `template`, or default) that writes the docs instead of ours",
  },
  check: { flag: "check", type: "boolean", describe: "compare with the output folder instead of writing; exit 1 on drift", default: false, cliOnly: true },
  templates: { flag: "template", type: "array", describe: "a module exporting a template (see README, Templates): its files join the package", path: true },
};

export type ResolvedOptions = Required<Omit<GenerateOptions, "out" | "onProgress" | "nameType" | "docsTemplate">> &
  Pick<GenerateOptions, "out" | "onProgress" | "nameType" | "docsTemplate">;

export function resolveOptions(o: GenerateOptions): ResolvedOptions {
  const d = <K extends keyof typeof OPTION_TABLE>(k: K) => OPTION_TABLE[k].default as NonNullable<GenerateOptions[K]>;
  return {
    inputs: o.inputs,
    out: o.out,
    emit: o.emit ?? d("emit"),
    components: o.components ?? [],
    map: o.map ?? [],
    allowUnresolved: o.allowUnresolved ?? d("allowUnresolved"),
    namespaceBy: o.namespaceBy ?? d("namespaceBy"),
    indexSignatures: o.indexSignatures ?? d("indexSignatures"),
    formats: o.formats ?? d("formats"),
    patterns: o.patterns ?? d("patterns"),
    packageName: o.packageName ?? d("packageName"),
    packageVersion: o.packageVersion ?? d("packageVersion"),
    format: o.format ?? d("format"),
    commonjs: o.commonjs ?? d("commonjs"),
    docsTypes: o.docsTypes ?? [],
    docsTemplate: o.docsTemplate,
    check: o.check ?? false,
    templates: o.templates ?? [],
    write: o.write ?? (o.out !== undefined && !o.check),
    cwd: o.cwd ?? process.cwd(),
    ...(o.nameType ? { nameType: o.nameType } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  };
}
