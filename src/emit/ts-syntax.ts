/**
 * The one place that turns untrusted text into code text. Every string literal, property key, JSDoc line and
 * JSON value that reaches generated TypeScript or JavaScript passes through here; structures are printed
 * verbatim by ts-morph, so nothing else escapes for us.
 */

const LINE_TERMINATORS = /\r\n|[\r\n\u2028\u2029\u0085]/g;

/** What JSON.stringify leaves that is unsafe in code: line/paragraph separators, a closing script tag. */
const NOT_JSON_SAFE = /[\u2028\u2029]|<\/script/i;

/** A double-quoted string literal, safe in TypeScript, JavaScript and JSON. */
export function quoteString(s: string): string {
  const json = JSON.stringify(s);
  // Most strings need nothing more than JSON's escaping: one scan decides.
  if (!NOT_JSON_SAFE.test(json)) return json;
  return json.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029").replace(/<\/(script)/gi, "<\\/$1");
}

/** A property name in a type or interface: bare when it is an identifier-like name, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : quoteString(name);
}

/** A key in a JavaScript object literal. `__proto__` is computed so it defines a member, not the prototype. */
export function objectLiteralKey(name: string): string {
  if (name === "__proto__") return `[${quoteString(name)}]`;
  return propertyKey(name);
}

/** Text for inside a JSDoc comment: no comment terminator, one kind of line break, no stray tags. */
export function jsDocText(s: string): string {
  // Control characters go first, so none can sit between `*` and `/`; `/*` is escaped too, because the
  // ts-morph writer reads it as the start of a comment and would close it early.
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .replace(LINE_TERMINATORS, "\n")
    .replace(/\*\//g, "*\\/")
    .replace(/\/\*/g, "/\\*")
    .replace(/^(\s*)@/gm, "$1\\@")
    .trim();
}

/** A JSDoc tag's text: one line. */
export function jsDocInline(s: string): string {
  return jsDocText(s).replace(/\n+/g, " ");
}

/**
 * JavaScript re-printed by a tool (esbuild, for the CommonJS build) with `</script` put back into its literals:
 * escaped again as `quoteString` escapes it. `</` can only stand in a string, template, regular expression or
 * comment of the code we emit, and `<\/` means the same in each of them.
 */
export function scriptSafe(js: string): string {
  return js.replace(/<\/(script)/gi, "<\\/$1");
}

/** A JSON value as a JavaScript expression (objects with `__proto__` keys stay plain members). */
export function jsValue(v: unknown): string {
  if (v === null || typeof v === "boolean") return String(v);
  if (typeof v === "number") return Number.isFinite(v) ? (Object.is(v, -0) ? "-0" : String(v)) : "null";
  if (typeof v === "string") return quoteString(v);
  if (Array.isArray(v)) return `[${v.map(jsValue).join(", ")}]`;
  if (typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${objectLiteralKey(k)}: ${jsValue(x)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return "undefined";
}

/** A JSON value as a TypeScript literal type (objects and arrays as readonly structural types). */
export function literalType(v: unknown): string {
  if (v === null || typeof v === "boolean") return String(v);
  if (typeof v === "number") return !Number.isFinite(v) ? "number" : v < 0 ? `-${Math.abs(v)}` : String(v);
  if (typeof v === "string") return quoteString(v);
  if (Array.isArray(v)) return `[${v.map(literalType).join(", ")}]`;
  if (typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${propertyKey(k)}: ${literalType(x)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join("; ")} }`;
  }
  return "unknown";
}

/** JSON text for a JSDoc tag (`@default`, `@example`), kept on one line when short. */
export function jsonForDoc(v: unknown): string {
  const one = JSON.stringify(v);
  return jsDocText(one !== undefined && one.length <= 80 ? one : JSON.stringify(v, null, 2) ?? "undefined");
}

/** A template literal type from literal parts and `${string}` holes (`null`): `` `x-${string}` ``. */
export function templateLiteralType(parts: readonly (string | null)[]): string {
  const text = parts
    .map((p) =>
      p === null
        ? "${string}"
        : p.replace(/[\\`$]|[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => ("\\`$".includes(c) ? `\\${c}` : `\\u{${c.codePointAt(0)!.toString(16)}}`)),
    )
    .join("");
  return `\`${text}\``;
}
