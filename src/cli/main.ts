#!/usr/bin/env node
/**
 * The command line: a thin yargs layer over `generate()`. Exit codes: 0 ok, 1 errors in the input (or drift
 * under --check, or a failed write), 2 usage errors.
 */
// First, before the other imports load: start the printer worker (see ./start.ts).
import { capHeapGrowthIfLarge } from "./start.js";
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import { OPTION_TABLE, type GenerateOptions } from "../config/options.js";
import { CONFIG_NAMES, findConfig, initialConfig, loadConfig } from "../config/file.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { Progress, printJson, renderDiagnostic, wantsColor } from "./report.js";
import { generate, type GenerateResult } from "../pipeline.js";
import { closest } from "../util/did-you-mean.js";
import { VERSION } from "../version.js";

export const EXIT = { ok: 0, inputErrors: 1, usage: 2 } as const;

const EXIT_CODES = "Exit codes: 0 done (warnings allowed); 1 errors in the input, invalid data, drift under --check, or a failed write; 2 usage error (bad flag, config key or value).";

/** A mistake in the command line: reported in one line with a pointer to --help, exit code 2. */
class UsageError extends Error {}

/** Flags of the CLI itself (not generate options): did-you-mean knows them too. */
const CLI_FLAGS = {
  config: { describe: "config file to read instead of the nearest schemaforge.config.{json,mjs,ts}", type: "string" },
  json: { describe: "print one JSON report on stdout (summary and diagnostics) instead of text", type: "boolean" },
  watch: { describe: "regenerate whenever an input, a referenced document or the config file changes", type: "boolean", alias: "w" },
} as const;

