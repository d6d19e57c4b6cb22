/**
 * The golden packages' docs and generated/'s, read as GitHub would (test/helpers/docs-check.ts): internal links and anchors
 * resolve, no raw HTML, Mermaid parses every diagram. The pages themselves are compared byte for byte by
 * test/golden; this checks they also work as documents.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDocs, mermaidErrors } from "../helpers/docs-check.js";
import { projectRoot } from "../helpers/shared.js";

const goldenDir = join(projectRoot, "test", "golden");
const cases = readdirSync(goldenDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out[relative(dir, join(e.parentPath, e.name)).split("\\").join("/")] = readFileSync(join(e.parentPath, e.name), "utf8");
  }
  return out;
}

const packages: [string, string][] = [...cases.map((c): [string, string] => [`golden ${c}`, join(goldenDir, c, "expected")]), ["generated/ (npm run generate)", join(projectRoot, "generated")]];

describe.each(packages)("docs of %s", (_name, dir) => {
  const files = readTree(dir);
  const report = checkDocs(files);

  it("has pages whose links and anchors resolve, with no raw HTML", () => {
    expect(report.pages).toBeGreaterThan(1);
    expect(report.brokenLinks).toEqual([]);
    expect(report.rawHtml).toEqual([]);
  });

  it("has Mermaid diagrams that Mermaid parses", async () => {
    expect(report.mermaid.length).toBe(report.pages - 1);
    expect(await mermaidErrors(report.mermaid)).toEqual([]);
  }, 60_000);
});
