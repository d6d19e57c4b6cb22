/**
 * A small, safe builder for generated JavaScript (the validators). `js` is a tagged template: interpolated
 * `Code` is inserted as it is, every other value becomes a literal through the escaping module — so a schema
 * string can never become code by accident. Identifiers are made only by the compiler (`name`).
 */
import { jsValue } from "./ts-syntax.js";
import { flat } from "../util/flat.js";

export class Code {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function js(strings: TemplateStringsArray, ...values: unknown[]): Code {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += v instanceof Code ? v.text : jsValue(v);
    out += strings[i + 1]!;
  });
  return new Code(out);
}

/** An identifier the compiler made (checked). */
export function name(id: string): Code {
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(id)) throw new Error(`not an identifier: ${id}`);
  return new Code(id);
}

export function join(parts: readonly Code[], sep: string): Code {
  return new Code(parts.map((p) => p.text).join(sep));
}

/** Statements, one per line. */
export function lines(parts: readonly Code[]): Code {
  return join(parts, "\n");
}

/**
 * Indents generated JavaScript by brace depth (two spaces a level), so the emitted validators read like
 * hand-written code. Only for code this toolkit builds: strings are double-quoted (the escaping module), and
 * there are no template literals, regex literals or comments, so braces inside strings are the only trap.
 */
export function indentJs(text: string): string {
  let depth = 0;
  const out: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    let opens = 0;
    let leadingCloses = 0;
    let seenCode = false;
    let inString = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (inString) {
        if (c === "\\") i++;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') inString = true;
      else if (c === "{" || c === "(" || c === "[") opens++;
      else if (c === "}" || c === ")" || c === "]") {
        if (!seenCode) leadingCloses++;
        opens--;
        continue;
      }
      if (c !== " ") seenCode = true;
    }
    out.push("  ".repeat(Math.max(0, depth - leadingCloses)) + line);
    depth = Math.max(0, depth + opens);
  }
  return out.join("\n");
}

/**
 * A generated JavaScript module: the banner, then each statement on its own lines. Written directly rather
 * than through ts-morph's printer: the text is JavaScript this module built (and indented), and the printer's
 * writer would only re-scan every character of it — about 0.05 s on the Cognito corpus's validators.
 */
export function jsModule(banner: string, statements: readonly string[]): string {
  let out = banner + "\n";
  for (const s of statements) out += s.endsWith("\n") ? s : s + "\n";
  return flat(out);
}
