/**
 * Builds one generated package for many schemas (one folder, so one namespace and one entry module, per schema)
 * and imports every entry, as test/conformance/runner.ts does for the official suite: `generate()` in memory,
 * the files written to a temp folder, `import()` of `<namespace>.js`. A schema whose generation reports errors is
 * taken out and generated alone (so its own diagnostics are kept) and the rest generated again without it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { GenerateOptions } from "../../src/config/options.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { generate, type GenerateResult } from "../../src/pipeline.js";

export type ValidateFn = (value: unknown, options?: { allErrors?: boolean }) => unknown;
export type IsFn = (value: unknown) => unknown;

export type Built =
  | { ok: true; name: string; is: IsFn; validate: ValidateFn }
  | { ok: false; stage: "generate" | "import" | "exports"; detail: string };

export interface BuildReport {
  built: Map<string, Built>;
  generateCalls: number;
  generateMs: number;
  importMs: number;
}

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, contents] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
}

function formatDiagnostic(d: Diagnostic): string {
  return `${d.severity} ${d.code}${d.pointer !== undefined ? ` at ${d.pointer}` : ""}: ${d.message}`;
}

/** The declaration generated for a namespace's root schema (`Schema`, or the name its title gives). */
function rootName(result: GenerateResult, namespace: string): string {
  const root = result.types.find((t) => t.namespace === namespace && t.source.pointer === "" && /[/\\]schema\.json$/.test(t.source.uri));
  return root?.name ?? "Schema";
}

/**
 * Writes `<work>/in/<folder>/schema.json` for each entry of `schemas` (folder names are namespaces: `s0`, `k1`…),
 * generates and imports. Returns per folder the root's `is`/`validate` functions or why there are none.
 */
export async function buildPackage(work: string, schemas: ReadonlyMap<string, unknown>): Promise<BuildReport> {
  const inputs = new Map<string, string>();
  for (const [folder, schema] of schemas) {
    const path = join(work, "in", folder, "schema.json");
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(schema, null, 2));
    inputs.set(folder, path);
  }
  const report: BuildReport = { built: new Map(), generateCalls: 0, generateMs: 0, importMs: 0 };
  let packages = 0;

  const build = async (folders: string[]): Promise<void> => {
    if (folders.length === 0) return;
    report.generateCalls++;
    const t0 = performance.now();
    const options = {
      inputs: folders.map((f) => inputs.get(f)!),
      emit: ["types", "validators"],
      formats: "annotate",
      namespaceBy: "folder",
      packageName: "differential",
    } satisfies GenerateOptions;
    let result: GenerateResult;
    try {
      result = await generate(options);
    } catch (e) {
      if (folders.length === 1) {
        report.built.set(folders[0]!, { ok: false, stage: "generate", detail: `generate() threw ${(e as Error).stack ?? String(e)}` });
        return;
      }
      // Bisect to find the schema that makes generate() throw.
      const half = Math.ceil(folders.length / 2);
      await build(folders.slice(0, half));
      await build(folders.slice(half));
      return;
    } finally {
      report.generateMs += performance.now() - t0;
    }
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) {
      if (folders.length === 1) {
        report.built.set(folders[0]!, { ok: false, stage: "generate", detail: errors.map(formatDiagnostic).join("\n") });
        return;
      }
      const culprits = new Set(
        folders.filter((f) => errors.some((d) => d.uri !== undefined && (d.uri === inputs.get(f) || d.uri.startsWith(dirname(inputs.get(f)!) + sep)))),
      );
      if (culprits.size === 0) {
        for (const f of folders) await build([f]);
        return;
      }
      for (const f of culprits) await build([f]);
      await build(folders.filter((f) => !culprits.has(f)));
      return;
    }
    const pkgDir = join(work, `pkg${packages++}`);
    writeFiles(pkgDir, result.files);
    const t1 = performance.now();
    await Promise.all(
      folders.map(async (folder) => {
        const entry = `${folder}.js`;
        if (!(entry in result.files)) {
          report.built.set(folder, { ok: false, stage: "exports", detail: `no ${entry} in the generated package` });
          return;
        }
        let mod: Record<string, unknown>;
        try {
          mod = (await import(pathToFileURL(join(pkgDir, entry)).href)) as Record<string, unknown>;
        } catch (e) {
          report.built.set(folder, { ok: false, stage: "import", detail: `import ${entry}: ${(e as Error).message}` });
          return;
        }
        const name = rootName(result, folder);
        const is = mod[`is${name}`];
        const validate = mod[`validate${name}`];
        if (typeof is !== "function" || typeof validate !== "function") {
          report.built.set(folder, { ok: false, stage: "exports", detail: `${entry} lacks is${name}/validate${name} (exports: ${Object.keys(mod).join(", ")})` });
          return;
        }
        report.built.set(folder, { ok: true, name, is: is as IsFn, validate: validate as ValidateFn });
      }),
    );
    report.importMs += performance.now() - t1;
  };

  await build([...schemas.keys()]);
  return report;
}
