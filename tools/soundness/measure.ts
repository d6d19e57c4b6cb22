/**
 * The measurement behind `npm run soundness` and test/soundness: soundness and precision of the generated TYPES on
 * the official JSON-Schema-Test-Suite (issue #4). See README.md here for the method; run.ts is the command line.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import type { GenerateOptions } from "../../src/config/options.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { generate, type GenerateResult } from "../../src/pipeline.js";
import { DRAFTS, formatDiagnostic, groupByIds, prepareMetaschemas, suiteFiles, writeCase, type Draft, type SuiteCase } from "../../test/conformance/runner.js";

export interface MeasureOptions {
  /** The JSON-Schema-Test-Suite checkout (holding tests/ and remotes/). */
  suiteDir: string;
  /** A work folder, wiped first: inputs, generated packages and check files stay there for inspection. */
  outRoot: string;
  /** Substring of "<draft>/<file>" to measure a subset. */
  filter?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Types

export type Status = "accepted" | "rejected" | "generation-failed" | "no-root-type";

export interface TestOutcome {
  draft: Draft;
  file: string;
  caseIndex: number;
  case: string;
  test: string;
  valid: boolean;
  status: Status;
  /** The TypeScript diagnostics on the test's line (rejected), or why the test was not checked. */
  error?: string;
  /** The `check.ts` line (1-based), to look at the statement. */
  line?: number;
}

export interface CaseInfo {
  draft: Draft;
  file: string;
  caseIndex: number;
  description: string;
  schema: unknown;
  /** The generated types module of the case (`types/c<i>.d.ts`), for the report. */
  types?: string;
  rootName?: string;
  generationErrors?: string;
}

interface FileWork {
  draft: Draft;
  file: string;
  dir: string;
  checkFile: string;
  cases: CaseInfo[];
  /** check.ts line → the test it states. */
  lines: Map<number, { caseIndex: number; testIndex: number }>;
  suite: SuiteCase[];
  generateCalls: number;
  /** Folders of the packages written for this file. */
  pkgDirs: string[];
}

export interface DraftReport {
  draft: Draft;
  files: number;
  cases: number;
  generateCalls: number;
  generationFailures: { file: string; caseIndex: number; case: string; errors: string }[];
  valid: { total: number; checked: number; accepted: number; soundnessPercent: number };
  invalid: { total: number; checked: number; rejected: number; precisionPercent: number };
  /** Diagnostics inside generated files (strict): empty when every generated output compiled. */
  generatedDiagnostics: string[];
  /** Diagnostics in check files not on a test line (an import that failed, say). */
  otherDiagnostics: string[];
  unsound: TestOutcome[];
  /** The cases with an unsound test: schema, root type name, generated types module, check file. */
  unsoundCases: (CaseInfo & { checkFile: string })[];
  outcomes: TestOutcome[];
  ms: { generate: number; typecheck: number };
}

// ---------------------------------------------------------------------------------------------------------------
// Generation (mirrors test/conformance/runner.ts: same inputs, $schema, maps, namespace per case folder)

type Options = Omit<GenerateOptions, "emit"> & { emit: string[]; formats: "annotate" };

