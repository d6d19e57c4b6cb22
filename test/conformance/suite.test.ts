/**
 * The official JSON-Schema-Test-Suite through the generated package (see runner.ts and README.md here):
 * required tests of every draft with `formats: "annotate"`, optional/format with `formats: "assert"`.
 * Each draft prints its report; the last hook prints one table over all of them.
 *
 * Env: CONFORMANCE_FILTER=<substring of "<draft>/<file>"> runs a subset (e.g. `draft2020-12/ref.json`);
 * CONFORMANCE_KEEP=1 keeps the temp folder (inputs and generated packages) and prints where it is;
 * CONFORMANCE_REPORT=<path> writes every outcome as JSON.
 */
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeShared, testSuiteDir } from "../helpers/shared.js";
import {
  DRAFTS,
  createRunContext,
  describeEntry,
  formatDraftReport,
  formatSummaryTable,
  runDraft,
  suiteFiles,
  type Draft,
  type DraftReport,
  type RunContext,
  type SuiteKind,
} from "./runner.js";
import { SKIP } from "./skip.js";

/** Acceptance targets, in % of tests passing after the skip list; `undefined`: reported, not asserted. */
const TARGETS: Record<SuiteKind, Partial<Record<Draft, number>>> = {
  required: { "draft2020-12": 99.8, "draft2019-09": 99.8, draft7: 100, draft6: 100, draft4: 100 },
  format: { "draft2020-12": 99, draft7: 99 },
};
/** optional/format is run for these (2019-09, draft6 and draft4 are reported only). */
const FORMAT_DRAFTS: readonly Draft[] = ["draft2020-12", "draft2019-09", "draft7", "draft6", "draft4"];

const filter = process.env.CONFORMANCE_FILTER || undefined;
const reports: DraftReport[] = [];
let ctx: RunContext | undefined;

function filesOf(draft: Draft, kind: SuiteKind): string[] {
  if (!existsSync(testSuiteDir)) return [];
  return suiteFiles(testSuiteDir, draft, kind).filter((f) => !filter || `${draft}/${f}`.includes(filter));
}

describeShared(
  "JSON-Schema-Test-Suite through the generated validators",
  () => {
    beforeAll(async () => {
      ctx = await createRunContext(testSuiteDir, "sf-conformance-");
    });

    afterAll(() => {
      if (reports.length > 0) console.log(`\nJSON-Schema-Test-Suite conformance\n${formatSummaryTable(reports)}\n`);
      if (process.env.CONFORMANCE_REPORT) {
        writeFileSync(process.env.CONFORMANCE_REPORT, JSON.stringify(reports.map(({ files: _files, ...r }) => r), null, 2));
        console.log(`full report: ${process.env.CONFORMANCE_REPORT}`);
      }
      if (!ctx) return;
      if (process.env.CONFORMANCE_KEEP) console.log(`inputs and generated packages kept in ${ctx.tmpRoot}`);
      else rmSync(ctx.tmpRoot, { recursive: true, force: true });
    });

    it("the skip list is well-formed: known drafts and files, a real reason, no duplicates", () => {
      const problems: string[] = [];
      const seen = new Set<string>();
      for (const e of SKIP) {
        const where = describeEntry(e);
        if (!DRAFTS.includes(e.draft)) problems.push(`${where}: unknown draft`);
        else if (!existsSync(join(testSuiteDir, "tests", e.draft, e.file))) problems.push(`${where}: no such file in the suite`);
        if (e.reason.trim().length < 20) problems.push(`${where}: the reason must say precisely why (got ${JSON.stringify(e.reason)})`);
        const key = `${e.draft}\0${e.file}\0${e.case}\0${e.test ?? ""}`;
        if (seen.has(key)) problems.push(`${where}: listed twice`);
        seen.add(key);
      }
      expect(problems).toEqual([]);
    });

    for (const kind of ["required", "format"] as const) {
      for (const draft of kind === "required" ? DRAFTS : FORMAT_DRAFTS) {
        const files = filesOf(draft, kind);
        const target = TARGETS[kind][draft];
        const title = `${draft} ${kind === "required" ? "required (formats: annotate)" : "optional/format (formats: assert)"}`;
        const skipped = files.length === 0 ? " (skipped: no file of this draft matches CONFORMANCE_FILTER)" : "";
        describe.skipIf(files.length === 0)(title + skipped, () => {
          let report: DraftReport;
          beforeAll(async () => {
            report = await runDraft(ctx!, draft, kind, { filter, skip: SKIP });
            reports.push(report);
            console.log(formatDraftReport(report));
          });

          const summary = () =>
            `${title}: ${report.totals.passed}/${report.totals.total} passed (${report.totals.percent.toFixed(2)} % after the skip list), ` +
            `${report.totals.unexpected} unexpected failures (${report.totals.byStatus["not-emitted"]} with validators not emitted); see the report printed above`;

          if (target !== undefined) {
            it(`passes ≥ ${target} % of the tests (after the skip list)`, () => {
              expect(report.totals.percent, summary()).toBeGreaterThanOrEqual(target);
            });
          } else {
            it("runs (reported, no target)", () => {
              expect(report.totals.total).toBeGreaterThan(0);
            });
          }

          it("has no stale skip entries (listed tests that now pass or no longer exist)", () => {
            expect(report.stale.map((s) => `${describeEntry(s.entry)}: ${s.why}`)).toEqual([]);
          });
        });
      }
    }
  },
  testSuiteDir,
);
