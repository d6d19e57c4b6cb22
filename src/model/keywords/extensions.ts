/**
 * Keywords other tools defined that users bring along: `x-` extensions (kept as annotations, shown in JSDoc),
 * and json-schema-to-typescript's `tsType` (a verbatim TypeScript type) and `tsEnumNames` (names of enum
 * members). `tsType` is untrusted text that would become code, so it is parsed with TypeScript's parser and
 * accepted only when it is exactly one type (no `import(…)`, no `typeof`); what is emitted is the parsed type
 * printed again (comments dropped), never the text as written.
 * @see https://github.com/bcherny/json-schema-to-typescript#custom-schema-properties
 */
import type * as Ts from "typescript";
import { loadTsMorph } from "../../emit/ts-morph.js";
import type { SchemaObject } from "../../resolve/walk.js";
import type { BuildContext } from "../build.js";
import type { TypeNode } from "../ir.js";

export function applyExtensions(s: SchemaObject, node: TypeNode, ctx: BuildContext): TypeNode {
  let out = node;
  const extensions = Object.keys(s).filter((k) => k.startsWith("x-"));
  if (extensions.length > 0) {
    const docs = { ...out.docs, extensions: Object.fromEntries(extensions.map((k) => [k, s[k]])) };
    out = { ...out, docs };
  }
  if ("tsType" in s) {
    const printed = typeof s.tsType === "string" ? parseTsType(s.tsType) : { error: "it is not a string" };
    // The node becomes opaque: a literal no pass merges, dedupes or collapses, printed as its tsType.
    if ("type" in printed) return { kind: "literal", value: null, tsType: printed.type, ...(out.docs ? { docs: out.docs } : {}), ...(out.constraints ? { constraints: out.constraints } : {}) };
    else ctx.report("ts-type-invalid", `tsType ${JSON.stringify(s.tsType)} is ignored: ${printed.error}`, ["tsType"]);
  }
  if ("tsEnumNames" in s && out.kind === "enum") {
    const names = enumNames(s, out.values);
    if (typeof names === "string") ctx.report("ts-enum-names-invalid", `tsEnumNames is ignored: ${names}`, ["tsEnumNames"]);
    else out = { ...out, names };
  }
  return out;
}

/** Names aligned with the node's values (which may have lost type-mismatched values or gained null), or why not. */
function enumNames(s: SchemaObject, values: unknown[]): string[] | string {
  const raw = s.tsEnumNames;
  const list = Array.isArray(s.enum) ? s.enum : [];
  if (!Array.isArray(raw) || !raw.every((n) => typeof n === "string" && n !== "")) return "it is not an array of non-empty strings";
  if (raw.length !== list.length) return `it has ${raw.length} names for ${list.length} enum values`;
  if (new Set(raw).size !== raw.length) return "two names are the same";
  const names = values.map((v) => {
    const i = list.findIndex((x) => JSON.stringify(x) === JSON.stringify(v));
    return i >= 0 ? (raw[i] as string) : String(v);
  });
  return new Set(names).size === names.length ? names : "a name is the same as another value";
}

let ts: typeof Ts | undefined;

/** One TypeScript type, reprinted from its syntax tree; or why the text is not one. */
export function parseTsType(text: string): { type: string } | { error: string } {
  // TypeScript is loaded only when some schema has a tsType (it comes with ts-morph).
  ts ??= loadTsMorph().ts as unknown as typeof Ts;
  const source = ts.createSourceFile("tsType.ts", `type T = ${text};`, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const parseErrors = (source as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics ?? [];
  const [only, ...more] = source.statements;
  if (parseErrors.length > 0 || !only || more.length > 0 || !ts.isTypeAliasDeclaration(only)) return { error: "it is not one TypeScript type" };
  let refused: string | undefined;
  const visit = (n: Ts.Node): void => {
    if (ts!.isImportTypeNode(n)) refused = "import(…) types are not accepted";
    else if (ts!.isTypeQueryNode(n)) refused = "typeof types are not accepted";
    else if (ts!.isComputedPropertyName(n)) refused = "computed member names are not accepted";
    else if ((ts!.isTemplateLiteralTypeSpan(n) || ts!.isTemplateHead(n) || ts!.isNoSubstitutionTemplateLiteral(n)) && /[\r\n]/.test(n.getText(source))) {
      refused = "template literal types with line breaks are not accepted";
    } else ts!.forEachChild(n, visit);
  };
  visit(only.type);
  if (refused) return { error: refused };
  const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
  // One line wherever it lands (the printer breaks type literals over lines; no line break is inside a literal).
  const printed = printer.printNode(ts.EmitHint.Unspecified, only.type, source).replace(/\n\s*/g, " ");
  // Parenthesized where a type operator could bind to its surroundings (`(A | B)[]`, `X & (() => void)`).
  const loose = [ts.SyntaxKind.UnionType, ts.SyntaxKind.IntersectionType, ts.SyntaxKind.FunctionType, ts.SyntaxKind.ConstructorType, ts.SyntaxKind.ConditionalType, ts.SyntaxKind.TypeOperator, ts.SyntaxKind.InferType];
  return { type: loose.includes(only.type.kind) ? `(${printed})` : printed };
}
