/**
 * Pointer → line:column, the way diagnostics point into files: at a member's key (as editors do), at an array
 * element's first character, with `~0`/`~1` unescaped and `#`-fragments accepted.
 */
import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../../src/diagnostics/diagnostic.js";
import { parseText } from "../../../src/load/parse.js";

const json = [
  "{", //                         1
  '  "a/b": {', //                2: key at column 3
  '    "m~n": [', //              3: key at column 5
  '      { "x": 1 },', //         4: element at 7, "x" at 9
  '      { "y": [10, 20] }', //   5: element at 7, "y" at 9, 10 at 15, 20 at 19
  "    ]",
  "  }",
  "}",
].join("\n");

const yaml = [
  "a/b:", //                1: key at column 1
  "  m~n:", //              2: key at column 3
  "    - x: 1", //          3: element (and its key) at column 7
  "    - y: [10, 20]", //   4: element at 7, 10 at 11, 20 at 15
  "      z: 'last'", //     5: key at 7
  "",
].join("\n");

type Case = [string, { given: string; want: { line: number; column: number } | undefined }];

const jsonCases: Case[] = [
  ["the root", { given: "", want: { line: 1, column: 1 } }],
  ["a key with an escaped slash (~1)", { given: "/a~1b", want: { line: 2, column: 3 } }],
  ["a key with an escaped tilde (~0)", { given: "/a~1b/m~0n", want: { line: 3, column: 5 } }],
  ["an array element", { given: "/a~1b/m~0n/1", want: { line: 5, column: 7 } }],
  ["a member of an array element", { given: "/a~1b/m~0n/1/y", want: { line: 5, column: 9 } }],
  ["a nested array element", { given: "/a~1b/m~0n/1/y/1", want: { line: 5, column: 19 } }],
  ["a URI fragment form", { given: "#/a~1b/m~0n/0/x", want: { line: 4, column: 9 } }],
  ["an unescaped token that does not exist", { given: "/a/b", want: undefined }],
  ["an index past the end", { given: "/a~1b/m~0n/2", want: undefined }],
  ["a member of a number", { given: "/a~1b/m~0n/0/x/y", want: undefined }],
];

const yamlCases: Case[] = [
  ["the root", { given: "", want: { line: 1, column: 1 } }],
  ["a key with an escaped slash (~1)", { given: "/a~1b", want: { line: 1, column: 1 } }],
  ["a key with an escaped tilde (~0)", { given: "/a~1b/m~0n", want: { line: 2, column: 3 } }],
  ["an array element", { given: "/a~1b/m~0n/1", want: { line: 4, column: 7 } }],
  ["a flow array element", { given: "/a~1b/m~0n/1/y/1", want: { line: 4, column: 15 } }],
  ["a second key of an element", { given: "/a~1b/m~0n/1/z", want: { line: 5, column: 7 } }],
  ["a URI fragment form", { given: "#/a~1b/m~0n/0/x", want: { line: 3, column: 7 } }],
  ["a missing key", { given: "/a~1b/nope", want: undefined }],
  ["an index past the end", { given: "/a~1b/m~0n/5", want: undefined }],
];

function locator(text: string, path: string) {
  const bag = new DiagnosticBag();
  const parsed = parseText(text, path, bag)!;
  expect(bag.items).toEqual([]);
  return parsed.locate;
}

describe("locate in JSON", () => {
  const locate = locator(json, "p.json");
  it.each(jsonCases)("%s", (_name, { given, want }) => {
    expect(locate(given)).toEqual(want);
  });
});

describe("locate in YAML", () => {
  const locate = locator(yaml, "p.yaml");
  it.each(yamlCases)("%s", (_name, { given, want }) => {
    expect(locate(given)).toEqual(want);
  });

  it("locates in a YAML document that uses aliases (read by the bounded parser)", () => {
    const withAlias = "$defs:\n  s: &s { type: string }\nproperties:\n  a: *s\n  b:\n    enum: [x, y]\n";
    const loc = locator(withAlias, "alias.yaml");
    expect(loc("/properties/b/enum/1")).toEqual({ line: 6, column: 15 });
    expect(loc("/properties/a")).toEqual({ line: 4, column: 3 });
  });

  it("locates in a JSON file read through the YAML fallback", () => {
    const bag = new DiagnosticBag();
    const parsed = parseText('{\n  "d": "one\ntwo",\n  "e": [1, 2]\n}', "f.json", bag)!;
    expect(parsed.format).toBe("yaml");
    expect(parsed.locate("/e/1")).toEqual({ line: 4, column: 12 });
  });
});
