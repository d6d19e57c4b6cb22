/** Inputs → files: folders are searched for JSON/YAML, globs are expanded, results are sorted and unique. */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../../src/diagnostics/diagnostic.js";
import { expandInputs } from "../../../src/load/index.js";
import { removeTemp, writeTemp } from "../../helpers/tsc.js";

describe("expandInputs", () => {
  let dir: string;
  beforeAll(() => {
    dir = writeTemp(
      {
        "b.json": "{}",
        "a.yaml": "{}",
        "c.yml": "{}",
        "notes.txt": "not a schema",
        "README.md": "# no",
        "sub/d.json": "{}",
        "sub/deeper/e.yaml": "{}",
        "node_modules/pkg/f.json": "{}",
        ".git/g.json": "{}",
      },
      "sf-inputs-",
    );
  });
  afterAll(() => removeTemp(dir));

  const rel = (files: string[]) => files.map((f) => f.slice(dir.length + 1));

  const cases: [string, { given: string[]; want: { files: string[]; roots: string[]; errors: string[] } }][] = [
    [
      "a folder: every .json/.yaml/.yml below it, sorted, skipping node_modules and .git",
      { given: ["."], want: { files: ["a.yaml", "b.json", "c.yml", "sub/d.json", "sub/deeper/e.yaml"], roots: [""], errors: [] } },
    ],
    ["a file: the file, rooted at its folder", { given: ["sub/d.json"], want: { files: ["sub/d.json"], roots: ["sub"], errors: [] } }],
    [
      "a glob: the matches, each rooted at its folder",
      { given: ["**/*.yaml"], want: { files: ["a.yaml", "sub/deeper/e.yaml"], roots: ["", "sub/deeper"], errors: [] } },
    ],
    [
      "overlapping inputs: each file once",
      { given: ["sub", "sub/d.json", "sub/*.json"], want: { files: ["sub/d.json", "sub/deeper/e.yaml"], roots: ["sub"], errors: [] } },
    ],
    ["a glob that matches nothing: an error naming it", { given: ["missing/*.json"], want: { files: [], roots: [], errors: ["input-not-found"] } }],
  ];

  it.each(cases)("%s", async (_name, { given, want }) => {
    const bag = new DiagnosticBag();
    const { files, roots } = await expandInputs(given, dir, bag);
    expect(rel(files)).toEqual(want.files);
    expect(roots.map((r) => (r === dir ? "" : r.slice(dir.length + 1)))).toEqual(want.roots);
    expect(bag.items.map((d) => d.code)).toEqual(want.errors);
  });

  it("names the input that matched nothing", async () => {
    const bag = new DiagnosticBag();
    await expandInputs(["schemas-typo"], dir, bag);
    expect(bag.items).toMatchObject([{ code: "input-not-found", severity: "error", message: expect.stringContaining('"schemas-typo"') }]);
  });

  it("accepts absolute paths regardless of the working folder", async () => {
    const bag = new DiagnosticBag();
    const { files } = await expandInputs([join(dir, "sub")], "/", bag);
    expect(rel(files)).toEqual(["sub/d.json", "sub/deeper/e.yaml"]);
    expect(bag.items).toEqual([]);
  });
});
