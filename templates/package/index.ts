/**
 * The package template: one entry module per namespace at the package root (re-exporting what each template
 * wrote for it: `types/<ns>`, later `validators/<ns>`), the root `index` that re-exports every name no two
 * namespaces share, `package.json` (an `exports` map with a subpath per namespace, `types` first, no build
 * step) and a README.
 */
import { StructureKind, type ExportDeclarationStructure, type WriterFunction } from "../../src/emit/ts-morph.js";
import type { EmitContext, ModuleExport, OutputFile, Template, TemplateOutput } from "../../src/emit/template.js";
import { printedFile } from "../types/index.js";
import { CJS_DIR, commonJsBuild } from "./commonjs.js";

interface NameInfo {
  entry: string;
  value: boolean;
}

export const packageTemplate: Template = {
  name: "package",
  async emit(context: EmitContext, previous: readonly TemplateOutput[]): Promise<TemplateOutput> {
    const everything = previous.flatMap((p) => p.exports);
    const all = everything.filter((e) => !e.rootOnly);
    const shared = everything.filter((e) => e.rootOnly);
    const banner = context.options.banner;
    const files: OutputFile[] = [];
    // --format ts: the declaration side of each entry module is the whole module (types and values re-exported).
    const ts = context.options.format === "ts";
    const entries = [...new Set(all.map((e) => context.moduleOf(e.namespace)))].sort();
    for (const entry of entries) {
      const mine = all.filter((e) => context.moduleOf(e.namespace) === entry);
      const modules = [...new Set(mine.map((e) => e.module))].sort();
      const valueModules = [...new Set(mine.filter((e) => e.kind === "value").map((e) => e.module))].sort();
      files.push(printedFile(`${entry}.${ts ? "ts" : "d.ts"}`, banner, modules.map(exportAll)));
      if (!ts) files.push(printedFile(`${entry}.js`, banner, valueModules.length > 0 ? valueModules.map(exportAll) : ["export {};"]));
    }
    const byName = namesByEntry(all, context);
    const unambiguous = [...byName].filter(([, infos]) => infos.length === 1).map(([name, infos]) => ({ name, ...infos[0]! }));
    const ambiguous = [...byName].filter(([, infos]) => infos.length > 1).sort(([a], [b]) => a.localeCompare(b));
    const sharedDts = sharedExports(shared, true);
    const sharedJs = sharedExports(shared, false);
    files.push(
      printedFile(`index.${ts ? "ts" : "d.ts"}`, banner, [...reexports(unambiguous, entries, true), ...sharedDts]),
      ...(ts ? [] : [printedFile("index.js", banner, orEmpty([...reexports(unambiguous.filter((n) => n.value), entries, false), ...sharedJs]))]),
      { path: "package.json", contents: packageJson(context, entries) },
      { path: "README.md", contents: readme(context, entries, all, ambiguous.map(([n, infos]) => [n, infos.map((i) => i.entry)])) },
    );
    if (context.options.commonjs) files.push(...(await commonJsBuild([...previous.flatMap((p) => p.files), ...files], banner)));
    return { files, exports: [] };
  },
};

function exportAll(module: string): ExportDeclarationStructure {
  return { kind: StructureKind.ExportDeclaration, moduleSpecifier: `./${module}.js` };
}

function namesByEntry(all: readonly ModuleExport[], context: EmitContext): Map<string, NameInfo[]> {
  const byName = new Map<string, NameInfo[]>();
  for (const e of all) {
    const entry = context.moduleOf(e.namespace);
    const list = byName.get(e.name) ?? [];
    const same = list.find((i) => i.entry === entry);
    if (same) same.value ||= e.kind === "value";
    else list.push({ entry, value: e.kind === "value" });
    byName.set(e.name, list);
  }
  return byName;
}

/** Names every namespace shares (the validators' run-time types and error class), from their module. */
function sharedExports(shared: readonly ModuleExport[], withTypes: boolean): ExportDeclarationStructure[] {
  const out: ExportDeclarationStructure[] = [];
  for (const module of [...new Set(shared.map((e) => e.module))].sort()) {
    const values = shared.filter((e) => e.module === module && e.kind === "value").map((e) => e.name).sort();
    const types = shared.filter((e) => e.module === module && e.kind === "type").map((e) => e.name).sort();
    if (values.length > 0) out.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: `./${module}.js`, namedExports: values });
    if (withTypes && types.length > 0) out.push({ kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: `./${module}.js`, namedExports: types });
  }
  return out;
}

