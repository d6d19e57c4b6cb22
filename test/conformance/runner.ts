/**
 * The official JSON-Schema-Test-Suite run through generated code exactly as a user gets it: each case's schema
 * becomes a file `c<index>/schema.json`, one `generate()` per suite file turns all of them into one package
 * (namespace per case folder), the package is written to disk and each case's entry module `c<index>.js` is
 * imported; every test then goes through `validate<Root>`, `validate<Root>(…, { allErrors: true })`,
 * `is<Root>` and `assert<Root>`, which must all agree with the test's `valid`.
 *
 * Until the validator compiler lands, `generate()` emits no `validators/`: those tests are counted as
 * "not emitted", a failure with its own count, so the report says what is missing rather than "wrong".
 * @see README.md beside this file; DESIGN.md "Validators" and "The generated package (contract)".
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { GenerateOptions } from "../../src/config/options.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { generate, type GenerateResult } from "../../src/pipeline.js";
import type { SkipEntry } from "./skip.js";

// ---------------------------------------------------------------------------------------------------------------
// Drafts and suite files

export type Draft = "draft4" | "draft6" | "draft7" | "draft2019-09" | "draft2020-12";
export const DRAFTS: readonly Draft[] = ["draft4", "draft6", "draft7", "draft2019-09", "draft2020-12"];

/** The `$schema` written into a case's schema object when it has none, so the loader picks the draft's dialect. */
export const DIALECT_URI: Record<Draft, string> = {
  draft4: "http://json-schema.org/draft-04/schema#",
  draft6: "http://json-schema.org/draft-06/schema#",
  draft7: "http://json-schema.org/draft-07/schema#",
  "draft2019-09": "https://json-schema.org/draft/2019-09/schema",
  "draft2020-12": "https://json-schema.org/draft/2020-12/schema",
};

/** `required`: tests/<draft>/*.json, run with `formats: "annotate"`; `format`: tests/<draft>/optional/format/*.json, `formats: "assert"`. */
export type SuiteKind = "required" | "format";
export type FormatsMode = "annotate" | "assert";

export interface SuiteCase {
  description: string;
  schema: unknown;
  tests: { description: string; data: unknown; valid: boolean; comment?: string }[];
  comment?: string;
}

/** Suite files of one draft and kind, relative to tests/<draft>/ (`ref.json`, `optional/format/email.json`). */
export function suiteFiles(testSuiteDir: string, draft: Draft, kind: SuiteKind): string[] {
  const sub = kind === "required" ? "" : join("optional", "format");
  const dir = join(testSuiteDir, "tests", draft, sub);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => (sub === "" ? f : `${sub.split(sep).join("/")}/${f}`));
}

// ---------------------------------------------------------------------------------------------------------------
// Metaschemas: served through `map` from installed devDependencies, laid out by URL path

/**
 * Metaschema documents some cases `$ref` (`https://json-schema.org/draft/2020-12/schema`,
 * `http://json-schema.org/draft-07/schema#`, `…/meta/core`, …). The resolver maps `<prefix><rest>` to
 * `<folder>/<rest>` verbatim, and the URLs have no `.json`, so each file is copied to a folder laid out by URL
 * path (`json-schema.org/draft/2020-12/meta/core`) and `http(s)://json-schema.org/` is mapped to it.
 * Sources: ajv's `dist/refs` (draft-06/07, 2019-09 and 2020-12 with their vocabulary metaschemas), ajv-draft-04
 * for draft-04, and @hyperjump/json-schema for the one ajv lacks (2020-12 `meta/format-assertion`).
 */
