/**
 * `patternProperties` keys as TypeScript template literal index signatures, where a template says EXACTLY
 * which names the regular expression matches (a wider template would force its type on names the pattern does
 * not cover — unsound; a narrower one is merely less precise). Understood: literal characters (escaped
 * punctuation included), `^` and `$`, and `.*` or `x*` at an unanchored end (they can match nothing, so
 * `f.*` is "contains f"). `^abc` → `abc${string}`, `X_` → `${string}X_${string}`, `\.json$` → `${string}.json`.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.2
 */

/** Literal text, or `null` for `${string}`. */
export type TemplatePart = string | null;

/** The template matching exactly the names `pattern` matches; undefined when there is none (or it is `string`). */
export function patternTemplate(pattern: string): TemplatePart[] | undefined {
  let body = pattern;
  const start = body.startsWith("^");
  if (start) body = body.slice(1);
  const trailingBackslashes = /(\\*)\$$/.exec(body)?.[1]?.length ?? -1;
  const end = trailingBackslashes >= 0 && trailingBackslashes % 2 === 0;
  if (end) body = body.slice(0, -1);
  // Unanchored ends may drop a `.*` or `x*`: they can match the empty string there.
  if (!end) body = body.replace(/(?:\.\*|[A-Za-z0-9_]\*)+$/, "");
  if (!start) body = body.replace(/^(?:\.\*|[A-Za-z0-9_]\*)+/, "");
  let literal = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === "\\") {
      const next = body[i + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return undefined;
      literal += next;
      i++;
      continue;
    }
    if ("^$.*+?()[]{}|".includes(c)) return undefined;
    literal += c;
  }
  const parts: TemplatePart[] = [...(start ? [] : [null]), ...(literal ? [literal] : []), ...(end ? [] : [null])];
  const collapsed = parts.filter((p, i) => !(p === null && parts[i - 1] === null));
  if (collapsed.length === 1 && collapsed[0] === null) return undefined;
  if (collapsed.every((p) => p !== null)) return undefined; // one exact name: not an index signature
  return collapsed;
}

/** Whether `name` is matched by the template (as TypeScript matches it: `${string}` is any text). */
export function templateMatches(parts: readonly TemplatePart[], name: string): boolean {
  const source = parts.map((p) => (p === null ? "[\\s\\S]*" : p.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&"))).join("");
  return new RegExp(`^${source}$`, "u").test(name);
}
