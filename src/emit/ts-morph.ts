/**
 * ts-morph, loaded once through `require`: importing a CommonJS package from ESM makes Node scan its source
 * for named exports (cjs-module-lexer), which costs ~0.1 s on ts-morph's bundle for nothing. Only what the
 * emitters use is re-exported; types come from the package as usual.
 */
import { createRequire } from "node:module";
import type * as TsMorph from "ts-morph";

const tsMorph = createRequire(import.meta.url)("ts-morph") as typeof TsMorph;

export const printStructure: typeof TsMorph.printStructure = tsMorph.printStructure;
export const StructureKind: typeof TsMorph.StructureKind = tsMorph.StructureKind;
/** The writer that structure printers write to (the docs print member types into table cells with it). */
export const CodeBlockWriter: typeof TsMorph.CodeBlockWriter = tsMorph.CodeBlockWriter;
export type CodeBlockWriter = TsMorph.CodeBlockWriter;
export type {
  WriterFunction,
  SourceFileStructure,
  StatementStructures,
  ImportDeclarationStructure,
  ExportDeclarationStructure,
  JSDocStructure,
} from "ts-morph";