const METASCHEMAS: ReadonlyArray<{ url: string; pkg: string; file: string }> = [
  { url: "http://json-schema.org/draft-04/schema", pkg: "ajv-draft-04", file: "dist/refs/json-schema-draft-04.json" },
  { url: "http://json-schema.org/draft-06/schema", pkg: "ajv", file: "dist/refs/json-schema-draft-06.json" },
  { url: "http://json-schema.org/draft-07/schema", pkg: "ajv", file: "dist/refs/json-schema-draft-07.json" },
  ...["schema", ...["core", "applicator", "validation", "meta-data", "format", "content"].map((m) => `meta/${m}`)].map((p) => ({
    url: `https://json-schema.org/draft/2019-09/${p}`,
    pkg: "ajv",
    file: `dist/refs/json-schema-2019-09/${p}.json`,
  })),
  ...["schema", ...["core", "applicator", "unevaluated", "validation", "meta-data", "format-annotation", "content"].map((m) => `meta/${m}`)].map(
    (p) => ({ url: `https://json-schema.org/draft/2020-12/${p}`, pkg: "ajv", file: `dist/refs/json-schema-2020-12/${p}.json` }),
  ),
  { url: "https://json-schema.org/draft/2020-12/meta/format-assertion", pkg: "@hyperjump/json-schema", file: "draft-2020-12/meta/format-assertion.js" },
];

const require = createRequire(import.meta.url);

/** The installed folder of a package (walking up from its main file: not every package exports package.json). */
function packageDir(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    const pj = join(dir, "package.json");
    if (existsSync(pj) && (JSON.parse(readFileSync(pj, "utf8")) as { name?: string }).name === name) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the folder of ${name}: is it installed (npm ci)?`);
    dir = up;
  }
}

/** Lays the metaschemas out under `<root>/json-schema.org/…`; returns the `map` entries that serve them. */
export async function prepareMetaschemas(root: string): Promise<string[]> {
  const base = join(root, "json-schema.org");
  for (const m of METASCHEMAS) {
    const source = join(packageDir(m.pkg), m.file);
    const target = join(base, m.url.replace(/^https?:\/\/json-schema\.org\//, ""));
    mkdirSync(dirname(target), { recursive: true });
    let json: { $id?: string; id?: string };
    if (m.file.endsWith(".js")) {
      json = ((await import(pathToFileURL(source).href)) as { default: { $id?: string } }).default;
      writeFileSync(target, JSON.stringify(json, null, 2));
    } else {
      copyFileSync(source, target);
      json = JSON.parse(readFileSync(source, "utf8")) as { $id?: string; id?: string };
    }
    const id = (json.$id ?? json.id ?? "").replace(/#$/, "");
    if (id !== m.url) throw new Error(`metaschema ${source} declares ${id}, expected ${m.url}`);
  }
  return [`http://json-schema.org/=${base}`, `https://json-schema.org/=${base}`];
}

/** A fresh temp root with the metaschemas laid out in it (remove `tmpRoot` when done). */
export async function createRunContext(testSuiteDir: string, prefix: string): Promise<RunContext> {
  const tmpRoot = mkdtempSync(join(tmpdir(), prefix));
  return { testSuiteDir, tmpRoot, metaMaps: await prepareMetaschemas(join(tmpRoot, "metaschemas")) };
}

// ---------------------------------------------------------------------------------------------------------------
// Outcomes and reports

/**
 * - `pass`: every entry point agreed with `valid`.
 * - `fail`: some entry point disagreed, threw, or broke the result contract (detail says which).
 * - `generation-failed`: `generate()` reported errors for the case (detail: the diagnostics).
 * - `not-emitted`: the package has no `validate<Root>`/`is<Root>` for the case (validators not emitted).
 * - `import-failed`: the case's entry module did not import (detail: the error).
 */
export type Status = "pass" | "fail" | "generation-failed" | "not-emitted" | "import-failed";

export interface TestOutcome {
  draft: Draft;
  /** Relative to tests/<draft>/. */
  file: string;
  caseIndex: number;
  case: string;
  test: string;
  valid: boolean;
  status: Status;
  detail?: string;
  /** Set by `applySkipList` when a skip entry covers this test. */
  skip?: SkipEntry;
}

