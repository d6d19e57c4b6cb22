/**
 * The resolve stage: documents → registry, plus `resolveRef`, which turns a `$ref` seen at a location into the
 * location it names. Resolution follows the specification (base URIs from `$id`), then the component fallback:
 * a `#/components/schemas/X`, `#/definitions/X` or `#/$defs/X` missing from its own document names the input
 * schema whose component key or title is X, in the same namespace first, then anywhere; more than one
 * candidate is an ambiguity, never a guess.
 * @see DESIGN.md "Pipeline" (resolve)
 */
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { existsSync } from "node:fs";
import { getAtPointer, type Dialect, type SourceDocument } from "../load/document.js";
import { dialectOfSchemaUri } from "../load/detect.js";
import { loadFile } from "../load/index.js";
import { decideRead, decodeOrUndefined, readExternal, type ExternalPolicy } from "./external.js";
import { Registry, resolveUri, splitFragment, type Location } from "./registry.js";

export { Registry, type Location } from "./registry.js";
export type { ExternalPolicy, UrlMapping } from "./external.js";

const COMPONENT_POINTER = /^\/(?:components\/schemas|definitions|\$defs)\/([^/]+)$/;

export interface ResolveOptions {
  policy: ExternalPolicy;
  allowUnresolved: boolean;
  /** Namespace for a document read only because something referenced it. */
  namespaceFor(doc: SourceDocument): string;
}

export type RefResult = { ok: true; target: Location; via?: "component-fallback" } | { ok: false };

export class Resolver {
  private readonly memo = new Map<string, RefResult>();

  constructor(
    readonly registry: Registry,
    private readonly bag: DiagnosticBag,
    private readonly options: ResolveOptions,
  ) {}

  /** Reads every document referenced but not loaded, until nothing new turns up. */
  async readReferenced(): Promise<void> {
    let scanned = 0;
    for (;;) {
      const missing = new Map<string, Dialect>();
      const refs = this.registry.refs;
      for (; scanned < refs.length; scanned++) {
        const r = refs[scanned]!;
        const abs = resolveUri(r.ref, r.base);
        if (abs === undefined) continue;
        const { resource } = splitFragment(abs);
        if (!this.registry.resources.has(resource) && !missing.has(resource)) missing.set(resource, r.doc.dialect);
      }
      if (missing.size === 0) return;
      const docs = await readExternal(
        [...missing].sort(([a], [b]) => a.localeCompare(b)).map(([url, dialect]) => ({ url, dialect })),
        this.options.policy,
        this.bag,
        () => {
          // Refusals are reported where the $ref is resolved, with its location.
        },
        this.options.allowUnresolved ? "warning" : "error",
      );
      let added = 0;
      for (const doc of docs) {
        if (this.registry.documents.has(doc.url)) continue;
        this.registry.add(doc, this.options.namespaceFor(doc));
        added++;
      }
      if (added === 0) return;
    }
  }

  /**
   * Reads custom metaschemas: a document whose `$schema` is not a standard dialect takes the dialect of that
   * metaschema, and its `$vocabulary`, when the metaschema can be read under the same rules as references
   * (inside the input folders or through --map). One that cannot be read changes nothing and is not an error.
   */
  readMetaschemas(): void {
    for (const doc of [...this.registry.documents.values()]) {
      const json = doc.json;
      if (json === null || typeof json !== "object" || dialectOfSchemaUri((json as Record<string, unknown>).$schema)) continue;
      const uri = (json as Record<string, unknown>).$schema;
      if (typeof uri !== "string") continue;
      const resource = splitFragment(resolveUri(uri, doc.url) ?? uri).resource;
      let meta = this.registry.resources.get(resource)?.doc;
      if (!meta) {
        const d = decideRead(resource, this.options.policy);
        if ("refused" in d || !existsSync(d.path)) continue;
        meta = loadFile(d.path, this.bag, true, d.url);
        if (!meta) continue;
        this.registry.add(meta, this.options.namespaceFor(meta));
      }
      doc.dialect = meta.dialect;
    }
  }

