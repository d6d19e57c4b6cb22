#!/usr/bin/env node
/**
 * The command line: a thin yargs layer over `generate()`. Exit codes: 0 ok, 1 errors in the input (or drift
 * under --check, or a failed write), 2 usage errors.
 */
import { createRequire } from "node:module";
import { relative } from "node:path";
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import { OPTION_TABLE, type GenerateOptions } from "../config/options.js";
import { formatDiagnostic } from "../diagnostics/format.js";
import { generate } from "../pipeline.js";
import { closest } from "../util/did-you-mean.js";
import { VERSION } from "../version.js";

// The CLI (not the library) caches V8's compiled code of the CommonJS dependencies it loads (ts-morph bundles
// TypeScript: ~0.07 s of every run goes to compiling it). Off with DISABLE_V8_COMPILE_CACHE=1.
createRequire(import.meta.url)("v8-compile-cache");

export const EXIT = { ok: 0, inputErrors: 1, usage: 2 } as const;

/** A mistake in the command line: reported in one line with a pointer to --help, exit code 2. */
class UsageError extends Error {}

function withGenerateOptions(y: Argv): Argv {
  let out = y.positional("inputs", { describe: "schema files, folders or globs (JSON/YAML; JSON Schema or OpenAPI)", type: "string", array: true });
  for (const spec of Object.values(OPTION_TABLE)) {
    out = out.option(spec.flag, {
      describe: spec.describe,
      type: spec.type === "array" ? "string" : spec.type,
      ...(spec.type === "array" ? { array: true, coerce: (v: unknown) => splitList(v) ?? [] } : {}),
      ...(spec.default !== undefined ? { default: spec.default } : {}),
      ...(spec.choices ? { choices: spec.choices as string[] } : {}),
      ...(spec.alias ? { alias: spec.alias } : {}),
    });
  }
  return out;
}

function splitList(v: unknown): string[] | undefined {
  if (v === undefined) return undefined;
  const list = (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(",")).map((s) => s.trim()).filter(Boolean);
  return list;
}

async function runGenerate(argv: Record<string, unknown>): Promise<number> {
  const started = performance.now();
  const options: GenerateOptions = {
    inputs: (argv.inputs as string[] | undefined) ?? [],
    out: argv.out as string,
    emit: splitList(argv.emit) as GenerateOptions["emit"],
    components: splitList(argv.components) ?? [],
    map: (argv.map as string[] | undefined) ?? [],
    allowUnresolved: argv["allow-unresolved"] as boolean,
    namespaceBy: argv["namespace-by"] as GenerateOptions["namespaceBy"],
    indexSignatures: argv["index-signatures"] as boolean,
    formats: argv.formats as GenerateOptions["formats"],
    packageName: argv.name as string,
    packageVersion: argv["package-version"] as string,
    docsTypes: splitList(argv["docs-types"]) ?? [],
    ...(typeof argv["docs-template"] === "string" ? { docsTemplate: argv["docs-template"] } : {}),
    check: argv.check as boolean,
  };
  const result = await generate(options);
  for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = result.diagnostics.filter((d) => d.severity === "warning").length;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const what = options.check ? (errors === 0 ? "up to date" : "check failed") : result.written ? `wrote ${result.stats.files} files to ${options.out}` : "nothing written";
  process.stderr.write(
    `schemaforge: ${result.stats.documents} documents, ${result.stats.declarations} types; ${what}; ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} (${seconds} s)\n`,
  );
  return errors > 0 ? EXIT.inputErrors : EXIT.ok;
}

async function runValidate(argv: Record<string, unknown>): Promise<number> {
  const { validateFiles } = await import("../validate.js");
  const result = await validateFiles({
    data: (argv.data as string[] | undefined) ?? [],
    schema: splitList(argv.schema) ?? [],
    ...(typeof argv.type === "string" ? { type: argv.type } : {}),
    components: splitList(argv.components) ?? [],
    map: (argv.map as string[] | undefined) ?? [],
    formats: argv.formats as GenerateOptions["formats"],
    allowUnresolved: argv["allow-unresolved"] as boolean,
    namespaceBy: argv["namespace-by"] as GenerateOptions["namespaceBy"],
  });
  for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
  if (result.diagnostics.some((d) => d.code === "usage")) return EXIT.usage;
  if (result.diagnostics.some((d) => d.severity === "error") && result.results.length === 0) return EXIT.inputErrors;
  let invalid = 0;
  for (const r of result.results) {
    const file = relative(process.cwd(), r.file) || r.file;
    if (r.valid) {
      process.stdout.write(`${file}: valid ${result.type}\n`);
      continue;
    }
    invalid++;
    for (const e of r.errors) {
      const where = e.line !== undefined ? `${file}:${e.line}:${e.column}` : file;
      process.stdout.write(`${where}: ${e.instancePath || "(root)"} ${e.message} [${e.keyword} at ${e.schemaPath}]\n`);
    }
  }
  process.stderr.write(`schemaforge: ${result.results.length} file${result.results.length === 1 ? "" : "s"} checked against ${result.type}; ${invalid} invalid\n`);
  return invalid > 0 || result.diagnostics.some((d) => d.severity === "error") ? EXIT.inputErrors : EXIT.ok;
}