export interface FileReport {
  draft: Draft;
  file: string;
  outcomes: TestOutcome[];
  /** `generate()` calls made for this file (1 unless cases had to be isolated). */
  generateCalls: number;
  /** Why cases were isolated into their own `generate()` (empty when one call did it). */
  isolation: string[];
  /** Whether any generate() output for the file held validators (files under `validators/`). */
  validatorsEmitted: boolean;
  /** Warnings of the generate() calls that succeeded. */
  warnings: Diagnostic[];
  /** Folders the packages were written to. */
  packages: string[];
  ms: number;
}

export interface RunContext {
  testSuiteDir: string;
  /** Reused temp root for inputs and generated packages (one subfolder per draft and file). */
  tmpRoot: string;
  /** `map` entries for the metaschemas (from `prepareMetaschemas`). */
  metaMaps: string[];
}

/** What the runner passes to generate(): the contract's options, some of which GenerateOptions may not declare yet. */
type ConformanceOptions = Omit<GenerateOptions, "emit"> & { emit: string[]; formats: FormatsMode };

// ---------------------------------------------------------------------------------------------------------------
// Running one suite file

interface Build {
  /** Folder the package was written to. */
  pkgDir: string;
  result: GenerateResult;
}

type CaseBuild = { ok: true; build: Build } | { ok: false; diagnostics: string };

/** `extra`: more generate() options (`patterns`, say) on top of the contract's. */
export async function runFile(ctx: RunContext, draft: Draft, file: string, formats: FormatsMode, extra: Partial<GenerateOptions> = {}): Promise<FileReport> {
  const t0 = performance.now();
  const cases = JSON.parse(readFileSync(join(ctx.testSuiteDir, "tests", draft, file), "utf8")) as SuiteCase[];
  const work = join(ctx.tmpRoot, draft, file.replace(/\.json$/, "").replace(/[^A-Za-z0-9-]+/g, "_"));
  rmSync(work, { recursive: true, force: true });
  const inputs = cases.map((c, i) => writeCase(join(work, "in"), i, c.schema, draft));
  const report: FileReport = { draft, file, outcomes: [], generateCalls: 0, isolation: [], validatorsEmitted: false, warnings: [], packages: [], ms: 0 };

  let packages = 0;
  const gen = async (indexes: number[]): Promise<{ build: Build } | { errors: Diagnostic[]; result: GenerateResult }> => {
    report.generateCalls++;
    const options: ConformanceOptions = {
      inputs: indexes.map((i) => inputs[i]!),
      emit: ["types", "validators"],
      formats,
      namespaceBy: "folder",
      map: [`http://localhost:1234/=${join(ctx.testSuiteDir, "remotes")}`, ...ctx.metaMaps],
      packageName: "conformance",
      ...extra,
    };
    const result = await generate(options as unknown as GenerateOptions);
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) return { errors, result };
    const pkgDir = join(work, `pkg${packages++}`);
    writeFiles(pkgDir, result.files);
    report.packages.push(pkgDir);
    report.warnings.push(...result.diagnostics.filter((d) => d.severity === "warning"));
    if (Object.keys(result.files).some((p) => p.startsWith("validators/"))) report.validatorsEmitted = true;
    return { build: { pkgDir, result } };
  };

  // Cases that declare the same $id cannot share a run (the registry keeps the first): separate groups.
  const builds = new Map<number, CaseBuild>();
  for (const group of groupByIds(cases, draft)) {
    if (group.length < cases.length) report.isolation.push(`cases ${group.join(", ")} in a run of their own (a $id repeats across cases)`);
    await buildIsolating(group, inputs, gen, builds, report.isolation);
  }

  const perCase = await Promise.all(cases.map((c, i) => runCase(draft, file, i, c, builds.get(i)!)));
  report.outcomes = perCase.flat();
  report.ms = performance.now() - t0;
  return report;
}

/**
 * One generate() for `indexes`; when it reports errors, the cases the errors point at are built alone (so their
 * own diagnostics are what the report shows) and the rest is built again without them. Errors that name no case
 * (a remote document, say) make every case of the group run alone: the brief's per-case fallback.
 */
