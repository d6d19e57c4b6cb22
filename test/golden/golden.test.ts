/**
 * Golden fixtures: small inputs whose whole output is kept in expected/ (reviewed by hand when it changes:
 * `npx vitest run test/golden -u`, then read the diff). The expected packages are type-checked too.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline.js";
import { projectRoot } from "../helpers/shared.js";
import { removeTemp, typeCheck, writeTemp } from "../helpers/tsc.js";

const goldenDir = join(projectRoot, "test", "golden");
const cases = readdirSync(goldenDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe.each(cases)("golden %s", (name) => {
  it("generates exactly expected/, which type-checks under --strict", async () => {
    const result = await generate({ inputs: [join(goldenDir, name, "input")], packageName: `golden-${name}` });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    for (const [path, contents] of Object.entries(result.files)) {
      await expect(contents).toMatchFileSnapshot(join(goldenDir, name, "expected", path));
    }
    const consumer = `import * as all from "./index.js";\nexport const names: string[] = Object.keys(all);\n`;
    expect(typeCheck({ ...result.files, "consumer.ts": consumer })).toEqual([]);
  });

  it("runs: the generated JavaScript imports without side effects", async () => {
    const result = await generate({ inputs: [join(goldenDir, name, "input")] });
    const dir = writeTemp(result.files);
    const before = Object.keys(globalThis).length;
    try {
      const mod = (await import(pathToFileURL(join(dir, "index.js")).href)) as Record<string, unknown>;
      expect(typeof mod).toBe("object");
      expect(Object.keys(globalThis).length).toBe(before);
      expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    } finally {
      removeTemp(dir);
    }
  });
});
