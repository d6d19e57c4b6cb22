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
  "too-deep": {
    severity: "error",
    hint: "nest less deeply: move inner schemas into $defs and refer to them with $ref",
  },
  "json-duplicate-key": {
    severity: "warning",
    hint: "remove or rename the repeated key; the last value is used (as JSON.parse does), other tools may pick the first",
  },
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
  "ref-cycle": {
    severity: "error",
    hint: "a schema that refers to itself must go through a member or an item (properties, items, …) before it does",
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
  "pattern-not-linear": {
    severity: "warning",
    hint: "under --patterns linear this pattern keeps JavaScript's backtracking RegExp (no linear-time guarantee): rewrite it without that feature (for example without lookaround or backreferences, with smaller counted repetitions, or in Unicode syntax), or bound the string with maxLength",
  },
  "keyword-unknown": {
    severity: "warning",
    hint: "check the spelling against the dialect's keywords; an extension should start with x- (kept as an annotation)",
  },
  "pattern-backtracking": {
    severity: "warning",
    hint: "a nested quantifier such as (a+)+ can take exponential time on some strings; rewrite it without the nesting, or bound the input with maxLength",
  },
  "enum-type-mismatch": { severity: "warning", hint: "fix the enum value or the type; the validator rejects that value too" },
  "discriminator-unmatched": {
    severity: "warning",
    hint: "a discriminator mapping entry must lead to a member of the oneOf/anyOf beside it; values with that tag are rejected by the validators",
  },
  "ts-type-invalid": {
    severity: "warning",
    hint: "tsType must be one TypeScript type (no import(...) or typeof, nothing after it); the schema's own type is used instead",
  },
  "ts-enum-names-invalid": {
    severity: "warning",
    hint: "tsEnumNames must be an array of distinct, non-empty strings, one per enum value; the values are used as names instead",
  },
  "views-skipped": {
    severity: "warning",
    hint: "rename the type called Request or Response (a title, component key or nameType hook) so the views can be emitted",
  },
  "name-invalid": {
    severity: "error",
    hint: "a nameType hook must return a TypeScript identifier (letters, digits, _ and $, not a reserved word) or undefined",
  },
  "docs-types-unmatched": { severity: "warning", hint: "check the name or glob (names are case-sensitive; qualify with namespace: as in cognito-idp:Admin*)" },
  "docs-template-invalid": {
    severity: "error",
    hint: "give a path (relative to the current folder) or package name of an ES module that exports a Template: { name, emit(context, previous) }",
  },
  "check-drift": { severity: "error", hint: "run the same command without --check to regenerate" },
  "input-changed": {
    severity: "error",
    hint: "a schema file was edited while the run was going on; run again once the edits are saved",
  },
  "write-failed": { severity: "error", hint: "check permissions and free space of the output folder; the previous output was left as it was" },
  "usage": { severity: "error", hint: "see --help" },
  "config-invalid": {
    severity: "error",
    hint: "config keys are the API option names (camelCase: out, emit, namespaceBy, …); `schemaforge init` writes a commented config listing them all",
  },
  "template-failed": {
    severity: "error",
    hint: "a --template module must export a Template ({ name, emit(context, previous) }) as default or as `template`; see README, Templates",
  },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof codes;
