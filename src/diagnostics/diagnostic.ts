import { codes, type DiagnosticCode, type Severity } from "./codes.js";

/** One finding about the input, located as precisely as the stage knows. Returned, never thrown. */
export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  hint?: string;
  /** File path (for local files) or URI of the document. */
  uri?: string;
  /** JSON pointer inside the document. */
  pointer?: string;
  line?: number;
  column?: number;
}

export interface DiagnosticInput {
  message: string;
  uri?: string;
  pointer?: string;
  line?: number;
  column?: number;
  severity?: Severity;
}

export function diagnostic(code: DiagnosticCode, input: DiagnosticInput): Diagnostic {
  const info = codes[code];
  const d: Diagnostic = { severity: input.severity ?? info.severity, code, message: input.message, hint: info.hint };
  if (input.uri !== undefined) d.uri = input.uri;
  if (input.pointer !== undefined) d.pointer = input.pointer;
  if (input.line !== undefined) d.line = input.line;
  if (input.column !== undefined) d.column = input.column;
  return d;
}

/** Collects diagnostics for one run; a stage reports, the pipeline decides whether the run fails. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  add(d: Diagnostic): void {
    const key = `${d.code}\u0000${d.uri}\u0000${d.pointer}\u0000${d.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(d);
  }

  report(code: DiagnosticCode, input: DiagnosticInput): void {
    this.add(diagnostic(code, input));
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }

  count(severity: Severity): number {
    return this.items.filter((d) => d.severity === severity).length;
  }
}

/** Stable order for output: by file, then line, then code. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.uri ?? "").localeCompare(b.uri ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}
