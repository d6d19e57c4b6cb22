/**
 * The diagnostics catalog: every code schemaforge can report, its severity and a hint a person can act on.
 * Messages are composed where the diagnostic is raised; the hint is fixed per code so docs and tests can rely on it.
 */
export type Severity = "error" | "warning" | "info";

interface CodeInfo {
  readonly severity: Severity;
  readonly hint: string;
}

export const codes = {
  "input-not-found": { severity: "error", hint: "check the path or glob; globs are matched relative to the current folder" },
  "input-empty": { severity: "error", hint: "pass at least one schema file, folder or glob" },
  "read-failed": { severity: "error", hint: "check that the file exists and is readable" },
  "json-fallback-yaml": {
    severity: "warning",
    hint: "the file is not valid JSON; it was read as YAML 1.2 instead. Fix the JSON (for example escape raw newlines inside strings as \\n) to silence this",
  },
  "parse-failed": { severity: "error", hint: "the file is neither valid JSON nor valid YAML; fix the syntax at the position shown" },
  "yaml-duplicate-key": { severity: "error", hint: "remove or rename the repeated key" },
  "not-a-schema": { severity: "error", hint: "a schema must be a JSON object or a boolean" },
  "ref-unresolved": {
    severity: "error",
    hint: "add the file that defines it to the inputs, pass --components <file|dir>, or --allow-unresolved to type it as unknown",
  },
  "ref-unresolved-allowed": { severity: "warning", hint: "typed as unknown because of --allow-unresolved" },
  "ref-ambiguous": {
    severity: "error",
    hint: "several schemas carry that name; put them in separate namespaces or refer to the file directly",
  },
  "ref-outside-roots": {
    severity: "error",
    hint: "file references must stay inside the input folders; add the folder as an input if it is meant to be read",
  },
  "ref-remote-refused": {
    severity: "error",
    hint: "remote references are never fetched; map the URL prefix to a local folder with --map <url-prefix>=<folder>",
  },
  "ref-invalid": { severity: "error", hint: "a $ref must be a URI reference string" },
  "id-duplicate": { severity: "warning", hint: "two documents declare the same $id; the first one read is used" },
  "name-conflict": {
    severity: "error",
    hint: "two different schemas want the same name in one namespace; give one a different title or component key",
  },
  "pattern-invalid": {
    severity: "error",
    hint: "JavaScript (with the u flag) cannot compile it; rewrite it in ECMA-262 syntax",
  },
  "pattern-not-unicode": {
    severity: "warning",
    hint: "escape the character for Unicode mode (for example \\{ for a literal brace) so the pattern means the same in every engine",
  },
  "enum-type-mismatch": { severity: "warning", hint: "fix the enum value or the type; the validator rejects that value too" },
  "docs-types-unmatched": { severity: "warning", hint: "check the name or glob (names are case-sensitive; qualify with namespace: as in cognito-idp:Admin*)" },
  "docs-template-invalid": {
    severity: "error",
    hint: "give a path (relative to the current folder) or package name of an ES module that exports a Template: { name, emit(context, previous) }",
  },
  "check-drift": { severity: "error", hint: "run the same command without --check to regenerate" },
  "write-failed": { severity: "error", hint: "check permissions and free space of the output folder; the previous output was left as it was" },
  "usage": { severity: "error", hint: "see --help" },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof codes;