async function generateFile(opts: MeasureOptions, draft: Draft, file: string, metaMaps: string[]): Promise<FileWork> {
  const { suiteDir: testSuiteDir, outRoot } = opts;
  const suite = JSON.parse(readFileSync(join(testSuiteDir, "tests", draft, file), "utf8")) as SuiteCase[];
  const dir = join(outRoot, draft, file.replace(/\.json$/, "").replace(/[^A-Za-z0-9-]+/g, "_"));
  rmSync(dir, { recursive: true, force: true });
  const inputs = suite.map((c, i) => writeCase(join(dir, "in"), i, c.schema, draft));
  const work: FileWork = {
    draft,
    file,
    dir,
    checkFile: join(dir, "check.ts"),
    cases: suite.map((c, i) => ({ draft, file, caseIndex: i, description: c.description, schema: c.schema })),
    lines: new Map(),
    suite,
    generateCalls: 0,
    pkgDirs: [],
  };
  /** Case index → the package folder holding its namespace. */
  const pkgOf = new Map<number, string>();
  const run = async (indexes: number[]): Promise<{ result: GenerateResult; errors: Diagnostic[] }> => {
    work.generateCalls++;
    const options: Options = {
      inputs: indexes.map((i) => inputs[i]!),
      emit: ["types"],
      formats: "annotate",
      namespaceBy: "folder",
      map: [`http://localhost:1234/=${join(testSuiteDir, "remotes")}`, ...metaMaps],
      packageName: "soundness",
    };
    let result: GenerateResult;
    try {
      result = await generate(options as unknown as GenerateOptions);
    } catch (e) {
      const message = e instanceof Error ? `${e.name}: ${e.message.split("\n")[0]}` : String(e);
      const d = { severity: "error", code: "generate-threw", message } as unknown as Diagnostic;
      return { result: { files: {}, types: [], diagnostics: [d] } as unknown as GenerateResult, errors: [d] };
    }
    return { result, errors: result.diagnostics.filter((d) => d.severity === "error") };
  };
  const accept = (indexes: number[], result: GenerateResult): void => {
    const pkgDir = join(dir, `pkg${work.pkgDirs.length}`);
    work.pkgDirs.push(pkgDir);
    for (const [path, contents] of Object.entries(result.files)) {
      const target = join(pkgDir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, contents);
    }
    for (const i of indexes) {
      pkgOf.set(i, pkgDir);
      const info = work.cases[i]!;
      const ns = `c${i}`;
      const root = result.types.find((t) => t.namespace === ns && t.source.pointer === "" && /[/\\]schema\.json$/.test(t.source.uri));
      if (root) info.rootName = root.name;
      info.types = result.files[`types/${ns}.d.ts`];
    }
  };
  // Cases declaring the same absolute $id cannot share a run; a run with errors falls back to one run per case.
  for (const group of groupByIds(suite, draft)) {
    const r = await run(group);
    if (r.errors.length === 0) {
      accept(group, r.result);
      continue;
    }
    for (const i of group) {
      const solo = group.length === 1 ? r : await run([i]);
      if (solo.errors.length === 0) accept([i], solo.result);
      else work.cases[i]!.generationErrors = solo.errors.map(formatDiagnostic).join("\n");
    }
  }
  writeCheckFile(work, pkgOf);
  return work;
}

// ---------------------------------------------------------------------------------------------------------------
// The check file

/**
 * A JSON value as a TypeScript expression on one line. JSON syntax is TypeScript syntax except for:
 * - `-0`: JSON.stringify writes `0`; written `-0` (a `number` either way, but the text stays faithful);
 * - the member `__proto__`: `{"__proto__": 1}` in an object literal SETS THE PROTOTYPE in JavaScript, while
 *   JSON.parse makes it an own property. Written as the computed key `["__proto__"]`, which JavaScript treats as
 *   an own property and TypeScript as the property named `__proto__` (TypeScript types both spellings as a
 *   property, so this changes no figure; it keeps the statement meaning what the instance means);
 * - non-finite numbers (JSON.parse of 1e400): written `Infinity`; the suite has none today.
 */
export function tsLiteral(v: unknown): string {
  if (v === null) return "null";
  switch (typeof v) {
    case "boolean":
      return String(v);
    case "string":
      return JSON.stringify(v);
    case "number":
      if (Object.is(v, -0)) return "-0";
      if (!Number.isFinite(v)) return Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
      return JSON.stringify(v);
    case "object":
      if (Array.isArray(v)) return `[${v.map(tsLiteral).join(", ")}]`;
      {
        const members = Object.entries(v as Record<string, unknown>).map(
          ([k, x]) => `${k === "__proto__" ? `["__proto__"]` : JSON.stringify(k)}: ${tsLiteral(x)}`,
        );
        return members.length === 0 ? "{}" : `{ ${members.join(", ")} }`;
      }
    default:
      throw new Error(`not a JSON value: ${String(v)}`);
  }
}

function writeCheckFile(work: FileWork, pkgOf: Map<number, string>): void {
  const lines: string[] = [
    `// ${work.draft}/${work.file}: every test instance against its case's root type (tools/soundness/run.ts).`,
    "declare function accept<T>(): <const V extends T>(v: V) => void;",
  ];
  for (const c of work.cases) {
    const pkg = pkgOf.get(c.caseIndex);
    if (pkg === undefined || c.rootName === undefined) continue;
    const spec = "./" + relative(work.dir, join(pkg, `c${c.caseIndex}.js`)).split(sep).join("/");
    lines.push(`import type { ${c.rootName} as Root_c${c.caseIndex} } from ${JSON.stringify(spec)};`);
  }
  for (const c of work.cases) {
    if (c.rootName === undefined) continue;
    work.suite[c.caseIndex]!.tests.forEach((t, k) => {
      lines.push(`accept<Root_c${c.caseIndex}>()(${tsLiteral(t.data)}); // ${t.valid ? "valid" : "invalid"}: c${c.caseIndex} t${k}`);
      work.lines.set(lines.length, { caseIndex: c.caseIndex, testIndex: k });
    });
  }
  lines.push("export {};", "");
  writeFileSync(work.checkFile, lines.join("\n"));
}

