/**
 * The schema registry: every loaded document, every `$id` resource and `$anchor`, and the component index used
 * by the component fallback. Built once per run by walking each document; lookups afterwards are map reads.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2 ($id, $anchor)
 */
import type { Dialect, SourceDocument } from "../load/document.js";
import { joinPointer } from "../load/document.js";
import { documentRoots, forEachSubschema, isSchemaObject } from "./walk.js";
import { memoized } from "../util/memo.js";

export interface Location {
  doc: SourceDocument;
  pointer: string;
}

export interface ComponentEntry extends Location {
  /** The component key (OpenAPI) or title (JSON Schema root) it is indexed by. */
  name: string;
  namespace: string;
}

/** Resolves `ref` against `base`; returns the absolute URI, or undefined when it is not a valid URI reference. */
export function resolveUri(ref: string, base: string): string | undefined {
  // The common case, `#/…` against a base the URL parser leaves as it is, needs no parsing: the base without its
  // fragment, then the fragment as written (when it holds no character the URL standard would percent-encode).
  if (ref.charCodeAt(0) === 0x23 && PLAIN_FRAGMENT.test(ref)) {
    const h = base.indexOf("#");
    const resource = h < 0 ? base : base.slice(0, h);
    if (isNormalUrl(resource)) return resource + ref;
  }
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
}

const PLAIN_FRAGMENT = /^#[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*$/;
/** Whether `uri` is an absolute URL that the URL parser would serialize unchanged (answered once per URL). */
const isNormalUrl = memoized((uri: string): boolean => {
  try {
    return new URL(uri).href === uri;
  } catch {
    return false;
  }
});

export function splitFragment(uri: string): { resource: string; fragment: string } {
  const i = uri.indexOf("#");
  if (i < 0) return { resource: uri, fragment: "" };
  return { resource: uri.slice(0, i), fragment: decodeFragment(uri.slice(i + 1)) };
}

function decodeFragment(f: string): string {
  try {
    return decodeURIComponent(f);
  } catch {
    return f;
  }
}

const DRAFTS_WITH_ID = new Set<Dialect>(["draft-04"]);
const DRAFTS_WITH_PLAIN_NAME_ID = new Set<Dialect>(["draft-04", "draft-06", "draft-07"]);
const REF_HIDES_SIBLINGS = new Set<Dialect>(["draft-04", "draft-06", "draft-07", "openapi-3.0"]);

export class Registry {
  readonly documents = new Map<string, SourceDocument>();
  /** Absolute resource URI (no fragment) → where that resource's root is. */
  readonly resources = new Map<string, Location>();
  /** `uri#anchor` → location. */
  readonly anchors = new Map<string, Location>();
  /** Base URI of each schema object that declares an `$id` (so the model can follow base changes). */
  readonly baseOf = new WeakMap<object, string>();
  /** Component name → entries, across namespaces. */
  readonly components = new Map<string, ComponentEntry[]>();
  readonly namespaceOf = new Map<SourceDocument, string>();
  readonly duplicateIds: { uri: string; first: Location; second: Location }[] = [];
  /** Every `$ref` seen, with the base URI it resolves against (for reading referenced documents up front). */
  readonly refs: { doc: SourceDocument; pointer: string; ref: string; base: string }[] = [];
  /** Every key of every schema object of every document: what later stages ask "is X used anywhere?" of. */
  readonly keywords = new Set<string>();

  add(doc: SourceDocument, namespace: string): void {
    if (this.documents.has(doc.url)) return;
    this.documents.set(doc.url, doc);
    this.namespaceOf.set(doc, namespace);
    this.setResource(doc.url, { doc, pointer: "" });
    for (const root of documentRoots(doc.json, doc.kind)) {
      this.walk(doc, root.schema, joinPointer("", ...root.tokens), doc.url);
    }
    this.indexComponents(doc, namespace);
  }

