/**
 * The model stage: schema graph → declarations of `TypeNode`s. Each schema object is normalized (one node at a
 * time) and read keyword family by keyword family; `$ref`s become edges to declarations, so cycles stay edges.
 * @see DESIGN.md "Pipeline" (model) and "Names and namespaces"
 */
import { basename } from "node:path";
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { getAtPointer, joinPointer, type Dialect, type SourceDocument } from "../load/document.js";
import { normalizeNode } from "../normalize/index.js";
import { reportUnknownKeywords } from "../normalize/unknown-keywords.js";
import { baseAt, type Location, type Registry } from "../resolve/registry.js";
import type { Resolver } from "../resolve/index.js";
import { documentRoots, isSchemaObject, type SchemaObject } from "../resolve/walk.js";
import { stemWords } from "../naming/namespace.js";
import type { Declaration, DeclarationOrigin, Docs, Model, TypeNode } from "./ir.js";
import { schemaGraph, type SchemaGraph } from "./graph.js";
import { mergeDocs, readConstraints, readDocs } from "./keywords/annotations.js";
import { buildOwnType, isEmptyUnknown } from "./keywords/types.js";
import { buildComposition } from "./keywords/composition.js";
import { applyExtensions } from "./keywords/extensions.js";
import { applyOpenApi } from "./keywords/openapi.js";

export interface BuildContext {
  /** Builds the type of a subschema found at `tokens` below the current schema. */
  sub(tokens: (string | number)[], raw: unknown): TypeNode;
  /** The raw keyword a canonical keyword was read from (for locations). */
  rawKey(keyword: string): string;
  ref(ref: string): TypeNode;
  /** Reports a finding about the current schema (at `keyword`, a path below it). */
  report(code: "enum-type-mismatch" | "discriminator-unmatched" | "ts-type-invalid" | "ts-enum-names-invalid", message: string, keyword: (string | number)[]): void;
  /** The dialect of the current schema's document. */
  dialect: Dialect;
}

interface Site {
  doc: SourceDocument;
  pointer: string;
  base: string;
}

export class ModelBuilder {
  private readonly declarations = new Map<string, Declaration>();
  private readonly queue: Declaration[] = [];
  private graph: SchemaGraph | undefined;

  constructor(
    private readonly registry: Registry,
    private readonly resolver: Resolver,
    private readonly bag: DiagnosticBag,
  ) {}

  build(): Model {
    const docs = [...this.registry.documents.values()].filter((d) => !d.referenceOnly);
    docs.sort((a, b) => a.url.localeCompare(b.url));
    reportUnknownKeywords(docs, this.bag, this.registry.keywords);
    for (const doc of docs) this.declareDocument(doc);
    for (let i = 0; i < this.queue.length; i++) this.fill(this.queue[i]!);
    const declarations = [...this.declarations.values()].sort(
      (a, b) => a.namespace.localeCompare(b.namespace) || a.source.uri.localeCompare(b.source.uri) || a.source.pointer.localeCompare(b.source.pointer),
    );
    return { declarations, byId: this.declarations };
  }

  private declareDocument(doc: SourceDocument): void {
    if (doc.kind === "openapi") {
      for (const root of documentRoots(doc.json, "openapi")) this.declare({ doc, pointer: joinPointer("", ...root.tokens) }, "component");
      return;
    }
    this.declare({ doc, pointer: "" }, "root");
    const json = doc.json;
    if (!isSchemaObject(json)) return;
    for (const defs of ["$defs", "definitions"]) {
      const map = json[defs];
      if (isSchemaObject(map)) for (const key of Object.keys(map)) this.declare({ doc, pointer: joinPointer("", defs, key) }, "def");
    }
  }

  /** The declaration for a location, created (and queued for building) on first use. */
  declare(loc: Location, origin?: DeclarationOrigin): Declaration {
    const id = `${loc.doc.url}#${loc.pointer}`;
    const existing = this.declarations.get(id);
    if (existing) return existing;
    const decl: Declaration = {
      id,
      namespace: this.registry.namespaceOf.get(loc.doc) ?? "",
      nameHints: nameHints(loc, this.rawAt(loc)),
      name: "",
      origin: origin ?? originOf(loc),
      type: { kind: "unknown" },
      source: { uri: loc.doc.path, url: loc.doc.url, pointer: loc.pointer },
    };
    this.declarations.set(id, decl);
    this.queue.push(decl);
    return decl;
  }

  private rawAt(loc: Location): unknown {
    return getAtPointer(loc.doc.json, loc.pointer);
  }

  private fill(decl: Declaration): void {
    const loc = { doc: this.registry.documents.get(decl.source.url)!, pointer: decl.source.pointer };
    decl.type = this.schema(this.rawAt(loc), { ...loc, base: baseAt(this.registry, loc.doc, loc.pointer) });
  }