async function buildIsolating(
  indexes: number[],
  inputs: string[],
  gen: (indexes: number[]) => Promise<{ build: Build } | { errors: Diagnostic[]; result: GenerateResult }>,
  out: Map<number, CaseBuild>,
  notes: string[],
): Promise<void> {
  if (indexes.length === 0) return;
  const r = await gen(indexes);
  if ("build" in r) {
    for (const i of indexes) out.set(i, { ok: true, build: r.build });
    return;
  }
  if (indexes.length === 1) {
    out.set(indexes[0]!, { ok: false, diagnostics: r.errors.map(formatDiagnostic).join("\n") });
    return;
  }
  const culprits = new Set<number>();
  let unattributed = 0;
  let global: Diagnostic | undefined;
  for (const d of r.errors) {
    const i = d.uri === undefined ? -1 : inputs.findIndex((p, k) => indexes.includes(k) && (d.uri === p || d.uri!.startsWith(dirname(p) + sep)));
    if (i >= 0) culprits.add(i);
    else if (d.uri === undefined) global ??= d;
    else unattributed++;
  }
  if (global !== undefined && culprits.size === 0 && unattributed === 0) {
    // An error about the run itself (an option, say): every case of it fails the same way; isolating would not help.
    for (const i of indexes) out.set(i, { ok: false, diagnostics: r.errors.map(formatDiagnostic).join("\n") });
    notes.push(`generate() failed for the whole run: ${formatDiagnostic(global)}`);
    return;
  }
  if (unattributed > 0 || culprits.size === 0) {
    notes.push(`errors outside the case folders (${r.errors.map(formatDiagnostic).join("; ").slice(0, 300)}): one generate() per case`);
    for (const i of indexes) await buildIsolating([i], inputs, gen, out, notes);
    return;
  }
  notes.push(`case${culprits.size > 1 ? "s" : ""} ${[...culprits].join(", ")} failed to generate: run alone, the others together`);
  for (const i of culprits) await buildIsolating([i], inputs, gen, out, notes);
  await buildIsolating(
    indexes.filter((i) => !culprits.has(i)),
    inputs,
    gen,
    out,
    notes,
  );
}

/**
 * Writes `<dir>/c<i>/schema.json`. An object schema without `$schema` gets the draft's, so the loader picks the
 * dialect (src/load/detect.ts reads only `$schema`). A boolean schema is written as it is: it cannot carry
 * `$schema` and detectDialect then falls back to 2020-12, which is harmless because `true`/`false` mean "accept
 * all"/"reject all" in every draft that allows them (draft-06 on; the draft-04 suite has no boolean root). No
 * wrapper such as `{"$schema": …, "allOf": [false]}` is used: it would change what is being tested.
 */
export function writeCase(dir: string, index: number, schema: unknown, draft: Draft): string {
  const path = join(dir, `c${index}`, "schema.json");
  mkdirSync(dirname(path), { recursive: true });
  const withDialect =
    schema !== null && typeof schema === "object" && !Array.isArray(schema) && !("$schema" in schema)
      ? { $schema: DIALECT_URI[draft], ...(schema as Record<string, unknown>) }
      : schema;
  writeFileSync(path, JSON.stringify(withDialect, null, 2));
  return path;
}

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, contents] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
}

/** Greedy partition of case indexes so that no two cases of a group declare the same `$id` (or draft-04 `id`). */
export function groupByIds(cases: SuiteCase[], draft: Draft): number[][] {
  const groups: { ids: Set<string>; members: number[] }[] = [];
  cases.forEach((c, i) => {
    const ids = collectIds(c.schema, draft === "draft4" ? "id" : "$id");
    let g = groups.find((x) => ![...ids].some((id) => x.ids.has(id)));
    if (!g) groups.push((g = { ids: new Set(), members: [] }));
    for (const id of ids) g.ids.add(id);
    g.members.push(i);
  });
  return groups.map((g) => g.members);
}

