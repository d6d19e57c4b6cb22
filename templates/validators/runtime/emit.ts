/**
 * Source text of the generated package's run-time modules: our helper functions and format checks, emitted
 * from their compiled code (`Function.prototype.toString`), so what runs in the package is exactly what the
 * toolkit's own tests run.
 */
import { FORMATS } from "./formats.js";
import { HELPERS, OPTIONAL_HELPERS, ValidationFailure } from "./helpers.js";

/** The helpers' source: every helper, except optional ones that no module of the package uses (`used`). */
export function runtimeSource(used: ReadonlySet<string>): string {
  const parts = Object.entries(HELPERS)
    .filter(([helperName]) => !OPTIONAL_HELPERS.has(helperName) || used.has(helperName))
    .map(([, f]) => `export ${f.toString()}`);
  parts.push(`export ${ValidationFailure.toString()}`);
  return parts.join("\n\n");
}

export function runtimeDeclarations(): string {
  return `${runtimeTypes()}

/** Thrown by the assert functions; carries the errors. */
export declare class ValidationFailure extends Error {
  errors: ValidationError[];
  constructor(typeName: string, errors: ValidationError[]);
}`;
}

/**
 * \`--format ts\`: the run-time module as TypeScript — the helpers' JavaScript, unchecked (\`@ts-nocheck\`: they
 * are tested as the toolkit's own code), under the public types, which the typed validator modules use.
 */
export function runtimeTypeScript(used: ReadonlySet<string>): string {
  return `// @ts-nocheck\n${runtimeTypes()}\n\n${runtimeSource(used)}`;
}

function runtimeTypes(): string {
  return `/** One reason a value is not valid, in the shape ajv users know. */
export interface ValidationError {
  /** JSON pointer to the offending part of the value ("" for the value itself). */
  instancePath: string;
  /** Where the failing keyword is in the schema (a URI fragment, following references as taken). */
  schemaPath: string;
  /** The keyword that failed, e.g. "enum" or "pattern". */
  keyword: string;
  /** Keyword-specific details, e.g. { missingProperty: "ClientId" }. */
  params: Record<string, unknown>;
  message: string;
}

export type ValidationResult<T> = { valid: true; value: T } | { valid: false; errors: ValidationError[] };

export interface ValidateOptions {
  /** Collect every error (default) or stop at the first one (false). */
  allErrors?: boolean;
}`;
}

export function formatsSource(used: ReadonlySet<string>): string {
  const emitted = new Set<(...a: never[]) => unknown>();
  const parts: string[] = [];
  for (const format of [...used].sort()) {
    const entry = FORMATS[format];
    if (!entry) continue;
    for (const f of [...entry.helpers, entry.fn]) {
      if (emitted.has(f)) continue;
      emitted.add(f);
      parts.push(`export ${f.toString()}`);
    }
  }
  return parts.length > 0 ? parts.join("\n\n") : "export {};";
}
