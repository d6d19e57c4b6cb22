/**
 * The types template: per namespace, `types/<namespace>.d.ts` with every declaration and `types/<namespace>.js`
 * holding the run-time half of enums (their `as const` objects). Built as one ts-morph SourceFileStructure per file and
 * printed once.
 */
import { printStructureLater, StructureKind, type SourceFileStructure, type StatementStructures, type WriterFunction } from "../../src/emit/ts-morph.js";
import type { EmitContext, ModuleExport, OutputFile, Template, TemplateOutput } from "../../src/emit/template.js";
import { buildJsDoc } from "../../src/emit/jsdoc.js";
import { declarationWriter, enumConstDeclaration, enumConstValue, enumKeys } from "./declarations.js";
import { ModuleRefs } from "./module-refs.js";
import { forEachNode } from "../../src/passes/map.js";
import { declarationsWithViews } from "../../src/model/views.js";
import { viewRefName, viewsWriter } from "./views.js";

export const PRINT_OPTIONS = { indentNumberOfSpaces: 2, newLine: "\n" as const, useTabs: false };

type Statement = StatementStructures | WriterFunction | string;

/**
 * An output file printed from one SourceFileStructure. With the CLI's printer worker (src/emit/ts-morph.ts) it
 * prints there while the templates go on; `contents` waits for the text on first read, `pending()` says whether
 * it would wait.
 */
export function printedFile(path: string, banner: string, statements: Statement[]): OutputFile {
  const text = printStructureLater(sourceFile(banner, statements), PRINT_OPTIONS);
  const file: OutputFile = {
    path,
    get contents() {
      return text();
    },
  };
  // For the write stage, which writes files as their text is ready (src/write/index.ts); not enumerable.
  return Object.defineProperty(file, "pending", { value: text.pending });
}

function sourceFile(banner: string, statements: Statement[]): SourceFileStructure {
  return { kind: StructureKind.SourceFile, statements: [banner, ...statements] };
}

export const typesTemplate: Template = {
  name: "types",
  emit(context: EmitContext): TemplateOutput {
    const files: OutputFile[] = [];
    const exports: ModuleExport[] = [];
    const withViews = declarationsWithViews(context.model);
    for (const [namespace, decls] of context.namespaces) {
      const module = context.moduleOf(namespace);
      const refs = new ModuleRefs(context.model, namespace, decls, context.moduleOf);
      const ctx = { refName: viewRefName(refs.refName), indexSignatures: context.options.indexSignatures, docs: context.options.typeDocs };
      const ts = context.options.format === "ts";
      const dts: WriterFunction[] = [];
      const js: WriterFunction[] = [];
      for (const decl of decls) {
        dts.push(declarationWriter(decl, context.model, ctx));
        const views = withViews.has(decl.id) ? viewsWriter(decl, context.model, withViews, ctx) : undefined;
        if (typeof views === "string") {
          context.diagnostics.report("views-skipped", { message: `no Request/Response views for ${decl.name}: ${views}`, uri: decl.source.uri, pointer: decl.source.pointer });
        } else if (views) dts.push(views);
        exports.push({ module: `types/${module}`, namespace, name: decl.name, kind: "type", declaration: decl.id });
        const t = decl.type;
        // The object lists the enum's non-null values (a nullable enum's `null` stays in the type only).
        const members = t.kind === "enum" && t.tsType === undefined ? t.values.filter((v) => v !== null) : [];
        const keys = members.length > 0 ? enumKeys(members, t.kind === "enum" ? t.names : undefined, t.kind === "enum" ? t.values : undefined) : undefined;
        if (t.kind === "enum" && keys) {
          if (ts) dts.push(enumConstValue(decl.name, members, keys, true));
          else dts.push(enumConstDeclaration(decl.name, members, keys, ctx.docs ? buildJsDoc(t.docs, undefined) : undefined));
          js.push(enumConstValue(decl.name, members, keys));
          exports.push({ module: `types/${module}`, namespace, name: decl.name, kind: "value", declaration: decl.id });
        }
      }
      // Imports are known once every reference has been named; writers run later, when printedFile records them.
      for (const decl of decls) forEachNode(decl.type, (n) => n.kind === "ref" && refs.refName(n.target));
      const imports = refs.importStructures(true);
      if (ts) {
        // One .ts module: the declarations with the enum objects in place.
        files.push(printedFile(`types/${module}.ts`, context.options.banner, [...imports, ...dts]));
        continue;
      }
      files.push(printedFile(`types/${module}.d.ts`, context.options.banner, [...imports, ...dts]));
      files.push(printedFile(`types/${module}.js`, context.options.banner, js.length > 0 ? js : ["export {};"]));
    }
    return { files, exports };
  },
};
