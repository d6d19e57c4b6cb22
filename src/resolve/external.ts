/**
 * Reading documents that `$ref`s point to but the inputs did not include. json-schema-ref-parser does the
 * reading and crawls their own external refs; our resolver and parser plugins decide what may be read:
 * files inside the input roots, and remote URLs only through `--map <url-prefix>=<folder>`. Nothing is fetched.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { isAbsolute, relative, resolve as resolvePath, sep } from "node:path";
import { existsSync, readFileSync } from "node:fs";
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { Dialect, SourceDocument } from "../load/document.js";
import { loadFile } from "../load/index.js";

export interface UrlMapping {
  prefix: string;
  folder: string;
}

export interface ExternalPolicy {
  roots: readonly string[];
  maps: readonly UrlMapping[];
}

export type ReadDecision = { path: string; url: string } | { refused: "outside-roots" | "remote"; url: string };

/** Where a resource URL may be read from, or why it may not. */
export function decideRead(url: string, policy: ExternalPolicy): ReadDecision {
  for (const m of policy.maps) {
    if (url.startsWith(m.prefix)) {
      const rest = decodeOrUndefined(url.slice(m.prefix.length));
      if (rest === undefined) return { refused: "outside-roots", url };
      const path = resolvePath(m.folder, rest);
      if (!inside(path, [m.folder])) return { refused: "outside-roots", url };
      return { path, url };
    }
  }
  let path: string | undefined;
  if (url.startsWith("file:")) {
    // A malformed %-escape cannot name a file (the resolver reports such a $ref as invalid where it is written).
    if (decodeOrUndefined(url) === undefined) return { refused: "outside-roots", url };
    path = fileURLToPath(url);
  }
  else if (isAbsolute(url)) path = url;
  if (path === undefined) return { refused: "remote", url };
  if (!inside(path, policy.roots)) return { refused: "outside-roots", url };
  return { path, url: pathToFileURL(path).href };
}

/** `decodeURIComponent`, or undefined for a malformed %-escape. */
export function decodeOrUndefined(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

export function inside(path: string, roots: readonly string[]): boolean {
  return roots.some((r) => {
    const rel = relative(r, path);
    return rel === "" || (rel !== ".." && !rel.startsWith(".." + sep) && !isAbsolute(rel));
  });
}

/**
 * Reads each URL (and what it references, transitively) through json-schema-ref-parser with our plugins.
 * Returns the documents read; refusals and read errors are reported to `bag` by the caller's `onRefused`.
 */
export async function readExternal(
  requests: readonly { url: string; dialect: Dialect }[],
  policy: ExternalPolicy,
  bag: DiagnosticBag,
  onRefused: (d: Extract<ReadDecision, { refused: string }>) => void,
  missingSeverity: "error" | "warning" = "error",
): Promise<SourceDocument[]> {
  const { $RefParser } = await import("@apidevtools/json-schema-ref-parser");
  const read = new Map<string, SourceDocument>();
  for (const { url, dialect } of requests) {
    const first = decideRead(url, policy);
    if ("refused" in first) {
      onRefused(first);
      continue;
    }
    if (!existsSync(first.path)) {
      bag.report("read-failed", { message: `referenced document ${url} not found at ${first.path}`, uri: first.path, severity: missingSeverity });
      continue;
    }
    const parser = new $RefParser();
    try {
      await parser.resolve(url, {
        continueOnError: true,
        resolve: {
          external: true,
          file: false,
          http: false,
          schemaforge: {
            order: 1,
            canRead: true,
            read: (file: { url: string }) => {
              const d = decideRead(file.url, policy);
              if ("refused" in d) {
                onRefused(d);
                throw new Error(`refused: ${file.url}`);
              }
              return readFileSync(d.path);
            },
          },
        },
        parse: {
          json: false,
          yaml: false,
          text: false,
          binary: false,
          schemaforge: {
            order: 1,
            canParse: true,
            allowEmpty: false,
            parse: (file: { url: string }) => {
              const d = decideRead(file.url, policy);
              if ("refused" in d) throw new Error(`refused: ${file.url}`);
              const doc = read.get(d.url) ?? loadFile(d.path, bag, true, d.url, dialect);
              if (!doc) throw new Error(`unreadable: ${file.url}`);
              read.set(d.url, doc);
              return doc.json as object;
            },
          },
        },
        // ref-parser types plugin maps as a closed record of its own plugins; ours are named entries it also accepts.
      } as never);
    } catch {
      // Errors were reported through the plugins; ref-parser's own group error adds nothing a user can act on.
    }
  }
  return [...read.values()];
}
