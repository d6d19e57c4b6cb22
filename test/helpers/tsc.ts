/**
 * Type-checking generated output the way a consumer would: files written to a temporary folder, compiled with
 * the TypeScript compiler API under `strict`, module resolution node16 (or bundler). Returns readable errors.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";

export interface TypeCheckOptions {
  /** Root files to check, relative to the folder (default: every .ts/.d.ts file given). */
  roots?: string[];
  moduleResolution?: "node16" | "nodenext" | "bundler";
  /** Library files (default ES2022 only; a dependency's declarations may need `lib.dom.d.ts`). */
  lib?: string[];
  /** More compiler options on top of these. */
  compilerOptions?: ts.CompilerOptions;
}

/** Writes `files` under a fresh temp folder; returns it (the caller removes it, or use `withTempDir`). */
export function writeTemp(files: Record<string, string>, prefix = "sf-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, contents] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
  return dir;
}

export function removeTemp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Type-checks `files` (path → contents) and returns the diagnostics as `file(line,col): message` strings. */
export function typeCheck(files: Record<string, string>, options: TypeCheckOptions = {}): string[] {
  const dir = writeTemp(files);
  try {
    return typeCheckDir(
      dir,
      (options.roots ?? Object.keys(files).filter((f) => /\.(c|m)?ts$/.test(f))).map((f) => join(dir, f)),
      options,
    );
  } finally {
    removeTemp(dir);
  }
}

export function typeCheckDir(dir: string, roots: string[], options: TypeCheckOptions = {}): string[] {
  const mode = options.moduleResolution ?? "node16";
  const program = ts.createProgram(roots, {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: ts.ScriptTarget.ES2022,
    module: { bundler: ts.ModuleKind.ESNext, node16: ts.ModuleKind.Node16, nodenext: ts.ModuleKind.NodeNext }[mode],
    moduleResolution: { bundler: ts.ModuleResolutionKind.Bundler, node16: ts.ModuleResolutionKind.Node16, nodenext: ts.ModuleResolutionKind.NodeNext }[mode],
    lib: options.lib ?? ["lib.es2022.d.ts"],
    types: [],
    noUnusedLocals: false,
    ...options.compilerOptions,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const msg = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return msg;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName.slice(dir.length + 1)}(${line + 1},${character + 1}): ${msg}`;
  });
}
