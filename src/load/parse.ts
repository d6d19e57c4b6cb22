/**
 * Text → JSON value. JSON first (fast path); on a JSON syntax error the text is read as YAML 1.2 and a warning
 * gives the JSON error's line:column, so a nearly-JSON file (raw newlines inside strings) still loads.
 */
import { parse as parseJsonc, printParseErrorCode, visit, type ParseError } from "jsonc-parser";
import { load as loadYamlFast } from "js-yaml";
import { LineCounter, parseDocument } from "yaml";
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { Position } from "./document.js";
import { jsonLocator, offsetToPosition, yamlLocator } from "./positions.js";

export interface Parsed {
  json: unknown;
  format: "json" | "yaml";
  locate(pointer: string): Position | undefined;
}

const YAML_OPTIONS = { version: "1.2", uniqueKeys: true, maxAliasCount: 1000, prettyErrors: false } as const;

export function parseText(text: string, path: string, bag: DiagnosticBag): Parsed | undefined {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const yamlByName = /\.ya?ml$/i.test(path);
  if (!yamlByName) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      const err = firstJsonError(text, (e as Error).message);
      const parsed = parseYaml(text, path, bag, true);
      if (parsed) {
        bag.report("json-fallback-yaml", {
          message: `invalid JSON (${err.what}) at ${err.pos.line}:${err.pos.column}; read as YAML 1.2`,
          uri: path,
          line: err.pos.line,
          column: err.pos.column,
        });
        return parsed;
      }
      bag.report("parse-failed", {
        message: `invalid JSON: ${err.what}`,
        uri: path,
        line: err.pos.line,
        column: err.pos.column,
      });
      return undefined;
    }
    if (keySeparators(text) !== memberCount(json)) reportDuplicateKeys(text, path, bag);
    return { json, format: "json", locate: jsonLocator(text) };
  }
  return parseYaml(text, path, bag, false);
}

/**
 * The `:` outside strings of a valid JSON text: one per object member written. More than the parsed value has
 * members means a key was repeated — the cheap test that spares almost every file the full scan below.
 */
function keySeparators(text: string): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x3a) count++;
  }
  return count;
}

function memberCount(value: unknown): number {
  let count = 0;
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) for (const item of v) stack.push(item);
    else
      for (const key in v) {
        count++;
        stack.push((v as Record<string, unknown>)[key]);
      }
  }
  return count;
}

/**
 * JSON.parse keeps the last of two same-named members without a word; other tools keep the first, so a schema
 * with duplicates means different things to different readers. Each repeat is a warning at its key.
 */
function reportDuplicateKeys(text: string, path: string, bag: DiagnosticBag): void {
  const open: Set<string>[] = [];
  let reported = 0;
  try {
    visit(text, {
      onObjectBegin: () => void open.push(new Set()),
      onObjectEnd: () => void open.pop(),
      onObjectProperty: (name, offset) => {
        const keys = open[open.length - 1]!;
        if (!keys.has(name)) {
          keys.add(name);
          return;
        }
        if (reported++ >= 5) return;
        const pos = offsetToPosition(text, offset);
        bag.report("json-duplicate-key", { message: `duplicate key ${JSON.stringify(name)}; the last one is used`, uri: path, line: pos.line, column: pos.column });
      },
    });
  } catch {
    // jsonc-parser recurses along the nesting; a document deep enough to exhaust the stack is refused later anyway.
  }
}

function firstJsonError(text: string, v8Message: string): { what: string; pos: Position } {
  // V8 names the exact offending offset ("... at position 586"); jsonc-parser is the fallback for other messages.
  const at = /at position (\d+)/.exec(v8Message);
  if (at) {
    const offset = Number(at[1]);
    const ch = text.charAt(offset);
    const what = ch === "\n" || ch === "\r" ? "raw line break inside a string" : v8Message.replace(/ in JSON at position.*$/s, "").toLowerCase();
    return { what, pos: offsetToPosition(text, offset) };
  }
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return { what: "syntax error", pos: { line: 1, column: 1 } };
  return { what: describeJsonError(printParseErrorCode(first.error), text, first.offset), pos: offsetToPosition(text, first.offset) };
}

function describeJsonError(code: string, text: string, offset: number): string {
  const ch = text.charAt(offset);
  if (code === "InvalidCharacter" && (ch === "\n" || ch === "\r")) return "raw line break inside a string";
  if (code === "InvalidCharacter") return `unexpected character ${JSON.stringify(ch)}`;
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** An alias (`*name`) in the text: such documents go through `yaml`, which bounds alias expansion. */
const MAY_HAVE_ALIAS = /(^|[\s[{,:-])\*[^\s,\]}*]/m;

function parseYaml(text: string, path: string, bag: DiagnosticBag, quiet: boolean): Parsed | undefined {
  // Fast path: js-yaml (YAML 1.2 core schema, duplicate keys rejected) for the value; the `yaml` document,
  // which knows source positions, is built only if a diagnostic needs a location.
  if (!MAY_HAVE_ALIAS.test(text)) {
    try {
      const json = loadYamlFast(text, { json: false });
      let locate: ((pointer: string) => Position | undefined) | undefined;
      return {
        json,
        format: "yaml",
        locate: (pointer) => {
          if (!locate) {
            const lineCounter = new LineCounter();
            locate = yamlLocator(parseDocument(text, { ...YAML_OPTIONS, lineCounter }), lineCounter);
          }
          return locate(pointer);
        },
      };
    } catch {
      // Fall through: the `yaml` parser reports the error with its position.
    }
  }
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  } catch (e) {
    // The YAML parser recurses along the nesting: a stack overflow is reported as what it is.
    if (quiet) return undefined;
    bag.report("too-deep", { message: `nested too deeply for the YAML parser (${(e as Error).message})`, uri: path });
    return undefined;
  }
  if (doc.errors.length > 0) {
    if (quiet) return undefined;
    for (const e of doc.errors.slice(0, 5)) {
      const at = lineCounter.linePos(e.pos[0]);
      const pos = e.linePos?.[0] ?? { line: at.line, col: at.col };
      const duplicate = e.code === "DUPLICATE_KEY";
      const overflow = /call stack/i.test(e.message);
      bag.report(duplicate ? "yaml-duplicate-key" : overflow ? "too-deep" : "parse-failed", {
        message: overflow ? "nested too deeply for the YAML parser (it ran out of stack)" : `invalid YAML: ${e.message.split("\n")[0]}`,
        uri: path,
        ...(pos ? { line: pos.line, column: pos.col } : {}),
      });
    }
    return undefined;
  }
  let json: unknown;
  try {
    json = doc.toJS({ maxAliasCount: YAML_OPTIONS.maxAliasCount });
  } catch (e) {
    if (quiet) return undefined;
    bag.report("parse-failed", { message: `invalid YAML: ${(e as Error).message}`, uri: path });
    return undefined;
  }
  return { json, format: "yaml", locate: yamlLocator(doc, lineCounter) };
}