  /** One schema object → its type. */
  schema(raw: unknown, site: Site): TypeNode {
    if (raw === true) return { kind: "unknown" };
    if (raw === false) return { kind: "never" };
    if (!isSchemaObject(raw)) return { kind: "unknown" };
    const canonical = normalizeNode(raw, site.doc.dialect);
    const s: SchemaObject = canonical.schema;
    const base = this.registry.baseOf.get(raw) ?? site.base;
    const ctx: BuildContext = {
      sub: (tokens, child) => {
        const [first, ...rest] = tokens;
        const rawFirst = typeof first === "string" ? (canonical.origin[first] ?? first) : first!;
        return this.schema(child, { doc: site.doc, pointer: joinPointer(site.pointer, rawFirst, ...rest), base });
      },
      rawKey: (k) => canonical.origin[k] ?? k,
      dialect: site.doc.dialect,
      ref: (ref) => this.ref(ref, { ...site, base }),
      report: (code, message, tokens) => {
        const [first, ...rest] = tokens;
        const pointer = joinPointer(site.pointer, typeof first === "string" ? (canonical.origin[first] ?? first) : first!, ...rest);
        const pos = site.doc.locate(pointer);
        this.bag.report(code, { message, uri: site.doc.path, pointer, ...(pos ? { line: pos.line, column: pos.column } : {}) });
      },
    };
    let docs = readDocs(s);
    const parts: TypeNode[] = [];
    if (typeof s.$ref === "string") parts.push(ctx.ref(s.$ref));
    for (const k of ["$dynamicRef", "$recursiveRef"] as const) {
      if (typeof s[k] === "string") parts.push(this.dynamicRef(k, s[k] as string, { ...site, base }));
    }
    const composed = buildComposition(s, ctx);
    parts.push(...composed.parts);
    docs = mergeDocs(docs, composed.docs);
    const own = buildOwnType(s, ctx);
    if (!isEmptyUnknown(own)) parts.push(own);
    const useful = parts.filter((p) => !isEmptyUnknown(p));
    let node: TypeNode;
    if (useful.length === 0) node = { kind: "unknown" };
    else if (useful.length === 1) node = { ...useful[0]! };
    else node = { kind: "intersection", members: useful };
    if (docs) node.docs = mergeDocs(docs, node.kind === "ref" ? undefined : node.docs);
    const constraints = readConstraints(s);
    if (constraints && node.kind !== "ref") node.constraints = { ...node.constraints, ...constraints };
    else if (constraints) node.constraints = constraints;
    return applyOpenApi(s, applyExtensions(s, node, ctx), ctx);
  }

  /**
   * `$dynamicRef` / `$recursiveRef`: the static target, and — when that target carries the matching
   * `$dynamicAnchor` (`$recursiveAnchor: true`) — every schema of the run that carries it too, since the
   * dynamic scope may lead to any of them: their union is a sound type.
   */
  private dynamicRef(keyword: "$dynamicRef" | "$recursiveRef", ref: string, site: Site): TypeNode {
    this.graph ??= schemaGraph(this.registry, this.resolver);
    const g = this.graph;
    const target = g.resolve(ref, { ...site, raw: undefined });
    if (!target) return this.ref(ref, site);
    const fragment = ref.includes("#") ? decodeURIComponent(ref.slice(ref.indexOf("#") + 1)) : "";
    const name = keyword === "$recursiveRef" ? "" : fragment;
    const raw = target.raw;
    const dynamic =
      isSchemaObject(raw) && (keyword === "$recursiveRef" ? raw.$recursiveAnchor === true : name !== "" && !name.startsWith("/") && raw.$dynamicAnchor === name);
    const sites = [target, ...(dynamic ? g.dynamicAnchors(name).values() : [])];
    const ids = [...new Set(sites.map((t) => this.declare({ doc: t.doc, pointer: t.pointer }).id))];
    const members: TypeNode[] = ids.map((id) => ({ kind: "ref", target: id }));
    // Several possible targets: the union is wider than what one evaluation path allows.
    return members.length === 1 ? members[0]! : { kind: "union", members, docs: { widened: [keyword] } };
  }

  private ref(ref: string, site: Site): TypeNode {
    const result = this.resolver.resolve(ref, site.base, { doc: site.doc, pointer: site.pointer });
    if (!result.ok) return { kind: "unknown", docs: { notes: [`The schema's reference ${ref} could not be resolved; typed as unknown.`] } };
    return { kind: "ref", target: this.declare(result.target).id };
  }
}

function originOf(loc: Location): DeclarationOrigin {
  if (loc.pointer === "") return "root";
  if (/^\/components\/schemas\/[^/]+$/.test(loc.pointer)) return "component";
  if (/^\/(\$defs|definitions)\/[^/]+$/.test(loc.pointer)) return "def";
  return "referenced";
}

/** Name candidates: component or `$defs` key, then title, then file stem; for other locations, the path. */
function nameHints(loc: Location, raw: unknown): string[] {
  const hints: string[] = [];
  const tokens = loc.pointer === "" ? [] : loc.pointer.slice(1).split("/").map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
  const title = isSchemaObject(raw) && typeof raw.title === "string" ? raw.title : undefined;
  const stem = stemWords(loc.doc.path).join("-") || basename(loc.doc.path);
  const origin = originOf(loc);
  if (origin === "component" || origin === "def") hints.push(tokens[tokens.length - 1]!);
  if (title) hints.push(title);
  if (origin === "root") hints.push(stem);
  if (origin === "referenced") {
    const named = tokens.filter((t) => !/^\d+$/.test(t) && !["properties", "items", "prefixItems", "allOf", "anyOf", "oneOf", "$defs", "definitions", "components", "schemas"].includes(t));
    hints.push([stem, ...named].join("-"));
  }
  if (origin !== "root") hints.push([stem, ...tokens].join("-"));
  return hints;
}

export type { Docs };
