/**
 * The schema graph as templates that compile schemas (the validators) see it: the canonical form of each schema
 * node, its subschemas, and where each `$ref` leads. Built over the registry and resolver of a run, so
 * validators and types read one resolution.
 */
import type { SourceDocument } from "../load/document.js";
import { getAtPointer, joinPointer } from "../load/document.js";
import { normalizeNode, type CanonicalNode } from "../normalize/index.js";
import { baseAt, type Registry } from "../resolve/registry.js";
import type { Resolver } from "../resolve/index.js";
import { isSchemaObject } from "../resolve/walk.js";

export interface SchemaSite {
  doc: SourceDocument;
  /** JSON pointer of the node in its document, as written. */
  pointer: string;
  /** Base URI in force at the node (after its own `$id`). */
  base: string;
  raw: unknown;
}

export interface SchemaGraph {
  /** The site of a declaration (`url#pointer`). */
  site(declarationId: string): SchemaSite;
  canonical(site: SchemaSite): CanonicalNode | undefined;
  /** The subschema under `tokens` (canonical keyword first, then raw tokens). */
  sub(site: SchemaSite, tokens: (string | number)[]): SchemaSite;
  /** Where a `$ref`/`$dynamicRef` written at `site` leads; undefined when it does not resolve. */
  resolve(ref: string, site: SchemaSite): SchemaSite | undefined;
  /** The schema resource (`$id` scope) a site belongs to: its base URI. */
  resourceOf(site: SchemaSite): string;
  /** Sites carrying `$dynamicAnchor: name` (or `$recursiveAnchor: true` for name ""), by resource base URI. */
  dynamicAnchors(name: string): Map<string, SchemaSite>;
  /** Resources (base URIs) that declare a `$dynamicAnchor` or `$recursiveAnchor: true`. */
  dynamicResources(): Set<string>;
  /** Stable key of a site. */
  key(site: SchemaSite): string;
  /** Whether any schema object of any document uses `keyword`. */
  uses(keyword: string): boolean;
  /**
   * The vocabularies a document's metaschema declares (`$vocabulary` of the loaded document its `$schema`
   * names), or undefined for the standard metaschemas and unknown ones (every vocabulary applies).
   */
  vocabularies(doc: SourceDocument): Set<string> | undefined;
}

export function schemaGraph(registry: Registry, resolver: Resolver): SchemaGraph {
  const at = (doc: SourceDocument, pointer: string, base?: string): SchemaSite => {
    const raw = getAtPointer(doc.json, pointer);
    const b = base ?? baseAt(registry, doc, pointer);
    return { doc, pointer, base: (isSchemaObject(raw) && registry.baseOf.get(raw)) || b, raw };
  };
  let anchorsByName: Map<string, Map<string, SchemaSite>> | undefined;
  const graph: SchemaGraph = {
    site(id) {
      const i = id.indexOf("#");
      const doc = registry.documents.get(id.slice(0, i))!;
      return at(doc, id.slice(i + 1));
    },
    canonical(site) {
      // normalizeNode memoizes per schema object and dialect.
      return isSchemaObject(site.raw) ? normalizeNode(site.raw, site.doc.dialect) : undefined;
    },
    sub(site, tokens) {
      const c = graph.canonical(site);
      const [first, ...rest] = tokens;
      const rawFirst = typeof first === "string" && c ? (c.origin[first] ?? first) : first!;
      let raw: unknown = c && typeof first === "string" ? c.schema[first] : undefined;
      for (const t of rest) raw = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>)[String(t)] : undefined;
      const pointer = joinPointer(site.pointer, rawFirst, ...rest);
      return { doc: site.doc, pointer, base: (isSchemaObject(raw) && registry.baseOf.get(raw)) || site.base, raw };
    },
    resolve(ref, site) {
      const r = resolver.resolve(ref, site.base, { doc: site.doc, pointer: site.pointer });
      return r.ok ? at(r.target.doc, r.target.pointer) : undefined;
    },
    resourceOf(site) {
      const h = site.base.indexOf("#");
      return h < 0 ? site.base : site.base.slice(0, h);
    },
    dynamicAnchors(name) {
      if (!anchorsByName) {
        anchorsByName = new Map();
        for (const [key, loc] of registry.anchors) {
          const s = at(loc.doc, loc.pointer);
          if (!isSchemaObject(s.raw)) continue;
          const resource = key.slice(0, key.indexOf("#"));
          const anchor = key.slice(key.indexOf("#") + 1);
          if (s.raw.$dynamicAnchor === anchor) {
            const m = anchorsByName.get(anchor) ?? new Map<string, SchemaSite>();
            m.set(resource, s);
            anchorsByName.set(anchor, m);
          }
        }
        const recursive = new Map<string, SchemaSite>();
        for (const [uri, loc] of registry.resources) {
          const s = at(loc.doc, loc.pointer);
          if (isSchemaObject(s.raw) && s.raw.$recursiveAnchor === true) recursive.set(uri, s);
        }
        anchorsByName.set("", recursive);
      }
      return anchorsByName.get(name) ?? new Map();
    },
    key(site) {
      return `${site.doc.url}#${site.pointer}`;
    },
    dynamicResources() {
      const out = new Set<string>();
      for (const [key, loc] of registry.anchors) {
        const s = at(loc.doc, loc.pointer);
        const anchor = key.slice(key.indexOf("#") + 1);
        if (isSchemaObject(s.raw) && s.raw.$dynamicAnchor === anchor) out.add(key.slice(0, key.indexOf("#")));
      }
      for (const uri of graph.dynamicAnchors("").keys()) out.add(uri);
      return out;
    },
    vocabularies(doc) {
      const uri = isSchemaObject(doc.json) && typeof doc.json.$schema === "string" ? doc.json.$schema.replace(/#$/, "") : undefined;
      const meta = uri === undefined ? undefined : registry.resources.get(uri);
      const raw = meta ? at(meta.doc, meta.pointer).raw : undefined;
      if (!isSchemaObject(raw) || !isSchemaObject(raw.$vocabulary)) return undefined;
      return new Set(Object.keys(raw.$vocabulary));
    },
    uses(keyword) {
      // The registry saw every schema object's keys while it indexed the documents.
      return registry.keywords.has(keyword);
    },
  };
  return graph;
}
