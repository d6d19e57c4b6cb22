/**
 * Names of declarations as seen from one module: local names as they are, declarations of other namespaces
 * imported from their module (aliased by namespace when the name is taken locally). Imports are recorded
 * while printing, so no clean-up pass is needed.
 */
import { StructureKind, type ImportDeclarationStructure } from "../../src/emit/ts-morph.js";
import type { Declaration, Model } from "../../src/model/ir.js";
import { pascalCase } from "../../src/naming/identifiers.js";

export class ModuleRefs {
  private readonly imports = new Map<string, Map<string, string>>();
  private readonly localNames: ReadonlySet<string>;
  private readonly importedAliases = new Set<string>();

  constructor(
    private readonly model: Model,
    private readonly namespace: string,
    /** The namespace's declarations, or their names (a set a caller builds once and shares). */
    local: readonly Declaration[] | ReadonlySet<string>,
    private readonly moduleOf: (namespace: string) => string,
  ) {
    this.localNames = "has" in local ? local : new Set(local.map((d) => d.name));
  }

  refName = (targetId: string): string => {
    const target = this.model.byId.get(targetId);
    if (!target) return "unknown";
    if (target.namespace === this.namespace) return target.name;
    const module = this.moduleOf(target.namespace);
    const names = this.imports.get(module) ?? new Map<string, string>();
    this.imports.set(module, names);
    let alias = names.get(target.name);
    if (!alias) {
      // Taken by a local declaration or by an import of the same name from another module: aliased.
      const taken = this.localNames.has(target.name) || this.importedAliases.has(target.name);
      alias = taken ? pascalCase(`${target.namespace} ${target.name}`) : target.name;
      names.set(target.name, alias);
      this.importedAliases.add(alias);
    }
    return alias;
  };

  /** Import declarations for what was referenced, sorted. */
  importStructures(typeOnly: boolean): ImportDeclarationStructure[] {
    return [...this.imports.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([module, names]) => ({
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: typeOnly,
        moduleSpecifier: `./${module}.js`,
        namedImports: [...names.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, alias]) => (alias === name ? { name } : { name, alias })),
      }));
  }
}
