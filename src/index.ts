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
export type { Template, TemplateOutput, EmitContext, OutputFile, ModuleExport } from "./emit/template.js";
export { VERSION } from "./version.js";
