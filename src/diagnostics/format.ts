import { relative } from "node:path";
import type { Diagnostic } from "./diagnostic.js";

/** `file:line:col: severity code: message (at pointer)` with the hint on the next line, as compilers print. */
export function formatDiagnostic(d: Diagnostic, cwd: string = process.cwd()): string {
  let where = "";
  if (d.uri !== undefined) {
    where = d.uri.startsWith("/") ? relative(cwd, d.uri) || d.uri : d.uri;
    if (d.line !== undefined) where += `:${d.line}:${d.column ?? 1}`;
    where += ": ";
  }
  const at = d.pointer !== undefined && d.pointer !== "" ? ` (at ${d.pointer})` : d.pointer === "" ? " (at the document root)" : "";
  const hint = d.hint ? `\n  hint: ${d.hint}` : "";
  return `${where}${d.severity} ${d.code}: ${oneLine(d.message)}${at}${hint}`;
}

function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, " ");
}