function withGenerateOptions(y: Argv): Argv {
  let out = y.positional("inputs", { describe: "schema files, folders or globs (JSON/YAML; JSON Schema or OpenAPI); default: the config's inputs", type: "string", array: true });
  // No yargs defaults: a flag left out must not hide the config file's value. Defaults are shown, and applied later.
  for (const spec of Object.values(OPTION_TABLE)) {
    out = out.option(spec.flag, {
      describe: spec.describe,
      type: spec.type === "array" ? "string" : spec.type,
      ...(spec.type === "array" ? { array: true, coerce: (v: unknown) => splitList(v) ?? [] } : {}),
      ...(spec.default !== undefined ? { defaultDescription: JSON.stringify(spec.default) } : {}),
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

/** Options for one run: the table's defaults, then the config file, then the flags given. */
async function generateOptions(argv: Record<string, unknown>): Promise<{ options: GenerateOptions; configErrors: Diagnostic[]; configPath?: string }> {
  const configPath = typeof argv.config === "string" ? resolve(argv.config) : findConfig(process.cwd());
  if (typeof argv.config === "string" && !existsSync(configPath!)) throw new UsageError(`--config ${argv.config}: no such file`);
  const config = configPath ? await loadConfig(configPath) : undefined;
  const given: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(OPTION_TABLE)) {
    const v = argv[spec.flag];
    if (v !== undefined) given[key] = spec.type === "array" ? splitList(v) : v;
  }
  const inputs = argv.inputs as string[] | undefined;
  if (inputs && inputs.length > 0) given.inputs = inputs;
  // With a config file, the default output folder is beside it too, wherever the command runs from.
  const out = configPath ? join(dirname(configPath), OPTION_TABLE.out.default as string) : (OPTION_TABLE.out.default as string);
  const options = { out, inputs: [], ...config?.options, ...given } as GenerateOptions;
  return { options, configErrors: config?.diagnostics ?? [], ...(configPath ? { configPath } : {}) };
}

async function runGenerate(argv: Record<string, unknown>): Promise<number> {
  const json = argv.json === true;
  const color = wantsColor(process.stderr);
  const { options, configErrors, configPath } = await generateOptions(argv);
  if (configErrors.length > 0) {
    if (json) printJson({ command: "generate", exitCode: EXIT.usage, diagnostics: configErrors });
    else for (const d of configErrors) process.stderr.write(renderDiagnostic(d, color) + "\n");
    return EXIT.usage;
  }
  if (options.inputs.length === 0) {
    throw new UsageError("no inputs: name schema files or folders, or set \"inputs\" in schemaforge.config.json (`schemaforge init` writes one)");
  }
  if (argv.watch === true) {
    if (options.check) throw new UsageError("--watch and --check do not go together: --check is for CI, --watch for editing");
    return watchMode(argv, options, json, color, configPath);
  }
  return (await generateOnce(options, json, color)).code;
}

/**
 * `--watch`: runs until interrupted; exit code 0 (each run's errors are reported, the last good output stays).
 * The config file is read again before every run, so an edit to it applies; a broken one is reported and skipped.
 */
async function watchMode(argv: Record<string, unknown>, options: GenerateOptions, json: boolean, color: boolean, configPath: string | undefined): Promise<number> {
  const { watchAndRun } = await import("./watch.js");
  let first = true;
  const runOnce = async () => {
    if (first) {
      first = false;
      return (await generateOnce(options, json, color)).result;
    }
    const again = await generateOptions(argv);
    if (again.configErrors.length > 0) {
      for (const d of again.configErrors) process.stderr.write(renderDiagnostic(d, color) + "\n");
      process.stderr.write("schemaforge: the config has errors; nothing regenerated, the last good output stays\n");
      return { sources: [] };
    }
    return (await generateOnce(again.options, json, color)).result;
  };
  const watcher = await watchAndRun(runOnce, {
    paths: [...options.inputs, ...(options.components ?? [])],
    cwd: process.cwd(),
    out: options.out!,
    ...(configPath ? { config: configPath } : {}),
    log: (line) => {
      if (!json) process.stderr.write(line + "\n");
    },
  });
  await new Promise<void>((done) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => done());
  });
  await watcher.close();
  return EXIT.ok;
}

async function generateOnce(options: GenerateOptions, json: boolean, color: boolean): Promise<{ code: number; result: GenerateResult }> {
  const started = performance.now();
  const progress = new Progress(process.stderr, !json && Boolean(process.stderr.isTTY));
  const result = await generate({
    ...options,
    onProgress: (p) => {
      capHeapGrowthIfLarge();
      progress.update(p);
    },
  });
  progress.done();
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = result.diagnostics.filter((d) => d.severity === "warning").length;
  const seconds = (performance.now() - started) / 1000;
  const code = errors > 0 ? EXIT.inputErrors : EXIT.ok;
  const out = options.out!;
  if (json) {
    printJson({
      command: "generate",
      exitCode: code,
      summary: { documents: result.stats.documents, types: result.stats.declarations, files: result.stats.files, out, written: result.written, check: options.check === true, errors, warnings, seconds: Number(seconds.toFixed(2)) },
      ...(result.drift ? { drift: result.drift } : {}),
      diagnostics: result.diagnostics,
    });
    return { code, result };
  }
  for (const d of result.diagnostics) process.stderr.write(renderDiagnostic(d, color) + "\n");
  const shownOut = relative(process.cwd(), resolve(out)) || ".";
  const what = options.check ? (errors === 0 ? "up to date" : "check failed") : result.written ? `wrote ${result.stats.files} files to ${shownOut}` : "nothing written";
  process.stderr.write(
    `schemaforge: ${result.stats.documents} documents, ${result.stats.declarations} types; ${what}; ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} (${seconds.toFixed(2)} s)\n`,
  );
  return { code, result };
}

/** `schemaforge init`: a commented schemaforge.config.json in the current folder (left alone when one exists). */
function runInit(argv: Record<string, unknown>): number {
  const existing = CONFIG_NAMES.map((n) => resolve(n)).find((p) => existsSync(p));
  if (existing && argv.force !== true) {
    process.stderr.write(`schemaforge: ${relative(process.cwd(), existing)} already exists; left as it is (--force writes a new one)\n`);
    return EXIT.ok;
  }
  const inputs = splitList(argv.inputs) ?? ["schemas"];
  const text = initialConfig({ inputs, out: (argv.out as string | undefined) ?? (OPTION_TABLE.out.default as string), packageName: (argv.name as string | undefined) ?? (OPTION_TABLE.packageName.default as string) });
  writeFileSync(CONFIG_NAMES[0], text);
  const missing = inputs.filter((i) => !/[*?{]/.test(i) && !existsSync(resolve(i)));
  process.stderr.write(
    `schemaforge: wrote ${CONFIG_NAMES[0]}; run \`npx schemaforge generate\`${missing.length > 0 ? ` (note: ${missing.join(", ")} does not exist yet)` : ""}\n`,
  );
  return EXIT.ok;
}

async function runValidate(argv: Record<string, unknown>): Promise<number> {
  const { validateFiles } = await import("../validate.js");
  // The same config file as generate (found the same way): its inputs are the schemas when --schema is not
  // given, and the options that decide what a validator checks apply unless a flag says otherwise.
  const { options, configErrors } = await generateOptions(argv);
  if (configErrors.length > 0) {
    if (argv.json === true) printJson({ command: "validate", exitCode: EXIT.usage, diagnostics: configErrors });
    else for (const d of configErrors) process.stderr.write(renderDiagnostic(d, wantsColor(process.stderr)) + "\n");
    return EXIT.usage;
  }
  const schema = splitList(argv.schema) ?? options.inputs;
  if (schema.length === 0) throw new UsageError("no schemas: name them with --schema, or set \"inputs\" in schemaforge.config.json");
  const result = await validateFiles({
    data: (argv.data as string[] | undefined) ?? [],
    schema,
    ...(typeof argv.type === "string" ? { type: argv.type } : {}),
    components: options.components ?? [],
    map: options.map ?? [],
    formats: options.formats,
    patterns: options.patterns,
    allowUnresolved: options.allowUnresolved,
    namespaceBy: options.namespaceBy,
  });
  const invalidCount = result.results.filter((r) => !r.valid).length;
  const failed = result.diagnostics.some((d) => d.severity === "error");
  const code = result.diagnostics.some((d) => d.code === "usage") ? EXIT.usage : invalidCount > 0 || failed ? EXIT.inputErrors : EXIT.ok;
  if (argv.json === true) {
    const results = result.results.map((r) => ({ ...r, file: relative(process.cwd(), r.file) || r.file }));
    printJson({ command: "validate", exitCode: code, summary: { type: result.type, files: result.results.length, invalid: invalidCount }, results, diagnostics: result.diagnostics });
    return code;
  }
  const color = wantsColor(process.stderr);
  for (const d of result.diagnostics) process.stderr.write(renderDiagnostic(d, color) + "\n");
  if (code === EXIT.usage || (failed && result.results.length === 0)) return code;
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
  return invalid > 0 ? EXIT.inputErrors : code;
}

/** Every long flag the commands take, for "did you mean" on a mistyped one. */
const KNOWN_FLAGS = [
  ...Object.values(OPTION_TABLE).map((o) => o.flag),
  ...Object.keys(CLI_FLAGS),
  "force",
  "inputs",
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

/** The one yargs internal we touch (not in its type declarations): see `cacheHelpMessage` below. */
interface YargsInternals {
  getInternalMethods(): { getUsageInstance(): { cacheHelpMessage(): void } };
}

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const parser = yargs(argv)
    .scriptName("schemaforge")
    .version(VERSION)
    .strict()
    .recommendCommands()
    .demandCommand(1, "name a command: generate, validate or init")
    .option("config", { ...CLI_FLAGS.config, global: true })
    .option("json", { ...CLI_FLAGS.json, global: true })
    .command(
      "generate [inputs..]",
      "generate the TypeScript package from schemas",
      (y) =>
        withGenerateOptions(y)
          .example("$0 generate", "inputs, output and options from schemaforge.config.json (nearest, upward)")
          .example("$0 generate schemas --out generated", "types for every schema in schemas/")
          .example("$0 generate seed.json --components corpus/json-schema", "one file; its refs resolved among the corpus")
          .example("$0 generate --check", "exit 1 when the output is not current (for CI)")
          .option("watch", CLI_FLAGS.watch)
          .example("$0 generate --json", "a JSON report on stdout for tools")
          .example("$0 generate --watch", "regenerate on every save; a broken save is reported and the last good output kept")
          .epilogue(EXIT_CODES),
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
          .option("schema", { describe: "schema files, folders or globs", type: "string", array: true, defaultDescription: "the config's inputs" })
          .option("type", { describe: "the type to check against (Name, or namespace:Name); optional when there is one", type: "string" })
          // No defaults here: what is not given comes from the config file, else from the option table.
          .option("components", { describe: OPTION_TABLE.components.describe, type: "string", array: true })
          .option("map", { describe: OPTION_TABLE.map.describe, type: "string", array: true })
          .option("formats", { describe: OPTION_TABLE.formats.describe, type: "string", choices: ["assert", "annotate"], defaultDescription: '"assert"' })
          .option("patterns", { describe: OPTION_TABLE.patterns.describe, type: "string", choices: ["native", "linear"], defaultDescription: '"native"' })
          .option("allow-unresolved", { describe: OPTION_TABLE.allowUnresolved.describe, type: "boolean", defaultDescription: "false" })
          .option("namespace-by", { describe: OPTION_TABLE.namespaceBy.describe, type: "string", choices: ["prefix", "folder", "none"], defaultDescription: '"prefix"' })
          .example("$0 validate request.json --schema schemas --type AdminRespondToAuthChallengeRequest", "errors with file:line:col and schema location")
          .example("$0 validate data/*.json --schema schemas --json", "results as JSON on stdout")
          .epilogue(EXIT_CODES),
      async (args) => {
        code = await runValidate(args as Record<string, unknown>);
      },
    )
    .command(
      "init",
      "write a commented schemaforge.config.json here, so that `schemaforge generate` needs no flags",
      (y) =>
        y
          .option("inputs", { describe: "schema files, folders or globs to put in the config", type: "string", array: true, defaultDescription: '["schemas"]' })
          .option("out", { describe: OPTION_TABLE.out.describe, type: "string", alias: "o", defaultDescription: JSON.stringify(OPTION_TABLE.out.default) })
          .option("name", { describe: OPTION_TABLE.packageName.describe, type: "string" })
          .option("force", { describe: "replace an existing config file", type: "boolean" })
          .example("$0 init && $0 generate", "config for schemas/ → generated/, then generate with no flags")
          .example("$0 init --inputs openapi.yaml --out src/api --name @acme/api", "other inputs, output and package name")
          .epilogue(EXIT_CODES),
      (args) => {
        code = runInit(args as Record<string, unknown>);
      },
    )
    .epilogue(EXIT_CODES)
    .fail((msg, err) => {
      // Throwing stops yargs before any command handler runs.
      throw err ?? new UsageError(withSuggestion(msg));
    })
    .help()
    .wrap(Math.min(110, process.stdout.columns || 100));
  // Once a command's handler has started, yargs renders that command's whole help text to keep it for later
  // (`cacheHelpMessage`): 0.05–0.1 s of every run, spent measuring string widths. Our failures never print help
  // (.fail above throws), so the cache is never read: skip filling it.
  (parser as unknown as YargsInternals).getInternalMethods().getUsageInstance().cacheHelpMessage = () => {};
  try {
    await parser.parseAsync();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (argv.includes("--json")) printJson({ command: String(argv[0] ?? ""), exitCode: EXIT.usage, diagnostics: [diagnostic("usage", { message: e.message })] });
    else process.stderr.write(`schemaforge: ${e.message}\nRun with --help for usage.\n`);
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
