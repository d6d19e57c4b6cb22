/**
 * The docs of the whole Cognito corpus (575 types), read as GitHub would: every internal link reaches an
 * existing page and anchor, every Mermaid block parses with Mermaid's own parser, no raw HTML from the schemas'
 * descriptions survives, and every example shown is accepted by the generated package's validator (imported
 * from the written package, not the toolkit's in-process check).
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generate } from "../../src/pipeline.js";
import { checkDocs, mermaidErrors, type DocsReport } from "../helpers/docs-check.js";
import { cognitoJsonSchemaDir, describeShared } from "../helpers/shared.js";
import { removeTemp, writeTemp } from "../helpers/tsc.js";

describeShared(
  "docs of the Cognito corpus",
  () => {
    let files: Record<string, string>;
    let report: DocsReport;
    let dir: string;
    beforeAll(async () => {
      const result = await generate({ inputs: [cognitoJsonSchemaDir], packageName: "cognito" });
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      files = result.files;
      report = checkDocs(files);
      dir = writeTemp(files);
    }, 120_000);
    afterAll(() => dir && removeTemp(dir));

    it("has a page per type and an index", () => {
      expect(report.pages).toBe(575 + 1);
      expect(files["docs/README.md"]).toContain("| [AdminRespondToAuthChallengeRequest](cognito-idp/AdminRespondToAuthChallengeRequest.md) | [AdminRespondToAuthChallengeResponse](cognito-idp/AdminRespondToAuthChallengeResponse.md) |");
    });

    it("has no broken internal link or anchor", () => {
      expect(report.brokenLinks).toEqual([]);
    });

    it("lets no raw HTML through", () => {
      expect(report.rawHtml).toEqual([]);
    });

    it("has Mermaid diagrams that Mermaid parses", async () => {
      expect(report.mermaid.length).toBe(575);
      expect(await mermaidErrors(report.mermaid)).toEqual([]);
    }, 120_000);

    it("shows only examples that the generated validators accept, and one for every type", async () => {
      expect(report.noExample).toEqual([]);
      expect(report.examples.length).toBe(575);
      const modules = new Map<string, Record<string, (v: unknown) => { valid: boolean; errors?: unknown[] }>>();
      const rejected: string[] = [];
      for (const { page, value } of report.examples) {
        const [, ns, file] = page.split("/") as [string, string, string];
        if (!modules.has(ns)) modules.set(ns, await import(pathToFileURL(join(dir, `${ns}.js`)).href));
        const validate = modules.get(ns)![`validate${file.replace(/\.md$/, "")}`]!;
        const r = validate(value);
        if (!r.valid) rejected.push(`${page}: ${JSON.stringify(r.errors)}`);
      }
      expect(rejected).toEqual([]);
    });
  },
  cognitoJsonSchemaDir,
);
