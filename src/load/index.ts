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
import type { Dialect, SourceDocument } from "./document.js";
import { parseText } from "./parse.js";

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
    bag.report("parse-failed", { message: "the file is not valid UTF-8", uri: path });
    return undefined;
  }
  const parsed = parseText(text, path, bag);
  if (!parsed) return undefined;
  const json = parsed.json;
  if (typeof json !== "boolean" && (json === null || typeof json !== "object" || Array.isArray(json))) {
    bag.report("not-a-schema", { message: `expected an object or a boolean, found ${describeValue(json)}`, uri: path, pointer: "" });
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

function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return `a ${typeof v}`;
}
