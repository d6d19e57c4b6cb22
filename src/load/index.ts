/**
 * The load stage: paths, folders and globs → parsed documents, in a stable order.
 * @see DESIGN.md "Pipeline" (load)
 */
import { isUtf8 } from "node:buffer";
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { glob } from "tinyglobby";
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { detectDialect, detectKind } from "./detect.js";
import { joinPointer, type Dialect, type Position, type SourceDocument } from "./document.js";
import { parseText } from "./parse.js";
import { offsetToPosition } from "./positions.js";

const SCHEMA_FILES = "**/*.{json,yaml,yml}";
const IGNORED = ["**/node_modules/**", "**/.git/**"];

/** Expands inputs into absolute file paths (sorted, unique), and the folders they came from (the input roots). */
export async function expandInputs(
  inputs: readonly string[],
  cwd: string,
  bag: DiagnosticBag,
): Promise<{ files: string[]; roots: string[] }> {
  const files = new Set<string>();
  const roots = new Set<string>();
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      roots.add(abs);
      for (const f of await glob(SCHEMA_FILES, { cwd: abs, absolute: true, ignore: IGNORED })) files.add(resolve(f));
    } else if (stat?.isFile()) {
      roots.add(resolve(abs, ".."));
      files.add(abs);
    } else {
      const matches = await glob(input, { cwd, absolute: true, ignore: IGNORED });
      if (matches.length === 0) {
        bag.report("input-not-found", { message: `no file or folder matches ${JSON.stringify(input)}` });
      }
      for (const f of matches) {
        files.add(resolve(f));
        roots.add(resolve(f, ".."));
      }
    }
  }
  return { files: [...files].sort(), roots: [...roots].sort() };
}

/**
 * Reads and parses one document. `fallbackDialect` is the dialect of a document without `$schema` (a document
 * read because another referenced it takes the referencing document's dialect).
 */
export function loadFile(path: string, bag: DiagnosticBag, referenceOnly = false, url?: string, fallbackDialect?: Dialect): SourceDocument | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    bag.report("read-failed", { message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, uri: path });
    return undefined;
  }
  // Decoding replaces invalid bytes with U+FFFD; only a file that shows one is decoded again strictly.
  const text = bytes.toString("utf8");
  if (text.includes("\uFFFD") && !isUtf8(bytes)) {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    bag.report("parse-failed", { message: utf16 ? "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8" : "the file is not valid UTF-8", uri: path });
    return undefined;
  }
  const parsed = parseText(text, path, bag);
  if (!parsed) return undefined;
  const json = parsed.json;
  if (typeof json !== "boolean" && (json === null || typeof json !== "object" || Array.isArray(json))) {
    bag.report("not-a-schema", { message: `expected an object or a boolean, found ${describeValue(json)}`, uri: path, pointer: "" });
    return undefined;
  }
  const deep = tooDeep(json);
  if (deep !== undefined) {
    const pos = parsed.format === "json" ? deepestOpening(text) : safeLocate(parsed.locate, deep);
    bag.report("too-deep", {
      message: `values are nested more than ${MAX_DEPTH} levels deep here; schemaforge stops at ${MAX_DEPTH}`,
      uri: path,
      pointer: deep,
      ...(pos ? { line: pos.line, column: pos.column } : {}),
    });
    return undefined;
  }
  const kind = detectKind(json);
  const dialect: Dialect = detectDialect(json, kind, fallbackDialect);
  return {
    url: url ?? pathToFileURL(path).href,
    path,
    json,
    kind,
    dialect,
    format: parsed.format,
    locate: parsed.locate,
    referenceOnly,
  };
}

/**
 * Deepest nesting of objects and arrays a document may have. Real schemas stay far below it; every later stage
 * (and TypeScript, reading the output) recurses along the nesting, so a 10,000-deep document is refused here
 * with a location instead of overflowing a stack somewhere later.
 */
export const MAX_DEPTH = 512;

/** The pointer of the first value nested deeper than MAX_DEPTH, or undefined (an iterative walk). */
function tooDeep(json: unknown): string | undefined {
  const stack: { value: unknown; depth: number; pointer: string }[] = [{ value: json, depth: 0, pointer: "" }];
  while (stack.length > 0) {
    const { value, depth, pointer } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_DEPTH) return pointer;
    for (const [k, v] of Object.entries(value)) {
      if (v !== null && typeof v === "object") stack.push({ value: v, depth: depth + 1, pointer: joinPointer(pointer, k) });
    }
  }
  return undefined;
}

/** Line and column of the bracket that opens level MAX_DEPTH + 1 of a JSON text (a scan, no parser). */
function deepestOpening(text: string): Position | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (depth++ === MAX_DEPTH) return offsetToPosition(text, i);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

/** A locator reads the text again with a recursive parser; on absurd nesting it may run out of stack. */
function safeLocate(locate: (pointer: string) => Position | undefined, pointer: string): Position | undefined {
  try {
    return locate(pointer);
  } catch {
    return undefined;
  }
}

function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return `a ${typeof v}`;
}
