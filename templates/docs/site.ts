/**
 * What every docs page needs to know about the others: which declarations have a page and where, relative links
 * between pages, what each type uses and what uses it (the reverse references), one-line summaries, and from
 * which module of the package a name is imported.
 */
import type { EmitContext, TemplateOutput } from "../../src/emit/template.js";
import { printStructureLater, StructureKind, type WriterFunction } from "../../src/emit/ts-morph.js";
import { declarationWriter, enumConstDeclaration, enumKeys } from "../types/declarations.js";
import { PRINT_OPTIONS } from "../types/index.js";
import { ModuleRefs } from "../types/module-refs.js";
import { descriptionMarkdown, summaryOf } from "../../src/emit/markdown.js";
import type { Declaration, TypeNode } from "../../src/model/ir.js";
import { mapChildren } from "../../src/passes/map.js";

export interface Reference {
  /** Declaration id of the other type. */
  id: string;
  /** Member paths through which the reference is made (`UserPoolId`, `Items[]`, …; "" for the type itself). */
  via: string[];
}

export class DocsSite {
  readonly uses = new Map<string, Reference[]>();
  readonly usedBy = new Map<string, Reference[]>();
  /** Declarations with a page (all, or those `--docs-types` selects). */
  readonly documented: Set<string>;
  readonly validatorsEmitted: boolean;
  readonly typesEmitted: boolean;
  private readonly summaries = new Map<string, string>();
  private readonly ambiguous: Set<string>;

  constructor(
    readonly context: EmitContext,
    previous: readonly TemplateOutput[],
    selected: readonly Declaration[],
  ) {
    this.documented = new Set(selected.map((d) => d.id));
    const modules = previous.flatMap((p) => p.exports.map((e) => e.module));
    this.validatorsEmitted = modules.some((m) => m.startsWith("validators/"));
    this.typesEmitted = modules.some((m) => m.startsWith("types/"));
    const namespacesByName = new Map<string, Set<string>>();
    for (const d of context.model.declarations) namespacesByName.set(d.name, (namespacesByName.get(d.name) ?? new Set()).add(d.namespace));
    this.ambiguous = new Set([...namespacesByName].filter(([, s]) => s.size > 1).map(([n]) => n));
    for (const d of context.model.declarations) {
      const refs = new Map<string, string[]>();
      collectRefs(d.type, "", refs);
      const list = [...refs].filter(([id]) => id !== d.id && context.model.byId.has(id)).map(([id, via]) => ({ id, via }));
      this.uses.set(d.id, list);
      for (const r of list) {
        const back = this.usedBy.get(r.id) ?? [];
        back.push({ id: d.id, via: r.via });
        this.usedBy.set(r.id, back);
      }
    }
    const byName = (a: Reference, b: Reference) => this.decl(a.id).name.localeCompare(this.decl(b.id).name) || a.id.localeCompare(b.id);
    for (const list of [...this.uses.values(), ...this.usedBy.values()]) list.sort(byName);
  }

  private readonly names = new Map<string, ReadonlySet<string>>();

  /** Names a namespace declares (for the type printer's import aliases), built once per namespace. */
  localNames(namespace: string): ReadonlySet<string> {
    let names = this.names.get(namespace);
    if (!names) this.names.set(namespace, (names = new Set((this.context.namespaces.get(namespace) ?? []).map((d) => d.name))));
    return names;
  }

  private readonly declarations = new Map<string, () => string>();

  /**
   * A type's declaration exactly as the types template prints it (its own writer, same names and import
   * aliases), without JSDoc: the page shows the docs around it. Every documented declaration of a namespace is
   * sent to the printer when the first is asked for (one structure each, printed in the printer worker when
   * the CLI runs one, while the pages are built).
   */
  declarationText(d: Declaration): string {
    if (!this.declarations.has(d.id)) this.printNamespace(d.namespace);
    return this.declarations.get(d.id)!();
  }

