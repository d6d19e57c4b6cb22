/**
 * Soundness and precision of the generated TYPES, measured on the official JSON-Schema-Test-Suite (issue #4).
 *
 * For every draft's required suite files (tests/<draft>/*.json): each case's schema becomes `c<i>/schema.json`
 * (with the draft's `$schema`, exactly as test/conformance/runner.ts does), one `generate({ emit: ["types"] })`
 * per suite file (per case when a run reports errors), the package is written to a temp folder, and one
 * `check.ts` per suite file states every test instance as a TypeScript literal against the case's root type:
 *
 *     declare function accept<T>(): <const V extends T>(v: V) => void;
 *     accept<Root_c3>()({"foo": 1}); // one statement per line, one line per test
 *
 * The generic constraint means V is inferred from the literal and then checked for assignability to the type:
 * no excess-property check on a fresh literal counts (the instance is any JSON value, extra members included).
 * TypeScript's other rules do count (weak-type detection, say): a user assigning such a value hits them too.
 *
 * - soundness: valid instances whose line has no diagnostic / valid instances.
 * - precision: invalid instances whose line has a diagnostic / invalid instances.
 * Instances of cases whose generation failed count as neither accepted nor rejected (and are listed).
 * All of a draft's check files go through ONE ts.createProgram (strict, skipLibCheck off so the generated .d.ts
 * files are checked too: "compiled under --strict" is about those).
 *
 * Usage: npm run soundness [-- <filter>]   (filter: substring of "<draft>/<file>", e.g. draft7/ref.json)
 * Env: SOUNDNESS_SUITE_DIR (default ../shared/corpora/json-schema-test-suite), SOUNDNESS_MAX_LIST (default 40).
 * Output: a table on stdout; every outcome in <tmpdir>/schemaforge-soundness/report.json (path printed).
 */
import { existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { formatDraft, measure, table } from "./measure.js";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const testSuiteDir = resolve(process.env.SOUNDNESS_SUITE_DIR ?? join(projectRoot, "..", "shared", "corpora", "json-schema-test-suite"));
const filter = process.argv[2] || process.env.SOUNDNESS_FILTER || undefined;
const maxList = Number(process.env.SOUNDNESS_MAX_LIST ?? 40);
const outRoot = join(tmpdir(), "schemaforge-soundness");

async function main(): Promise<void> {
  if (!existsSync(join(testSuiteDir, "tests"))) throw new Error(`no JSON-Schema-Test-Suite at ${testSuiteDir} (set SOUNDNESS_SUITE_DIR)`);
  const t0 = performance.now();
  const reports = await measure({ suiteDir: testSuiteDir, outRoot, ...(filter ? { filter } : {}) });
  for (const r of reports) console.log(formatDraft(r, maxList));
  const total = performance.now() - t0;
  console.log("\n" + table(reports));
  console.log(`total ${(total / 1000).toFixed(1)} s`);
  const reportPath = join(outRoot, "report.json");
  writeFileSync(
    reportPath,
    JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        suite: testSuiteDir,
        filter: filter ?? null,
        ms: total,
        workDir: outRoot,
        drafts: reports,
      },
      null,
      2,
    ),
  );
  console.log(`report: ${reportPath}\nwork dir (inputs, generated packages, check.ts per suite file): ${outRoot}`);
}

await main();