  /** Resolves `ref` written at `from` (whose base URI is `base`). Diagnostics are reported once per site. */
  resolve(ref: string, base: string, from: Location): RefResult {
    const key = `${from.doc.url}#${from.pointer}\u0000${ref}\u0000${base}`;
    let result = this.memo.get(key);
    if (!result) {
      result = this.compute(ref, base, from);
      this.memo.set(key, result);
    }
    return result;
  }

  private compute(ref: string, base: string, from: Location): RefResult {
    const abs = resolveUri(ref, base);
    if (abs === undefined || decodeOrUndefined(abs) === undefined) {
      this.fail("ref-invalid", `$ref ${JSON.stringify(ref)} is not a valid URI reference`, from);
      return { ok: false };
    }
    const { resource, fragment } = splitFragment(abs);
    const root = this.registry.resources.get(resource);
    if (!root) {
      const remote = !resource.startsWith("file:");
      if (remote) {
        this.fail(
          "ref-remote-refused",
          `$ref ${JSON.stringify(ref)} points to ${resource}, which is not among the inputs and is not fetched`,
          from,
        );
      } else if (!this.insideRoots(resource)) {
        this.fail("ref-outside-roots", `$ref ${JSON.stringify(ref)} points outside the input folders (${resource})`, from);
      } else {
        this.fail("ref-unresolved", `$ref ${JSON.stringify(ref)}: the document ${resource} could not be read`, from);
      }
      return { ok: false };
    }
    if (fragment === "") return { ok: true, target: root };
    if (fragment.startsWith("/")) {
      const pointer = root.pointer + fragment;
      if (getAtPointer(root.doc.json, pointer) !== undefined) return { ok: true, target: { doc: root.doc, pointer } };
      const m = COMPONENT_POINTER.exec(fragment);
      if (m) return this.componentFallback(decodePointerToken(m[1]!), ref, from);
      this.fail("ref-unresolved", `$ref ${JSON.stringify(ref)}: nothing at ${fragment} in ${root.doc.path}`, from);
      return { ok: false };
    }
    const anchored = this.registry.anchors.get(`${resource}#${fragment}`);
    if (anchored) return { ok: true, target: anchored };
    this.fail("ref-unresolved", `$ref ${JSON.stringify(ref)}: no $anchor ${JSON.stringify(fragment)} in ${resource}`, from);
    return { ok: false };
  }

  private componentFallback(name: string, ref: string, from: Location): RefResult {
    const namespace = this.registry.namespaceOf.get(from.doc) ?? "";
    const { local, all } = this.registry.componentCandidates(name, namespace);
    const pool = local.length > 0 ? local : all;
    if (pool.length === 1) return { ok: true, target: pool[0]!, via: "component-fallback" };
    if (pool.length === 0) {
      this.fail(
        "ref-unresolved",
        `$ref ${JSON.stringify(ref)}: no schema titled or keyed ${JSON.stringify(name)} in this document or among the inputs`,
        from,
      );
    } else {
      const names = pool.map((c) => `${c.doc.path}${c.pointer ? "#" + c.pointer : ""} (namespace ${c.namespace || "(none)"})`);
      this.fail("ref-ambiguous", `$ref ${JSON.stringify(ref)} matches ${pool.length} schemas: ${names.join(", ")}`, from);
    }
    return { ok: false };
  }

  private insideRoots(resource: string): boolean {
    return this.options.policy.roots.length === 0 || readDecisionInside(resource, this.options.policy);
  }

  private fail(code: "ref-invalid" | "ref-unresolved" | "ref-ambiguous" | "ref-outside-roots" | "ref-remote-refused", message: string, from: Location): void {
    const pointer = `${from.pointer}/$ref`;
    const pos = from.doc.locate(pointer);
    const downgrade = this.options.allowUnresolved && code === "ref-unresolved";
    this.bag.report(downgrade ? "ref-unresolved-allowed" : code, {
      message: downgrade ? `${message}; typed as unknown` : message,
      uri: from.doc.path,
      pointer,
      ...(pos ? { line: pos.line, column: pos.column } : {}),
    });
  }
}

function decodePointerToken(t: string): string {
  return t.replace(/~1/g, "/").replace(/~0/g, "~");
}

function readDecisionInside(resource: string, policy: ExternalPolicy): boolean {
  return !("refused" in decideRead(resource, policy));
}
