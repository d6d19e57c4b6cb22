/**
 * The suite files where patterns occur, run again with `patterns: "linear"` (the linear-time engine): every test
 * must pass as under the default. The suite has no pattern the engine cannot run (no backreference, no
 * lookaround): all of them run on it, none falls back (the fallback is tested in test/validators/patterns-linear).
 * A filtered variant of suite.test.ts (see runner.ts): these files only, not the whole suite twice.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeShared, testSuiteDir } from "../helpers/shared.js";
import { createRunContext, DRAFTS, formatDraftReport, runFile, totals, type DraftReport, type FileReport, type RunContext } from "./runner.js";

/** Suite files (relative to tests/<draft>/) with `pattern` or `patternProperties`; each draft runs those it has. */
const FILES = [
  "pattern.json",
  "patternProperties.json",
  "additionalProperties.json",
  "properties.json",
  "propertyNames.json",
  "unevaluatedProperties.json",
  "optional/ecmascript-regex.json",
  "optional/non-bmp-regex.json",
];

let ctx: RunContext | undefined;

describeShared(
  "JSON-Schema-Test-Suite pattern files with patterns: linear",
  () => {
    beforeAll(async () => {
      ctx = await createRunContext(testSuiteDir, "sf-conformance-linear-");
    });
    afterAll(() => {
      if (ctx) rmSync(ctx.tmpRoot, { recursive: true, force: true });
    });

    for (const draft of DRAFTS) {
      const files = FILES.filter((f) => existsSync(join(testSuiteDir, "tests", draft, f)));
      describe(`${draft} (${files.length} files)`, () => {
        let reports: FileReport[];
        let report: DraftReport;
        beforeAll(async () => {
          reports = [];
          for (const f of files) reports.push(await runFile(ctx!, draft, f, "annotate", { patterns: "linear" }));
          const outcomes = reports.flatMap((r) => r.outcomes);
          report = { draft, kind: "required", formats: "annotate", files: reports, outcomes, stale: [], totals: totals(outcomes, reports), ms: reports.reduce((n, r) => n + r.ms, 0) };
          console.log(formatDraftReport(report).replace("required (formats: annotate)", "pattern files (patterns: linear)"));
        });

        it("passes every test", () => {
          expect(report.outcomes.filter((o) => o.status !== "pass").map((o) => `${o.file} [c${o.caseIndex}] ${o.case} / ${o.test}: ${o.status} ${o.detail ?? ""}`)).toEqual([]);
          expect(report.totals.total).toBeGreaterThan(0);
        });

        it("runs every pattern on the engine: none left to the native RegExp, no backtracking warning", () => {
          const packages = reports.flatMap((r) => r.packages);
          const modules = packages.flatMap((p) => readdirSync(join(p, "validators")).filter((f) => f.endsWith(".js")).map((f) => readFileSync(join(p, "validators", f), "utf8")));
          expect(modules.some((m) => m.includes("R_linear("))).toBe(true);
          const warnings = reports.flatMap((r) => r.warnings).filter((d) => d.code === "pattern-not-linear" || d.code === "pattern-backtracking");
          expect(warnings.map((d) => d.message)).toEqual([]);
        });
      });
    }
  },
  testSuiteDir,
);