/** Every long flag the commands take, for "did you mean" on a mistyped one. */
const KNOWN_FLAGS = [
  ...Object.values(OPTION_TABLE).map((o) => o.flag),
  "schema",
  "type",
  "help",
  "version",
];

/** "Unknown argument: outt" → "Unknown argument: outt (did you mean --out?)". */
function withSuggestion(message: string): string {
  const m = /^Unknown arguments?: (.+)$/.exec(message);
  if (!m) return message;
  // yargs lists a mistyped --kebab-flag twice, also as camelCase: one suggestion per flag.
  const flags = [...new Set(m[1]!.split(/,\s*/).map((a) => a.replace(/^-+/, "").replace(/[A-Z]/g, (c) => "-" + c.toLowerCase())))];
  const hints = flags.flatMap((flag) => {
    const near = closest(flag, KNOWN_FLAGS);
    return near === undefined ? [] : [flags.length === 1 ? `--${near}` : `--${near} for --${flag}`];
  });
  return hints.length > 0 ? `${message} (did you mean ${hints.join(", ")}?)` : message;
}

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const parser = yargs(argv)
    .scriptName("schemaforge")
    .version(VERSION)
    .strict()
    .recommendCommands()
    .demandCommand(1, "name a command: generate or validate")
    .command(
      "generate <inputs..>",
      "generate the TypeScript package from schemas",
      (y) =>
        withGenerateOptions(y)
          .example("$0 generate schemas --out generated", "types for every schema in schemas/")
          .example("$0 generate seed.json --components corpus/json-schema", "one file; its refs resolved among the corpus")
          .example("$0 generate schemas --out generated --check", "exit 1 when generated/ is not current"),
      async (args) => {
        code = await runGenerate(args as Record<string, unknown>);
      },
    )
    .command(
      "validate <data..>",
      "check data files against schemas, with the validators generate emits",
      (y) =>
        y
          .positional("data", { describe: "JSON or YAML data files", type: "string", array: true })
          .option("schema", { describe: "schema files, folders or globs", type: "string", array: true, demandOption: true, coerce: (v: unknown) => splitList(v) ?? [] })
          .option("type", { describe: "the type to check against (Name, or namespace:Name); optional when there is one", type: "string" })
          .option("components", { describe: OPTION_TABLE.components.describe, type: "string", array: true })
          .option("map", { describe: OPTION_TABLE.map.describe, type: "string", array: true })
          .option("formats", { describe: OPTION_TABLE.formats.describe, type: "string", choices: ["assert", "annotate"], default: "assert" })
          .option("allow-unresolved", { describe: OPTION_TABLE.allowUnresolved.describe, type: "boolean", default: false })
          .option("namespace-by", { describe: OPTION_TABLE.namespaceBy.describe, type: "string", choices: ["prefix", "folder", "none"], default: "prefix" })
          .example("$0 validate request.json --schema schemas --type AdminRespondToAuthChallengeRequest", "errors with file:line:col and schema location"),
      async (args) => {
        code = await runValidate(args as Record<string, unknown>);
      },
    )
    .fail((msg, err) => {
      // Throwing stops yargs before any command handler runs.
      throw err ?? new UsageError(withSuggestion(msg));
    })
    .help()
    .wrap(Math.min(110, process.stdout.columns || 100));
  try {
    await parser.parseAsync();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`schemaforge: ${e.message}\nRun with --help for usage.\n`);
    return EXIT.usage;
  }
  return code;
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`schemaforge: internal error: ${(e as Error)?.stack ?? String(e)}\nThis is a bug in schemaforge; please report it with the command you ran.\n`);
    process.exitCode = 70;
  },
);
