/**
 * The config file: `schemaforge.config.json` (JSON with comments), `.mjs` or `.ts`, found from the current folder
 * upward (or named by `--config`). Its keys are the API option names of the option table, checked against it:
 * each wrong key or value is a located `config-invalid` diagnostic (file:line:col for JSON) with a "did you mean".
 * Paths in it are relative to the file's folder.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from "jsonc-parser";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { loadTsMorph } from "../emit/ts-morph.js";
import { offsetToPosition } from "../load/positions.js";
import { closest } from "../util/did-you-mean.js";
import { OPTION_TABLE, type GenerateOptions, type OptionSpec } from "./options.js";

export const CONFIG_NAMES = ["schemaforge.config.json", "schemaforge.config.mjs", "schemaforge.config.ts"] as const;

type ConfigKey = keyof typeof OPTION_TABLE | "inputs";

/** The keys a config file may hold: `inputs` and every option that is not command-line only. */
const CONFIG_KEYS: Record<string, OptionSpec> = {
  inputs: { flag: "inputs", type: "array", describe: "schema files, folders or globs (JSON/YAML; JSON Schema or OpenAPI)", path: true },
  ...Object.fromEntries(Object.entries(OPTION_TABLE).filter(([, spec]) => !spec.cliOnly)),
};

export interface LoadedConfig {
  path: string;
  options: Partial<GenerateOptions>;
  diagnostics: Diagnostic[];
}

/** The nearest config file in `cwd` or a folder above it. */
export function findConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const hit = CONFIG_NAMES.map((n) => join(dir, n)).find((p) => existsSync(p));
    if (hit) return hit;
    if (dirname(dir) === dir) return undefined;
  }
}