/** Absolute ids only (relative ones resolve against each case's own file URL, so they cannot collide). */
function collectIds(schema: unknown, key: string, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) collectIds(s, key, out);
  else if (schema !== null && typeof schema === "object") {
    for (const [k, v] of Object.entries(schema)) {
      if (k === key && typeof v === "string" && /^[a-z][a-z0-9+.-]*:/i.test(v)) out.add(v.replace(/#$/, ""));
      else collectIds(v, key, out);
    }
  }
  return out;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.uri === undefined ? "" : ` ${shortPath(d.uri)}${d.pointer ? "#" + d.pointer : ""}${d.line !== undefined ? `:${d.line}:${d.column ?? 0}` : ""}`;
  return `${d.severity} ${d.code}${where}: ${d.message}`;
}

/** `…/<draft>/<file>/in/c3/schema.json` → `c3/schema.json`: temp paths are noise in a report. */
function shortPath(uri: string): string {
  const m = /[/\\](in[/\\]c\d+[/\\].*)$/.exec(uri);
  return m ? m[1]!.replace(/^in[/\\]/, "") : uri;
}

// ---------------------------------------------------------------------------------------------------------------
// Running one case's tests against its generated module

type Fn = (value: unknown, options?: { allErrors?: boolean }) => unknown;

async function runCase(draft: Draft, file: string, caseIndex: number, c: SuiteCase, built: CaseBuild): Promise<TestOutcome[]> {
  const outcome = (t: SuiteCase["tests"][number], status: Status, detail?: string): TestOutcome => ({
    draft,
    file,
    caseIndex,
    case: c.description,
    test: t.description,
    valid: t.valid,
    status,
    ...(detail === undefined ? {} : { detail }),
  });
  if (!built.ok) return c.tests.map((t) => outcome(t, "generation-failed", built.diagnostics));
  const { pkgDir, result } = built.build;
  const namespace = `c${caseIndex}`;
  const entry = `${namespace}.js`;
  const name = rootName(result, namespace);
  if (!(entry in result.files)) {
    return c.tests.map((t) => outcome(t, "not-emitted", `validators not emitted: no ${entry} in the generated package`));
  }
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(join(pkgDir, entry)).href)) as Record<string, unknown>;
  } catch (e) {
    return c.tests.map((t) => outcome(t, "import-failed", `import ${entry}: ${describeError(e)}`));
  }
  const validate = mod[`validate${name}`];
  const is = mod[`is${name}`];
  const assert = mod[`assert${name}`];
  if (typeof validate !== "function" || typeof is !== "function") {
    const exported = Object.keys(mod).sort();
    const missing = [typeof validate !== "function" ? `validate${name}` : "", typeof is !== "function" ? `is${name}` : ""].filter(Boolean).join(", ");
    return c.tests.map((t) =>
      outcome(t, "not-emitted", `validators not emitted: ${entry} lacks ${missing} (exports: ${exported.length > 0 ? exported.join(", ") : "none"})`),
    );
  }
  return c.tests.map((t) => {
    const problems = checkTest(t.data, t.valid, validate as Fn, is as Fn, typeof assert === "function" ? (assert as Fn) : undefined, name);
    return problems.length === 0 ? outcome(t, "pass") : outcome(t, "fail", problems.join("; "));
  });
}

/** The declaration generated for the case's root (`Schema`, or its title's name). */
function rootName(result: GenerateResult, namespace: string): string {
  const root = result.types.find((t) => t.namespace === namespace && t.source.pointer === "" && /[/\\]schema\.json$/.test(t.source.uri));
  return root?.name ?? "Schema";
}

