#!/usr/bin/env node
/**
 * The command line: a thin yargs layer over `generate()`. Exit codes: 0 ok, 1 errors in the input (or drift
 * under --check, or a failed write), 2 usage errors.
 */
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import { OPTION_TABLE, type GenerateOptions } from "../config/options.js";
import { formatDiagnostic } from "../diagnostics/format.js";
import { generate } from "../pipeline.js";
import { VERSION } from "../version.js";

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

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const parser = yargs(argv)
    .scriptName("schemaforge")
    .version(VERSION)
    .strict()
    .recommendCommands()
    .demandCommand(1, "name a command: generate")
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
    .fail((msg, err) => {
      // Throwing stops yargs before any command handler runs.
      throw err ?? new UsageError(msg);
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