export async function loadConfig(path: string): Promise<LoadedConfig> {
  const diagnostics: Diagnostic[] = [];
  const report = (message: string, at?: { pointer?: string; offset?: number; text?: string }) => {
    const pos = at?.offset !== undefined && at.text !== undefined ? offsetToPosition(at.text, at.offset) : undefined;
    diagnostics.push(diagnostic("config-invalid", { message, uri: path, ...(at?.pointer !== undefined ? { pointer: at.pointer } : {}), ...pos }));
  };
  let value: unknown;
  let locate: (key: string, member: "key" | "value") => number | undefined = () => undefined;
  let text = "";
  if (path.endsWith(".json")) {
    try {
      text = readFileSync(path, "utf8");
    } catch (e) {
      report(`cannot read the config file: ${(e as Error).message}`);
      return { path, options: {}, diagnostics };
    }
    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, { allowTrailingComma: true });
    if (errors.length > 0 || !tree) {
      for (const e of errors) report(`not valid JSON (with comments): ${printParseErrorCode(e.error)}`, { offset: e.offset, text });
      if (errors.length === 0) report("the config file is empty");
      return { path, options: {}, diagnostics };
    }
    value = nodeValue(tree);
    locate = (key, member) => tree.children?.find((p) => p.children?.[0]?.value === key)?.children?.[member === "key" ? 0 : 1]?.offset;
  } else {
    try {
      value = await importConfigModule(path);
    } catch (e) {
      report(`cannot load the config module: ${(e as Error).message.split("\n")[0]}`);
      return { path, options: {}, diagnostics };
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    report("the config must be an object of options ({ \"inputs\": [\"schemas\"], \"out\": \"generated\", … })", { pointer: "", offset: 0, text });
    return { path, options: {}, diagnostics };
  }
  const options: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value)) {
    if (key === "$schema") continue;
    const spec = CONFIG_KEYS[key];
    const at = (member: "key" | "value") => ({ pointer: `/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, offset: locate(key, member), text });
    if (!spec) {
      const near = closest(key, Object.keys(CONFIG_KEYS));
      const cliOnly = Object.entries(OPTION_TABLE).find(([k, s]) => s.cliOnly && k === key);
      report(
        cliOnly
          ? `"${key}" is a command-line option only (--${cliOnly[1].flag}), not a config key`
          : `unknown config key "${key}"${near ? ` (did you mean "${near}"?)` : ""}`,
        at("key"),
      );
      continue;
    }
    const problem = checkValue(raw, spec);
    if (problem) {
      report(`"${key}": ${problem}`, at("value"));
      continue;
    }
    options[key] = relativeToConfig(key as ConfigKey, spec, raw, dirname(path));
  }
  return { path, options: options as Partial<GenerateOptions>, diagnostics };
}

function nodeValue(node: JsonNode): unknown {
  switch (node.type) {
    case "object":
      return Object.fromEntries((node.children ?? []).map((p) => [p.children![0]!.value as string, p.children![1] ? nodeValue(p.children![1]) : undefined]));
    case "array":
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/** What is wrong with `value` for `spec`, or undefined. */
function checkValue(value: unknown, spec: OptionSpec): string | undefined {
  const choices = spec.choices ? ` (one of ${spec.choices.map((c) => JSON.stringify(c)).join(", ")})` : "";
  const bad = (v: unknown) => spec.choices !== undefined && !spec.choices.includes(v as string);
  switch (spec.type) {
    case "boolean":
      return typeof value === "boolean" ? undefined : `expected true or false, found ${JSON.stringify(value)}`;
    case "string":
      if (typeof value !== "string") return `expected a string${choices}, found ${JSON.stringify(value)}`;
      return bad(value) ? `${JSON.stringify(value)} is not allowed${choices}${near(value, spec)}` : undefined;
    case "array": {
      const list = Array.isArray(value) ? value : [value];
      const wrong = list.find((v) => typeof v !== "string");
      if (wrong !== undefined) return `expected a list of strings${choices}, found ${JSON.stringify(wrong)}`;
      const notAllowed = list.find(bad) as string | undefined;
      return notAllowed !== undefined ? `${JSON.stringify(notAllowed)} is not allowed${choices}${near(notAllowed, spec)}` : undefined;
    }
  }
}

function near(value: string, spec: OptionSpec): string {
  const hit = closest(value, spec.choices ?? []);
  return hit ? `; did you mean ${JSON.stringify(hit)}?` : "";
}

/** Paths in a config file are relative to its folder (globs too); `map` values are `<prefix>=<folder>`. */
function relativeToConfig(key: ConfigKey, spec: OptionSpec, value: unknown, dir: string): unknown {
  // A template named like a package ("my-templates/zod") stays a package name; "./x.mjs" is a path.
  const abs = (p: string) => (isAbsolute(p) || (key === "templates" && !p.startsWith(".")) ? p : join(dir, p));
  if (key === "map") return (value as string[]).map((m) => (m.includes("=") ? `${m.slice(0, m.indexOf("="))}=${abs(m.slice(m.indexOf("=") + 1))}` : m));
  if (!spec.path) return spec.type === "array" && !Array.isArray(value) ? [value] : value;
  return Array.isArray(value) ? value.map((v: string) => abs(v)) : spec.type === "array" ? [abs(value as string)] : abs(value as string);
}

/**
 * A `.mjs` config is imported; a `.ts` one is first transpiled (TypeScript's `transpileModule`, from the copy
 * ts-morph bundles; no type check) into a sibling `.mjs` that is removed right after, so its relative imports work.
 */
async function importConfigModule(path: string): Promise<unknown> {
  if (!path.endsWith(".ts")) return ((await import(pathToFileURL(path).href)) as { default?: unknown }).default;
  const { ts } = loadTsMorph();
  const out = ts.transpileModule(readFileSync(path, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    fileName: basename(path),
  }).outputText;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.mjs`);
  writeFileSync(temp, out);
  try {
    return ((await import(pathToFileURL(temp).href)) as { default?: unknown }).default;
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * The text `schemaforge init` writes: every config key with its description and default as comments, the
 * inputs and output set, everything else commented out.
 */
export function initialConfig(values: { inputs: string[]; out: string; packageName: string }): string {
  const lines = [
    "// schemaforge config: `npx schemaforge generate` reads it (from this folder or any below it).",
    "// Keys are the option names of the API; paths are relative to this file. `schemaforge generate --help` lists",
    "// the same options as flags; a flag given on the command line wins over the value here.",
    "{",
    `  // ${CONFIG_KEYS.inputs!.describe}`,
    `  "inputs": ${JSON.stringify(values.inputs)},`,
  ];
  for (const [key, spec] of Object.entries(CONFIG_KEYS)) {
    if (key === "inputs") continue;
    const set = key === "out" ? values.out : key === "packageName" ? values.packageName : undefined;
    const choices = spec.choices ? ` (${spec.choices.join(" | ")})` : "";
    lines.push(`  // ${spec.describe}${choices}`);
    if (set !== undefined) lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(set)},`);
    else lines.push(`  // ${JSON.stringify(key)}: ${JSON.stringify(spec.default ?? (spec.type === "array" ? [] : ""))},`);
  }
  lines.push("}", "");
  return lines.join("\n");
}
