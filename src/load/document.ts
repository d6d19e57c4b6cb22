/** What the load stage hands on: one parsed document, and a way back from a JSON pointer to its source position. */
export type DocumentKind = "json-schema" | "openapi";

/** Dialects the normalize stage understands; `unknown` documents are read as 2020-12. */
export type Dialect = "draft-04" | "draft-06" | "draft-07" | "2019-09" | "2020-12" | "openapi-3.0" | "openapi-3.1";

export interface Position {
  line: number;
  column: number;
}

export interface SourceDocument {
  /** Absolute `file://` URL, or the URL the document stands for (a `--map`ped remote). The key of the registry. */
  url: string;
  /** Path on disk, for diagnostics. */
  path: string;
  json: unknown;
  kind: DocumentKind;
  dialect: Dialect;
  format: "json" | "yaml";
  /** Maps a JSON pointer to line:column (1-based); undefined when the pointer does not exist. */
  locate(pointer: string): Position | undefined;
  /** True for documents read only to serve references (--components, --map, ref-parser reads), not as inputs. */
  referenceOnly: boolean;
}

/** Splits a JSON pointer into unescaped tokens ("" → []). */
export function pointerTokens(pointer: string): string[] {
  if (pointer === "" || pointer === "#") return [];
  const p = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  return p
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function escapeToken(token: string): string {
  // Most tokens (keywords, names, indexes) need nothing: this runs for every schema node a run visits.
  if (token.indexOf("~") < 0 && token.indexOf("/") < 0) return token;
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  let out = base;
  for (const t of tokens) out += "/" + (typeof t === "number" ? String(t) : escapeToken(t));
  return out;
}

/** Reads the value at `pointer` in `root`, or undefined. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const raw of pointerTokens(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(raw)) return undefined;
      node = node[Number(raw)];
    } else if (node !== null && typeof node === "object") {
      if (!Object.prototype.hasOwnProperty.call(node, raw)) return undefined;
      node = (node as Record<string, unknown>)[raw];
    } else {
      return undefined;
    }
  }
  return node;
}