// ---------------------------------------------------------------------------------------------------------------
// Type-checking a draft

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts"],
  types: [],
  skipLibCheck: false,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: false,
};

function message(d: ts.Diagnostic): string {
  const text = ts.flattenDiagnosticMessageText(d.messageText, "\n  ");
  return `TS${d.code}: ${text.length > 600 ? text.slice(0, 597) + "…" : text}`;
}

function where(d: ts.Diagnostic, outRoot: string): string {
  if (!d.file || d.start === undefined) return "";
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${relative(outRoot, d.file.fileName)}:${line + 1}:${character + 1}: `;
}

async function runDraft(opts: MeasureOptions, draft: Draft, metaMaps: string[]): Promise<DraftReport> {
  const { suiteDir: testSuiteDir, outRoot, filter } = opts;
  const t0 = performance.now();
  const files = suiteFiles(testSuiteDir, draft, "required").filter((f) => !filter || `${draft}/${f}`.includes(filter));
  const works: FileWork[] = [];
  for (const f of files) works.push(await generateFile(opts, draft, f, metaMaps));
  const t1 = performance.now();

  const program = ts.createProgram(
    works.map((w) => w.checkFile),
    COMPILER_OPTIONS,
  );
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics()];
  const t2 = performance.now();

  const byCheck = new Map(works.map((w) => [w.checkFile, { work: w, byLine: new Map<number, string[]>() }]));
  const generatedDiagnostics: string[] = [];
  const otherDiagnostics: string[] = [];
  for (const d of diagnostics) {
    const entry = d.file ? byCheck.get(resolve(d.file.fileName)) : undefined;
    if (!entry) {
      (d.file && resolve(d.file.fileName).startsWith(outRoot) ? generatedDiagnostics : otherDiagnostics).push(where(d, outRoot) + message(d));
      continue;
    }
    const line = d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1;
    if (!entry.work.lines.has(line)) {
      otherDiagnostics.push(where(d, outRoot) + message(d));
      continue;
    }
    entry.byLine.set(line, [...(entry.byLine.get(line) ?? []), message(d)]);
  }

  const outcomes: TestOutcome[] = [];
  const generationFailures: DraftReport["generationFailures"] = [];
  for (const w of works) {
    const lineOf = new Map<string, number>();
    for (const [line, t] of w.lines) lineOf.set(`${t.caseIndex}/${t.testIndex}`, line);
    const byLine = byCheck.get(w.checkFile)!.byLine;
    for (const c of w.cases) {
      if (c.generationErrors !== undefined) generationFailures.push({ file: w.file, caseIndex: c.caseIndex, case: c.description, errors: c.generationErrors });
      w.suite[c.caseIndex]!.tests.forEach((t, k) => {
        const base = { draft, file: w.file, caseIndex: c.caseIndex, case: c.description, test: t.description, valid: t.valid };
        if (c.generationErrors !== undefined) outcomes.push({ ...base, status: "generation-failed", error: c.generationErrors });
        else if (c.rootName === undefined) outcomes.push({ ...base, status: "no-root-type", error: "generate() listed no type for the case's root" });
        else {
          const line = lineOf.get(`${c.caseIndex}/${k}`)!;
          const errs = byLine.get(line);
          outcomes.push(errs ? { ...base, status: "rejected", error: errs.join("\n"), line } : { ...base, status: "accepted", line });
        }
      });
    }
  }
  const pct = (n: number, d: number) => (d === 0 ? 100 : (100 * n) / d);
  const valid = outcomes.filter((o) => o.valid);
  const invalid = outcomes.filter((o) => !o.valid);
  const checked = (list: TestOutcome[]) => list.filter((o) => o.status === "accepted" || o.status === "rejected").length;
  const accepted = valid.filter((o) => o.status === "accepted").length;
  const rejected = invalid.filter((o) => o.status === "rejected").length;
  return {
    draft,
    files: works.length,
    cases: works.reduce((n, w) => n + w.cases.length, 0),
    generateCalls: works.reduce((n, w) => n + w.generateCalls, 0),
    generationFailures,
    valid: { total: valid.length, checked: checked(valid), accepted, soundnessPercent: pct(accepted, valid.length) },
    invalid: { total: invalid.length, checked: checked(invalid), rejected, precisionPercent: pct(rejected, invalid.length) },
    generatedDiagnostics,
    otherDiagnostics,
    unsound: valid.filter((o) => o.status !== "accepted"),
    unsoundCases: works.flatMap((w) =>
      w.cases
        .filter((c) => valid.some((o) => o.file === w.file && o.caseIndex === c.caseIndex && o.status !== "accepted"))
        .map((c) => ({ ...c, checkFile: w.checkFile })),
    ),
    outcomes,
    ms: { generate: t1 - t0, typecheck: t2 - t1 },
  };
}

/** Every draft's report (drafts with no file left by the filter are left out). */
export async function measure(opts: MeasureOptions): Promise<DraftReport[]> {
  rmSync(opts.outRoot, { recursive: true, force: true });
  mkdirSync(opts.outRoot, { recursive: true });
  const metaMaps = await prepareMetaschemas(join(opts.outRoot, "meta"));
  const reports: DraftReport[] = [];
  for (const draft of DRAFTS) {
    const r = await runDraft(opts, draft, metaMaps);
    if (r.files > 0) reports.push(r);
  }
  return reports;
}

export function table(reports: DraftReport[]): string {
  const header = ["draft", "cases", "gen failed", "valid", "accepted", "soundness %", "invalid", "rejected", "precision %", "strict ok", "gen s", "tsc s"];
  const rows = reports.map((r) => [
    r.draft,
    String(r.cases),
    String(r.generationFailures.length),
    String(r.valid.total),
    String(r.valid.accepted),
    r.valid.soundnessPercent.toFixed(2),
    String(r.invalid.total),
    String(r.invalid.rejected),
    r.invalid.precisionPercent.toFixed(2),
    r.generatedDiagnostics.length === 0 ? "yes" : `NO (${r.generatedDiagnostics.length})`,
    (r.ms.generate / 1000).toFixed(1),
    (r.ms.typecheck / 1000).toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const fmt = (row: string[]) => "| " + row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ") + " |";
  return [fmt(header), "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|", ...rows.map(fmt)].join("\n");
}

export const short = (s: string, n = 300) => {
  const one = s.replace(/\s*\n\s*/g, " ⏎ ");
  return one.length > n ? one.slice(0, n - 1) + "…" : one;
};

/** The detailed report of one draft: summary, failures, diagnostics, the worst files, the unsound tests. */
export function formatDraft(r: DraftReport, maxList: number): string {
  const lines = [
    `── ${r.draft}: ${r.files} files, ${r.cases} cases, ${r.generateCalls} generate() calls; ` +
      `soundness ${r.valid.accepted}/${r.valid.total} = ${r.valid.soundnessPercent.toFixed(2)} %, ` +
      `precision ${r.invalid.rejected}/${r.invalid.total} = ${r.invalid.precisionPercent.toFixed(2)} %`,
  ];
  for (const g of r.generationFailures) lines.push(`   generation failed: ${g.file} [c${g.caseIndex}] ${g.case}: ${short(g.errors)}`);
  if (r.generatedDiagnostics.length > 0) {
    lines.push(`   generated output does NOT compile under --strict (${r.generatedDiagnostics.length} diagnostics), first 10:`);
    for (const d of r.generatedDiagnostics.slice(0, 10)) lines.push(`     ${short(d)}`);
  }
  if (r.otherDiagnostics.length > 0) {
    lines.push(`   other diagnostics in the check files (${r.otherDiagnostics.length}), first 10:`);
    for (const d of r.otherDiagnostics.slice(0, 10)) lines.push(`     ${short(d)}`);
  }
  const misses = new Map<string, { total: number; missed: number }>();
  for (const o of r.outcomes.filter((x) => !x.valid)) {
    const m = misses.get(o.file) ?? { total: 0, missed: 0 };
    m.total++;
    if (o.status !== "rejected") m.missed++;
    misses.set(o.file, m);
  }
  const worst = [...misses].filter(([, m]) => m.missed > 0).sort((a, b) => b[1].missed - a[1].missed);
  lines.push(`   invalid instances accepted, by file (most first): ${worst.slice(0, 15).map(([f, m]) => `${f.replace(/\.json$/, "")} ${m.missed}/${m.total}`).join(", ")}`);
  const unsound = r.unsound.filter((o) => o.status === "rejected");
  if (unsound.length > 0) {
    lines.push(`   unsound (valid instance rejected), first ${Math.min(maxList, unsound.length)} of ${unsound.length}:`);
    for (const o of unsound.slice(0, maxList)) lines.push(`     ${o.file} [c${o.caseIndex}] ${o.case} / ${o.test}: ${short(o.error ?? "", 260)}`);
  }
  return lines.join("\n");
}
