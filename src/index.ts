/**
 * schemaforge's programmatic API: `generate(options)` runs the whole pipeline; with `write: false` (or no
 * `out`) everything stays in memory.
 * @see DESIGN.md "Programmatic API"
 */
export { generate, type GenerateResult, type GeneratedType } from "./pipeline.js";
export type { GenerateOptions } from "./config/options.js";
export type { Diagnostic } from "./diagnostics/diagnostic.js";
export { formatDiagnostic } from "./diagnostics/format.js";
export type * from "./model/ir.js";
export type { Template, TemplateOutput, EmitContext, EmitOptions, OutputFile, ModuleExport } from "./emit/template.js";
/** For templates: the escaping every literal, key and comment of generated code goes through. */
export { quoteString, objectLiteralKey, propertyKey, jsValue, jsDocText } from "./emit/ts-syntax.js";
export { VERSION } from "./version.js";