/**
 * A long list of exported names as one writer: ts-morph prints each export specifier through a writer of its
 * own (57 ms for 2,000 names); the names are identifiers the namer made, so joining them prints the same text.
 */
function nameList(names: readonly string[]): WriterFunction {
  return (w) => {
    w.write(names.join(", "));
  };
}

function orEmpty(list: ExportDeclarationStructure[]): (ExportDeclarationStructure | string)[] {
  return list.length > 0 ? list : ["export {};"];
}

function reexports(names: ({ name: string } & NameInfo)[], entries: string[], withTypes: boolean): ExportDeclarationStructure[] {
  const out: ExportDeclarationStructure[] = [];
  for (const entry of entries) {
    const here = names.filter((n) => n.entry === entry).sort((a, b) => a.name.localeCompare(b.name));
    const values = here.filter((n) => n.value).map((n) => n.name);
    const types = here.filter((n) => !n.value).map((n) => n.name);
    if (values.length > 0) out.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: `./${entry}.js`, namedExports: nameList(values) });
    if (withTypes && types.length > 0)
      out.push({ kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: `./${entry}.js`, namedExports: nameList(types) });
  }
  return out;
}

/** `import` gets the ES modules, `require` the CommonJS build; each with its declarations first. */
function exportEntry(base: string, commonjs: boolean, ts: boolean): unknown {
  if (ts) return `./${base}.ts`;
  if (!commonjs) return { types: `./${base}.d.ts`, default: `./${base}.js` };
  return {
    import: { types: `./${base}.d.ts`, default: `./${base}.js` },
    require: { types: `./${CJS_DIR}/${base}.d.ts`, default: `./${CJS_DIR}/${base}.js` },
  };
}

function packageJson(context: EmitContext, entries: string[]): string {
  const { commonjs } = context.options;
  const ts = context.options.format === "ts";
  const exports: Record<string, unknown> = { ".": exportEntry("index", commonjs, ts) };
  for (const m of entries) exports[`./${m}`] = exportEntry(m, commonjs, ts);
  exports["./package.json"] = "./package.json";
  const pkg = {
    name: context.options.packageName,
    version: context.options.packageVersion,
    description: "Types generated by schemaforge from JSON Schema. Do not edit: regenerate instead.",
    type: "module",
    sideEffects: false,
    types: ts ? "./index.ts" : "./index.d.ts",
    main: ts ? "./index.ts" : commonjs ? `./${CJS_DIR}/index.js` : "./index.js",
    exports,
  };
  return JSON.stringify(pkg, null, 2) + "\n";
}

function readme(context: EmitContext, entries: string[], all: readonly ModuleExport[], ambiguous: [string, string[]][]): string {
  const { packageName } = context.options;
  const types = all.filter((e) => e.module.startsWith("types/") && e.kind === "type");
  const ambiguousNames = new Set(ambiguous.map(([n]) => n));
  const first = types.find((e) => !ambiguousNames.has(e.name))?.name ?? "SomeType";
  const validators = all.some((e) => e.module.startsWith("validators/"));
  const lines = [
    `# ${packageName}`,
    "",
    "Generated by schemaforge from JSON Schema; do not edit by hand, regenerate instead.",
    "",
    "## Use",
    "",
    "```ts",
    ...(validators
      ? [
          `import { type ${first}, is${first}, validate${first}, assert${first} } from "${packageName}";`,
          "",
          `if (is${first}(input)) { /* here input has the type ${first} */ }`,
          `const result = validate${first}(input); // { valid: true, value } or { valid: false, errors }`,
          `assert${first}(input); // throws a ValidationFailure carrying .errors`,
        ]
      : [`import type { ${first} } from "${packageName}";`]),
    "```",
    "",
    ...(context.options.commonjs
      ? [
          "ES modules (`import`) and CommonJS (`require`, a build in `cjs/`) both work, with types for each; the",
          "package has no dependencies and `sideEffects: false`, so bundlers keep only the validators you import.",
          "",
        ]
      : []),
    "Every name that only one namespace declares is exported from the package root; each namespace is also a",
    "module of its own:",
    "",
    "| module | types |",
    "|---|---|",
    ...entries.map((m) => `| \`${packageName}/${m}\` | ${types.filter((e) => context.moduleOf(e.namespace) === m).length} |`),
    "",
  ];
  if (ambiguous.length > 0) {
    lines.push(
      "Names declared by more than one namespace are exported from their namespace modules only:",
      "",
      ...ambiguous.map(([name, mods]) => `- \`${name}\`: ${mods.map((m) => `\`${packageName}/${m}\``).join(", ")}`),
      "",
    );
  }
  return lines.join("\n");
}