  private printNamespace(namespace: string): void {
    const ctx = this.context;
    for (const d of ctx.namespaces.get(namespace) ?? []) {
      if (!this.documented.has(d.id)) continue;
      const refs = new ModuleRefs(ctx.model, namespace, this.localNames(namespace), ctx.moduleOf);
      const typeCtx = { refName: refs.refName, indexSignatures: ctx.options.indexSignatures, docs: false };
      const statements: WriterFunction[] = [declarationWriter(d, ctx.model, typeCtx, true)];
      const t = d.type;
      const members = t.kind === "enum" ? t.values.filter((v) => v !== null) : [];
      const keys = members.length > 0 ? enumKeys(members, t.kind === "enum" ? t.names : undefined, t.kind === "enum" ? t.values : undefined) : undefined;
      if (t.kind === "enum" && keys) statements.push(enumConstDeclaration(d.name, members, keys, undefined));
      // Writers run when the structure is handed to the printer: the references they named are known after.
      const body = printStructureLater({ kind: StructureKind.SourceFile, statements }, PRINT_OPTIONS);
      const imports = refs.importStructures(true);
      // Declarations that name a type of another namespace show the import the types file has for it.
      const head = imports.length > 0 ? printStructureLater({ kind: StructureKind.SourceFile, statements: imports }, PRINT_OPTIONS) : undefined;
      this.declarations.set(d.id, () => ((head ? head() + "\n" : "") + body()).trim());
    }
  }

  private nameIndex: Map<string, Declaration> | undefined;

  /** A declaration by namespace and name. */
  byName(namespace: string, name: string): Declaration | undefined {
    this.nameIndex ??= new Map(this.context.model.declarations.map((d) => [`${d.namespace}\0${d.name}`, d]));
    return this.nameIndex.get(`${namespace}\0${name}`);
  }

  decl(id: string): Declaration {
    return this.context.model.byId.get(id)!;
  }

  /** Folder of a namespace's pages, under docs/. */
  folder(namespace: string): string {
    return this.context.moduleOf(namespace);
  }

  /** Path of a type's page inside the package (`docs/<namespace>/<Name>.md`). */
  pagePath(d: Declaration): string {
    return `docs/${this.folder(d.namespace)}/${d.name}.md`;
  }

  /** Link from a page of namespace `from` (or from docs/README.md when undefined) to a type's page, or undefined. */
  href(targetId: string, from: string | undefined): string | undefined {
    if (!this.documented.has(targetId)) return undefined;
    const t = this.decl(targetId);
    // Folder names come from the inputs' folders and may hold spaces: each segment is percent-encoded.
    const folder = encodeURIComponent(this.folder(t.namespace));
    const page = `${encodeURIComponent(t.name)}.md`;
    if (from === undefined) return `${folder}/${page}`;
    return from === t.namespace ? page : `../${folder}/${page}`;
  }

  /** The first sentence of a type's description, as inline Markdown ("" when it has none). */
  summary(id: string): string {
    let s = this.summaries.get(id);
    if (s === undefined) {
      const docs = this.decl(id).type.docs;
      const title = docs?.title !== this.decl(id).name ? docs?.title : undefined;
      const text = docs?.description ?? title;
      s = text ? summaryOf(descriptionMarkdown(text)) : "";
      this.summaries.set(id, s);
    }
    return s;
  }

  /** The module a user imports a type from: the package root, or the namespace's subpath when the name is ambiguous. */
  importModule(d: Declaration): string {
    const pkg = this.context.options.packageName;
    return this.ambiguous.has(d.name) ? `${pkg}/${this.context.moduleOf(d.namespace)}` : pkg;
  }
}

/** References made by a type, with the member paths that make them (not entering other declarations). */
function collectRefs(t: TypeNode, path: string, out: Map<string, string[]>): void {
  if (t.kind === "ref") {
    const via = out.get(t.target) ?? [];
    if (!via.includes(path)) via.push(path);
    out.set(t.target, via);
    return;
  }
  if (t.kind === "object") {
    for (const p of t.properties) collectRefs(p.type, path ? `${path}.${p.name}` : p.name, out);
    if (t.additional) collectRefs(t.additional, path ? `${path}[key]` : "[key]", out);
    return;
  }
  if (t.kind === "array") return collectRefs(t.items, `${path}[]`, out);
  mapChildren(t, (c) => {
    collectRefs(c, path, out);
    return c;
  });
}

/** A short word for what a type is: `object`, `string`, `enum`, `array`, `map`, `union`, … */
export function kindLabel(t: TypeNode): string {
  switch (t.kind) {
    case "primitive":
      return t.type;
    case "literal":
      return "constant";
    case "enum":
      return "enum";
    case "array":
      return "array";
    case "tuple":
      return "tuple";
    case "object":
      return t.properties.length === 0 && t.additional ? "map" : "object";
    case "union":
      return t.members.every((m) => m.kind === "literal") ? "enum" : "union";
    case "intersection":
      return "object";
    case "ref":
      return "alias";
    case "unknown":
      return "any value";
    case "never":
      return "no value";
  }
}