  private setResource(uri: string, loc: Location): void {
    const prev = this.resources.get(uri);
    if (prev && (prev.doc !== loc.doc || prev.pointer !== loc.pointer)) {
      if (prev.doc.url !== uri) this.duplicateIds.push({ uri, first: prev, second: loc });
      return;
    }
    this.resources.set(uri, loc);
  }

  private walk(doc: SourceDocument, schema: unknown, pointer: string, base: string): void {
    // Iterative, so 10,000-deep nesting does not grow the stack.
    const stack: [unknown, string, string][] = [[schema, pointer, base]];
    while (stack.length > 0) {
      const [node, ptr, parentBase] = stack.pop()!;
      if (!isSchemaObject(node)) continue;
      let nodeBase = parentBase;
      const idKey = DRAFTS_WITH_ID.has(doc.dialect) ? "id" : "$id";
      // In drafts up to 7 (and OpenAPI 3.0) `$ref` hides its siblings: a sibling `$id` changes nothing.
      const hidden = typeof node.$ref === "string" && REF_HIDES_SIBLINGS.has(doc.dialect);
      const id = hidden ? undefined : node[idKey];
      if (typeof id === "string") {
        if (id.startsWith("#") && DRAFTS_WITH_PLAIN_NAME_ID.has(doc.dialect)) {
          this.anchors.set(splitFragment(parentBase).resource + id, { doc, pointer: ptr });
        } else {
          const abs = resolveUri(id, parentBase);
          if (abs !== undefined) {
            const { resource, fragment } = splitFragment(abs);
            nodeBase = resource;
            this.baseOf.set(node, resource);
            if (fragment === "") this.setResource(resource, { doc, pointer: ptr });
            else if (DRAFTS_WITH_PLAIN_NAME_ID.has(doc.dialect)) this.anchors.set(`${resource}#${fragment}`, { doc, pointer: ptr });
          }
        }
      }
      if (typeof node.$ref === "string") this.refs.push({ doc, pointer: ptr, ref: node.$ref, base: nodeBase });
      for (const k of Object.keys(node)) this.keywords.add(k);
      for (const key of ["$anchor", "$dynamicAnchor"] as const) {
        const anchor = node[key];
        if (typeof anchor === "string") {
          const k = `${splitFragment(nodeBase).resource}#${anchor}`;
          if (!this.anchors.has(k)) this.anchors.set(k, { doc, pointer: ptr });
        }
      }
      forEachSubschema(node, (sub, tokens) => stack.push([sub, joinPointer(ptr, ...tokens), nodeBase]));
    }
  }

  private indexComponents(doc: SourceDocument, namespace: string): void {
    const push = (name: string, pointer: string) => {
      const list = this.components.get(name) ?? [];
      if (!list.some((e) => e.doc === doc && e.pointer === pointer)) list.push({ doc, pointer, name, namespace });
      this.components.set(name, list);
    };
    if (doc.kind === "openapi") {
      for (const root of documentRoots(doc.json, "openapi")) push(root.name!, joinPointer("", ...root.tokens));
    } else if (isSchemaObject(doc.json) && typeof doc.json.title === "string") {
      push(doc.json.title, "");
    }
  }

  /** Candidates for the component fallback of `name`, seen from `namespace`. */
  componentCandidates(name: string, namespace: string): { local: ComponentEntry[]; all: ComponentEntry[] } {
    const all = this.components.get(name) ?? [];
    return { local: all.filter((e) => e.namespace === namespace), all };
  }
}

/** The base URI in force at `pointer` of `doc` (the document URL, changed by every `$id` on the way down). */
export function baseAt(registry: Registry, doc: SourceDocument, pointer: string): string {
  let base = doc.url;
  let node: unknown = doc.json;
  const check = () => {
    if (node !== null && typeof node === "object") base = registry.baseOf.get(node) ?? base;
  };
  check();
  if (pointer === "") return base;
  for (const token of pointer.slice(1).split("/")) {
    const key = token.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object") break;
    node = (node as Record<string, unknown>)[key];
    check();
  }
  return base;
}
