/**
 * How sound and how precise the generated TYPES are on the official JSON-Schema-Test-Suite (issue #4), measured
 * as `npm run soundness` does (tools/soundness/measure.ts): every valid instance of the required tests must
 * type-check against its case's generated root type, and at least the target share of invalid ones must not.
 * `npm run soundness` prints the detailed report (which instances, which TypeScript errors).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { formatDraft, measure, type DraftReport } from "../../tools/soundness/measure.js";
import { describeShared, testSuiteDir } from "../helpers/shared.js";

/** Precision floors, in % of invalid instances rejected (issue #4: ≥ 55 on 2020-12, ≥ 60 on draft 7). */
const PRECISION: Record<string, number> = { "draft2020-12": 55, "draft2019-09": 55, draft7: 60, draft6: 60, draft4: 60 };

describeShared(
  "the generated types on the JSON-Schema-Test-Suite",
  () => {
    let outRoot: string;
    let reports: DraftReport[];
    beforeAll(async () => {
      outRoot = mkdtempSync(join(tmpdir(), "schemaforge-soundness-test-"));
      reports = await measure({ suiteDir: testSuiteDir, outRoot });
    });
    afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

    it("measures all five drafts", () => {
      expect(reports.map((r) => r.draft).sort()).toEqual(["draft2019-09", "draft2020-12", "draft4", "draft6", "draft7"]);
    });

    it.each(Object.keys(PRECISION))("%s: every case generates, and the output compiles under --strict", (draft) => {
      const r = reports.find((x) => x.draft === draft)!;
      expect(r.generationFailures.map((g) => `${g.file} [c${g.caseIndex}] ${g.case}`)).toEqual([]);
      expect(r.generatedDiagnostics).toEqual([]);
      expect(r.otherDiagnostics).toEqual([]);
    });

    it.each(Object.keys(PRECISION))("%s: 100 % sound (every valid instance fits its type)", (draft) => {
      const r = reports.find((x) => x.draft === draft)!;
      const unsound = r.unsound.map((o) => `${o.file} [c${o.caseIndex}] ${o.case} / ${o.test}: ${o.error ?? o.status}`);
      expect(unsound, formatDraft(r, 20)).toEqual([]);
      expect(r.valid.accepted).toBe(r.valid.total);
    });

    it.each(Object.entries(PRECISION))("%s: at least %d % precise (invalid instances rejected)", (draft, floor) => {
      const r = reports.find((x) => x.draft === draft)!;
      expect(r.invalid.total).toBeGreaterThan(200);
      expect(r.invalid.precisionPercent, formatDraft(r, 0)).toBeGreaterThanOrEqual(floor);
    });
  },
  testSuiteDir,
);
