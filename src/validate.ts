/**
 * `validate`: checks data files against schemas with the very validators `generate` emits — compiled, written
 * to a temporary package, imported — and locates each error in the data file (line:column of the offending
 * member) as well as in the schema.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { GenerateOptions } from "./config/options.js";
import { DiagnosticBag, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import { moduleBase } from "./emit/template.js";
import { parseText } from "./load/parse.js";
import { generate } from "./pipeline.js";
import { writeOutput } from "./write/index.js";
import { closest } from "./util/did-you-mean.js";

export interface ValidateFilesOptions extends Omit<GenerateOptions, "inputs" | "out" | "emit" | "check" | "write"> {
  /** Data files (JSON or YAML). */
  data: string[];
  /** Schema files, folders or globs. */
  schema: string[];
  /** The type to check against; may be left out when the schemas declare exactly one root type. */
  type?: string;
}

export interface DataError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  message: string;
  line?: number;
  column?: number;
}

export interface ValidateFilesResult {
  /** The type checked against (namespace-qualified in `namespace`). */
  type?: string;
  namespace?: string;
  results: { file: string; valid: boolean; errors: DataError[] }[];
  diagnostics: Diagnostic[];
}

type Validator = (value: unknown, options?: { allErrors?: boolean }) => { valid: boolean; errors?: DataError[] };

export async function validateFiles(options: ValidateFilesOptions): Promise<ValidateFilesResult> {
  const cwd = options.cwd ?? process.cwd();
  const generated = await generate({ ...options, inputs: options.schema, emit: ["validators"], cwd });
  const bag = new DiagnosticBag();
  generated.diagnostics.forEach((d) => bag.add(d));
  const done = (extra: Partial<ValidateFilesResult> = {}): ValidateFilesResult => ({ results: [], ...extra, diagnostics: sortDiagnostics(bag.items) });
  if (bag.hasErrors) return done();
  const chosen = chooseType(generated.types, options.type, bag);
  if (!chosen) return done();
  const dir = mkdtempSync(join(tmpdir(), "schemaforge-validate-"));
  try {
    const pkg = join(dir, "pkg");
    writeOutput(
      Object.entries(generated.files).map(([path, contents]) => ({ path, contents })),
      pkg,
    );
    const module = (await import(pathToFileURL(join(pkg, `${moduleBase(chosen.namespace)}.js`)).href)) as Record<string, Validator>;
    const validate = module[`validate${chosen.name}`]!;
    const results: ValidateFilesResult["results"] = [];
    for (const file of options.data) {
      const path = resolve(cwd, file);
      let text: string;
      try {
        text = readFileSync(path, "utf8");
      } catch (e) {
        bag.report("read-failed", { message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, uri: path });
        continue;
      }
      const parsed = parseText(text, path, bag);
      if (!parsed) continue;
      const r = validate(parsed.json, { allErrors: true });
      const errors = (r.errors ?? []).map((e) => {
        const pos = parsed.locate(e.instancePath);
        return { instancePath: e.instancePath, schemaPath: e.schemaPath, keyword: e.keyword, message: e.message, ...(pos ? { line: pos.line, column: pos.column } : {}) };
      });
      results.push({ file: path, valid: r.valid, errors });
    }
    return done({ type: chosen.name, namespace: chosen.namespace, results });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function chooseType(types: { name: string; namespace: string }[], wanted: string | undefined, bag: DiagnosticBag) {
  if (wanted === undefined) {
    if (types.length === 1) return types[0];
    bag.report("usage", {
      message: `the schemas declare ${types.length} types; name one with --type (${types.slice(0, 8).map((t) => t.name).join(", ")}${types.length > 8 ? ", …" : ""})`,
    });
    return undefined;
  }
  const [ns, name] = wanted.includes(":") ? wanted.split(":", 2) : [undefined, wanted];
  const matches = types.filter((t) => t.name === name && (ns === undefined || t.namespace === ns));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    bag.report("usage", { message: `type ${wanted} exists in several namespaces; write it as <namespace>:${name} (${matches.map((t) => `${t.namespace}:${t.name}`).join(", ")})` });
    return undefined;
  }
  const near = closest(name!, types.map((t) => t.name));
  bag.report("usage", { message: `no type named ${wanted}${near ? `; did you mean ${near}?` : ""}` });
  return undefined;
}
