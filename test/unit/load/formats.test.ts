/**
 * Reading text as JSON or YAML: the JSON fast path, the YAML fallback (with a warning that points at the JSON
 * error), byte-level problems (BOM, invalid UTF-8), YAML errors, duplicate keys and alias bombs.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../../src/diagnostics/diagnostic.js";
import { loadFile } from "../../../src/load/index.js";
import { parseText } from "../../../src/load/parse.js";
import { removeTemp, writeTemp } from "../../helpers/tsc.js";

function parse(text: string, path: string) {
  const bag = new DiagnosticBag();
  const parsed = parseText(text, path, bag);
  return { parsed, diagnostics: bag.items };
}

describe("JSON and YAML", () => {
  const cases: [string, { given: { text: string; path: string }; want: { format: "json" | "yaml"; json: unknown } }][] = [
    ["JSON in a .json file", { given: { text: '{"type": "string", "enum": ["a"]}', path: "a.json" }, want: { format: "json", json: { type: "string", enum: ["a"] } } }],
    ["YAML in a .yaml file", { given: { text: "type: string\nenum:\n  - a\n", path: "a.yaml" }, want: { format: "yaml", json: { type: "string", enum: ["a"] } } }],
    ["YAML in a .yml file", { given: { text: "type: integer\nminimum: 0\n", path: "a.YML" }, want: { format: "yaml", json: { type: "integer", minimum: 0 } } }],
    // A .yaml file that happens to be JSON is still read (JSON is YAML 1.2).
    ["JSON in a .yaml file", { given: { text: '{"type": "boolean"}', path: "a.yaml" }, want: { format: "yaml", json: { type: "boolean" } } }],
    // YAML 1.2 core schema: `yes`/`no` and dates stay strings (YAML 1.1 would turn them into booleans and Dates).
    [
      "YAML 1.2 core scalars",
      {
        given: { text: "enum: [yes, no, on, off, 2020-01-01]\nconst: 0x1F\n", path: "a.yaml" },
        want: { format: "yaml", json: { enum: ["yes", "no", "on", "off", "2020-01-01"], const: 31 } },
      },
    ],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    const { parsed, diagnostics } = parse(given.text, given.path);
    expect(diagnostics).toEqual([]);
    expect(parsed?.format).toBe(want.format);
    expect(parsed?.json).toEqual(want.json);
  });

  it("keeps a YAML `__proto__` key as an own member without touching Object.prototype", () => {
    const { parsed } = parse("__proto__:\n  polluted: true\ntype: object\n", "a.yaml");
    const json = parsed!.json as Record<string, unknown>;
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(Object.keys(json)).toEqual(["__proto__", "type"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("the JSON → YAML fallback", () => {
  it("reads a JSON file with a raw newline inside a string as YAML, warning at the JSON error's line:column", () => {
    // Line 2 is `  "description": "line one⏎`: the raw line break is the 27th character of that line.
    const text = '{\n  "description": "line one\nline two",\n  "type": "string"\n}\n';
    const { parsed, diagnostics } = parse(text, "seed.json");
    expect(parsed?.json).toEqual({ description: "line one line two", type: "string" });
    expect(diagnostics).toMatchObject([
      { code: "json-fallback-yaml", severity: "warning", uri: "seed.json", line: 2, column: 27, message: expect.stringMatching(/raw line break.* 2:27/) },
    ]);
  });

  it("reads a trailing comma as YAML and points at the character JSON rejected", () => {
    const { parsed, diagnostics } = parse('{"a": 1,}', "t.json");
    expect(parsed?.json).toEqual({ a: 1 });
    expect(diagnostics).toMatchObject([{ code: "json-fallback-yaml", line: 1, column: 9 }]);
  });

  it("fails with the JSON error (not a YAML one) when the text is neither JSON nor YAML", () => {
    const { parsed, diagnostics } = parse('{"a": 1', "t.json");
    expect(parsed).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: "parse-failed", severity: "error", message: expect.stringMatching(/^invalid JSON/), line: 1, column: 8 }]);
  });
});

describe("YAML errors", () => {
  it("rejects a mapping with a repeated key", () => {
    const { parsed, diagnostics } = parse("type: object\ntitle: A\ntype: string\n", "dup.yaml");
    expect(parsed).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: "yaml-duplicate-key", severity: "error", uri: "dup.yaml" }]);
  });

  it("locates the repeated key", () => {
    const { diagnostics } = parse("type: object\ntitle: A\ntype: string\n", "dup.yaml");
    expect(diagnostics).toMatchObject([{ code: "yaml-duplicate-key", line: 3, column: 1 }]);
  });

  it("reports invalid YAML as parse-failed", () => {
    const { parsed, diagnostics } = parse("type: object\nenum: [a, b\ntitle: x\n", "bad.yaml");
    expect(parsed).toBeUndefined();
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.code === "parse-failed" && d.severity === "error" && /^invalid YAML/.test(d.message))).toBe(true);
  });

  it("locates invalid YAML", () => {
    const { diagnostics } = parse("type: object\nenum: [a, b\ntitle: x\n", "bad.yaml");
    expect(diagnostics[0]).toMatchObject({ code: "parse-failed", line: expect.any(Number), column: expect.any(Number) });
  });

  it("expands a few aliases normally", () => {
    const { parsed, diagnostics } = parse("$defs:\n  a: &name { type: string, minLength: 1 }\nproperties:\n  first: *name\n  last: *name\n", "ok.yaml");
    expect(diagnostics).toEqual([]);
    expect(parsed?.json).toEqual({
      $defs: { a: { type: "string", minLength: 1 } },
      properties: { first: { type: "string", minLength: 1 }, last: { type: "string", minLength: 1 } },
    });
  });

  const bomb = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ..."bcdefghi".split("").map((c, i) => `${c}: &${c} [${Array(9).fill("*" + "abcdefghi"[i]).join(",")}]`),
    "",
  ].join("\n");

  it.each([
    ["in a .yaml file", "bomb.yaml"],
    ["through the JSON fallback", "bomb.json"],
  ])("refuses a billion-laughs alias bomb quickly %s", (_name, path) => {
    const t0 = performance.now();
    const { parsed, diagnostics } = parse(bomb, path);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(parsed).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: "parse-failed", severity: "error" }]);
  });
});

describe("loadFile: bytes on disk", () => {
  let dir: string;
  beforeAll(() => {
    dir = writeTemp({}, "sf-load-");
  });
  afterAll(() => removeTemp(dir));

  const write = (name: string, bytes: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  it("skips a UTF-8 byte order mark (positions count from the first real character)", () => {
    const bag = new DiagnosticBag();
    const doc = loadFile(write("bom.json", "\ufeff" + '{"title": "B", "type": "string"}'), bag)!;
    expect(bag.items).toEqual([]);
    expect(doc.json).toEqual({ title: "B", type: "string" });
    expect(doc.format).toBe("json");
    expect(doc.locate("/title")).toEqual({ line: 1, column: 2 });
  });

  it("reads a YAML file with a byte order mark", () => {
    const bag = new DiagnosticBag();
    const doc = loadFile(write("bom.yaml", "\ufefftype: string\n"), bag)!;
    expect(bag.items).toEqual([]);
    expect(doc.json).toEqual({ type: "string" });
  });

  it("rejects bytes that are not UTF-8", () => {
    const bag = new DiagnosticBag();
    const path = write("latin1.json", Buffer.from([0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d])); // {"title":"é"} in Latin-1
    expect(loadFile(path, bag)).toBeUndefined();
    expect(bag.items).toMatchObject([{ code: "parse-failed", severity: "error", uri: path, message: expect.stringMatching(/UTF-8/) }]);
  });

  it.each([
    ["an array", "[1, 2]", /an array/],
    ["a string", '"text"', /a string/],
    ["null", "null", /null/],
  ])("rejects a document that is %s", (_name, text, message) => {
    const bag = new DiagnosticBag();
    const path = write(`not-schema-${_name.replace(/\W/g, "")}.json`, text);
    expect(loadFile(path, bag)).toBeUndefined();
    expect(bag.items).toMatchObject([{ code: "not-a-schema", severity: "error", message: expect.stringMatching(message) }]);
  });

  it("accepts a boolean schema", () => {
    const bag = new DiagnosticBag();
    const doc = loadFile(write("true.json", "true"), bag)!;
    expect(bag.items).toEqual([]);
    expect(doc.json).toBe(true);
  });

  it("reports a missing file as read-failed", () => {
    const bag = new DiagnosticBag();
    expect(loadFile(join(dir, "nope.json"), bag)).toBeUndefined();
    expect(bag.items).toMatchObject([{ code: "read-failed", severity: "error", message: expect.stringMatching(/ENOENT/) }]);
  });
});