/** Every way a user can ask; each must agree with `valid`. Returns what went wrong (empty: pass). */
function checkTest(data: unknown, valid: boolean, validate: Fn, is: Fn, assert: Fn | undefined, name: string): string[] {
  const problems: string[] = [];
  const want = valid ? "valid" : "invalid";
  const call = (label: string, f: () => unknown): unknown => {
    try {
      return f();
    } catch (e) {
      problems.push(`${label} threw ${describeError(e)}`);
      return undefined;
    }
  };
  const r1 = call(`is${name}`, () => is(structuredClone(data)));
  if (r1 !== undefined && r1 !== valid) problems.push(`is${name} → ${JSON.stringify(r1)}, expected ${valid}`);
  for (const allErrors of [false, true]) {
    const label = `validate${name}${allErrors ? "(allErrors)" : ""}`;
    const r = call(label, () => (allErrors ? validate(structuredClone(data), { allErrors: true }) : validate(structuredClone(data))));
    if (r === undefined && problems.some((p) => p.startsWith(label))) continue;
    const shape = checkResult(r, valid);
    if (shape) problems.push(`${label}: ${shape}`);
  }
  if (assert === undefined) problems.push(`assert${name} is not exported`);
  else {
    try {
      assert(structuredClone(data));
      if (!valid) problems.push(`assert${name} did not throw, expected ${want}`);
    } catch (e) {
      if (valid) problems.push(`assert${name} threw ${describeError(e)}, expected ${want}`);
      else if (!(e instanceof Error) || !Array.isArray((e as { errors?: unknown }).errors)) problems.push(`assert${name} threw without .errors: ${describeError(e)}`);
    }
  }
  return problems;
}

/** `{ valid: true, value } | { valid: false, errors: [{ instancePath, schemaPath, keyword, message, params }] }`. */
function checkResult(r: unknown, valid: boolean): string | undefined {
  if (r === null || typeof r !== "object" || typeof (r as { valid?: unknown }).valid !== "boolean") return `returned ${preview(r)}, not { valid, … }`;
  const res = r as { valid: boolean; errors?: unknown };
  if (res.valid !== valid) {
    return valid ? `invalid, expected valid (${firstError(res.errors)})` : "valid, expected invalid";
  }
  if (!valid) {
    if (!Array.isArray(res.errors) || res.errors.length === 0) return "invalid as expected but without errors";
    const bad = res.errors.find(
      (e: unknown) =>
        e === null ||
        typeof e !== "object" ||
        typeof (e as Record<string, unknown>).instancePath !== "string" ||
        typeof (e as Record<string, unknown>).schemaPath !== "string" ||
        typeof (e as Record<string, unknown>).keyword !== "string" ||
        typeof (e as Record<string, unknown>).message !== "string",
    );
    if (bad !== undefined) return `error without instancePath/schemaPath/keyword/message strings: ${preview(bad)}`;
  }
  return undefined;
}

function firstError(errors: unknown): string {
  if (!Array.isArray(errors) || errors.length === 0) return "no errors";
  const e = errors[0] as Record<string, unknown>;
  return `${String(e.schemaPath)} ${String(e.keyword)} at "${String(e.instancePath)}": ${String(e.message)}${errors.length > 1 ? ` (+${errors.length - 1})` : ""}`;
}

function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message.split("\n")[0]}`;
  return preview(e);
}

function preview(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 120 ? s.slice(0, 117) + "…" : s;
}

// ---------------------------------------------------------------------------------------------------------------
// Running a draft, applying the skip list, reporting

export interface DraftReport {
  draft: Draft;
  kind: SuiteKind;
  formats: FormatsMode;
  files: FileReport[];
  outcomes: TestOutcome[];
  /** Skip entries (for this draft and kind, in the files run) that cover no failing test. */
  stale: { entry: SkipEntry; why: string }[];
  totals: Totals;
  ms: number;
}

export interface Totals {
  total: number;
  passed: number;
  /** Failing tests covered by the skip list. */
  known: number;
  /** Failing tests not covered by the skip list. */
  unexpected: number;
  byStatus: Record<Status, number>;
  generateCalls: number;
  /** passed / total. */
  rawPercent: number;
  /** passed / (total − known): the rate the acceptance targets are stated in. */
  percent: number;
}

export interface DraftRunOptions {
  /** Substring filter on `<draft>/<file>` (env CONFORMANCE_FILTER). */
  filter?: string;
  skip: readonly SkipEntry[];
}

export async function runDraft(ctx: RunContext, draft: Draft, kind: SuiteKind, options: DraftRunOptions): Promise<DraftReport> {
  const t0 = performance.now();
  const formats: FormatsMode = kind === "required" ? "annotate" : "assert";
  const files = suiteFiles(ctx.testSuiteDir, draft, kind).filter((f) => !options.filter || `${draft}/${f}`.includes(options.filter));
  const reports: FileReport[] = [];
  for (const f of files) reports.push(await runFile(ctx, draft, f, formats));
  const outcomes = reports.flatMap((r) => r.outcomes);
  const stale = applySkipList(outcomes, options.skip.filter((e) => e.draft === draft && files.includes(e.file)));
  return { draft, kind, formats, files: reports, outcomes, stale, totals: totals(outcomes, reports), ms: performance.now() - t0 };
}

/** A test is covered when draft, file and case description match and `test` is absent or matches too. */
export function skipCovers(e: SkipEntry, o: Pick<TestOutcome, "draft" | "file" | "case" | "test">): boolean {
  return e.draft === o.draft && e.file === o.file && e.case === o.case && (e.test === undefined || e.test === o.test);
}

/** Marks covered failing outcomes with their entry; returns the entries that cover nothing that fails. */
export function applySkipList(outcomes: TestOutcome[], entries: readonly SkipEntry[]): { entry: SkipEntry; why: string }[] {
  const stale: { entry: SkipEntry; why: string }[] = [];
  for (const e of entries) {
    const covered = outcomes.filter((o) => skipCovers(e, o));
    if (covered.length === 0) {
      stale.push({ entry: e, why: "matches no test of the suite (renamed or removed?)" });
      continue;
    }
    const failing = covered.filter((o) => o.status !== "pass");
    for (const o of failing) o.skip = e;
    if (failing.length === 0) stale.push({ entry: e, why: `all ${covered.length} test${covered.length === 1 ? "" : "s"} it covers now pass: remove it` });
  }
  return stale;
}

export function totals(outcomes: TestOutcome[], files: FileReport[]): Totals {
  const byStatus: Record<Status, number> = { pass: 0, fail: 0, "generation-failed": 0, "not-emitted": 0, "import-failed": 0 };
  for (const o of outcomes) byStatus[o.status]++;
  const total = outcomes.length;
  const passed = byStatus.pass;
  const known = outcomes.filter((o) => o.status !== "pass" && o.skip).length;
  const pct = (n: number, d: number) => (d === 0 ? 100 : (100 * n) / d);
  return {
    total,
    passed,
    known,
    unexpected: total - passed - known,
    byStatus,
    generateCalls: files.reduce((n, f) => n + f.generateCalls, 0),
    rawPercent: pct(passed, total),
    percent: pct(passed, total - known),
  };
}

/** The printed report of one draft: a summary line, the status breakdown, and the first failures by file. */
export function formatDraftReport(r: DraftReport, maxFailures = 30): string {
  const t = r.totals;
  const lines: string[] = [];
  const label = `${r.draft} ${r.kind === "required" ? "required" : "optional/format"} (formats: ${r.formats})`;
  lines.push(
    `── ${label}: ${t.passed}/${t.total} passed, ${t.percent.toFixed(2)} % after the skip list (${t.rawPercent.toFixed(2)} % raw); ` +
      `${t.unexpected} unexpected failure${t.unexpected === 1 ? "" : "s"}, ${t.known} known (skip list), ${r.stale.length} stale skip entr${r.stale.length === 1 ? "y" : "ies"}; ` +
      `${r.files.length} files, ${t.generateCalls} generate() calls, ${(r.ms / 1000).toFixed(1)} s`,
  );
  const parts = (Object.entries(t.byStatus) as [Status, number][]).filter(([s, n]) => s !== "pass" && n > 0).map(([s, n]) => `${s} ${n}`);
  if (parts.length > 0) lines.push(`   failures by kind: ${parts.join(", ")}`);
  if (t.byStatus["not-emitted"] > 0) {
    const without = r.files.filter((f) => !f.validatorsEmitted).length;
    lines.push(
      `   validators not emitted: ${t.byStatus["not-emitted"]} tests` +
        (without > 0 ? `; ${without}/${r.files.length} files produced no validators/ at all (is templates/validators wired into generate()?)` : ""),
    );
  }
  for (const s of r.stale) lines.push(`   STALE skip entry ${describeEntry(s.entry)}: ${s.why}`);
  const isolated = r.files.filter((f) => f.isolation.length > 0);
  for (const f of isolated.slice(0, 10)) lines.push(`   isolation in ${f.file}: ${f.isolation.join(" | ").slice(0, 300)}`);
  // When no file produced validators at all, "not emitted" says the same for every test: the line above is enough.
  const noneEmitted = r.files.every((f) => !f.validatorsEmitted);
  const failing = r.outcomes.filter((o) => o.status !== "pass" && !o.skip && !(noneEmitted && o.status === "not-emitted"));
  if (failing.length > 0) {
    lines.push(`   unexpected failures${noneEmitted && t.byStatus["not-emitted"] > 0 ? " other than not emitted" : ""} (first ${Math.min(maxFailures, failing.length)} of ${failing.length}), by file:`);
    const shown = failing.slice(0, maxFailures);
    const byFile = new Map<string, TestOutcome[]>();
    for (const o of shown) byFile.set(o.file, [...(byFile.get(o.file) ?? []), o]);
    for (const [file, list] of byFile) {
      const all = failing.filter((o) => o.file === file).length;
      lines.push(`   ${file} (${all} failing)`);
      let lastCase = -1;
      let lastDetail = "";
      for (const o of list) {
        if (o.caseIndex !== lastCase) {
          lines.push(`     [c${o.caseIndex}] ${o.case}`);
          lastCase = o.caseIndex;
          lastDetail = "";
        }
        // Generation failures and "not emitted" say the same for every test of a case: print the detail once.
        const detail = o.detail ?? "";
        const repeat = detail === lastDetail && o.status !== "fail";
        lines.push(`       ✗ ${o.test} (expected ${o.valid ? "valid" : "invalid"}) ${o.status}${repeat ? " (same)" : `: ${indent(detail)}`}`);
        lastDetail = detail;
      }
    }
  }
  return lines.join("\n");
}

function indent(s: string): string {
  const lines = s.split("\n");
  const head = lines.slice(0, 4).map((l) => (l.length > 240 ? l.slice(0, 237) + "…" : l));
  if (lines.length > 4) head.push(`… (${lines.length - 4} more lines)`);
  return head.join("\n           ");
}

export function describeEntry(e: SkipEntry): string {
  return `{ ${e.draft} ${e.file} "${e.case}"${e.test === undefined ? "" : ` / "${e.test}"`} }`;
}

/** One table over all drafts run: passed/total, % after the skip list, % raw, and the counts by kind. */
export function formatSummaryTable(reports: readonly DraftReport[]): string {
  const header = ["suite", "passed/total", "%", "raw %", "unexpected", "known", "stale", "not emitted", "gen failed", "import failed", "wrong", "s"];
  const rows = reports.map((r) => [
    `${r.draft}${r.kind === "format" ? " optional/format" : ""}`,
    `${r.totals.passed}/${r.totals.total}`,
    r.totals.percent.toFixed(2),
    r.totals.rawPercent.toFixed(2),
    String(r.totals.unexpected),
    String(r.totals.known),
    String(r.stale.length),
    String(r.totals.byStatus["not-emitted"]),
    String(r.totals.byStatus["generation-failed"]),
    String(r.totals.byStatus["import-failed"]),
    String(r.totals.byStatus.fail),
    (r.ms / 1000).toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const fmt = (row: string[]) => "| " + row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ") + " |";
  return [fmt(header), "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|", ...rows.map(fmt)].join("\n");
}
