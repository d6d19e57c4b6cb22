/**
 * The hostile-input corpus: each case is a set of input files (built at test time; the big ones are never
 * committed) and what schemaforge must do with them: the diagnostics a person gets (code, and where), or an
 * output that compiles under `tsc --strict` and whose validators run, without throwing, on the data given.
 *
 * `class` groups cases for the README table ("what schemaforge does" per class of hostile input).
 */
import type { GenerateOptions } from "../../src/index.js";

export interface ExpectedDiagnostic {
  code: string;
  severity?: "error" | "warning";
  /** The file the diagnostic names (basename). */
  file?: string;
  pointer?: string;
  line?: number;
  column?: number;
  /** A fragment the message must contain. */
  says?: string;
}

export interface HostileCase {
  name: string;
  class: string;
  /** File name → contents. Functions so that big inputs are only built when the case runs. */
  files: () => Record<string, string | Buffer>;
  options?: Partial<GenerateOptions>;
  /** Diagnostics that must be there (others may be too, unless `only`). */
  diagnostics?: ExpectedDiagnostic[];
  /** No error: the output must compile and its validators run on `data` (root type of the first file). */
  compiles?: boolean;
  /**
   * Data for the root type's validators: each value is validated, never throwing; `valid` when known.
   * `tooDeep`: nested beyond what the JavaScript stack allows: `validate` reports one `$depth` error.
   */
  data?: { value: unknown; valid?: boolean; tooDeep?: boolean }[];
}

const S2020 = "https://json-schema.org/draft/2020-12/schema";
const json = (v: unknown) => JSON.stringify(v, null, 1);

/** Text that breaks out of comments, strings and template literals if it is ever pasted into code unescaped. */
export const BREAKOUTS = [
  "*/ globalThis.PWNED = 1; /*",
  "` + (globalThis.PWNED = 1) + `",
  "${globalThis.PWNED = 1}",
  '"; globalThis.PWNED = 1; "',
  "'; globalThis.PWNED = 1; '",
  "line\u2028separator\u2029paragraph",
  "</script><script>globalThis.PWNED = 1</script>",
  "\\u0022 \\ backslash \\",
  "-->\n<!--",
  "\u0000nul",
];
const RESERVED_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "then"];

export const cases: HostileCase[] = [
  // --- untrusted text in every place it can reach generated code -------------------------------------------
  {
    name: "breakouts in titles, descriptions, defaults, examples, enums, patterns and names",
    class: "injection: `*/`, backticks, `${…}`, quotes, U+2028/9, `</script>`",
    files: () => ({
      "breakout.json": json({
        $schema: S2020,
        title: "Breakout */ globalThis.PWNED = 1; /*",
        description: BREAKOUTS.join("\n"),
        type: "object",
        properties: Object.fromEntries(
          BREAKOUTS.map((text, i) => [
            text,
            {
              type: "string",
              title: text,
              description: text,
              default: text,
              examples: [text],
              enum: [text, `other ${i}`],
              $comment: text,
            },
          ]),
        ),
        required: BREAKOUTS.slice(0, 3),
        $defs: {
          Texts: { enum: BREAKOUTS, description: "*/" },
          Pattern: { type: "string", pattern: "^[*/`$]{1,3}\\u2028?$", description: "a pattern made of comment and template characters" },
        },
      }),
    }),
    compiles: true,
    data: [
      { value: Object.fromEntries(BREAKOUTS.slice(0, 3).map((t) => [t, t])), valid: true },
      { value: { [BREAKOUTS[0]!]: "nope" }, valid: false },
      { value: "not an object", valid: false },
    ],
  },
  {
    name: "prototype-polluting names as properties, $defs keys, enum values and titles",
    class: "`__proto__`, `constructor`, `prototype` as names",
    files: () => ({
      // JSON.stringify would drop a computed `__proto__` key; the text is written by hand.
      "proto.json": `{
  "$schema": "${S2020}",
  "title": "constructor",
  "type": "object",
  "properties": {
    "__proto__": { "type": "string", "default": "__proto__" },
    "constructor": { "enum": ["__proto__", "constructor", "prototype"] },
    "prototype": { "$ref": "#/$defs/__proto__" },
    "toString": { "type": "integer" },
    "hasOwnProperty": { "type": "boolean" }
  },
  "required": ["__proto__", "constructor", "toString"],
  "additionalProperties": false,
  "$defs": {
    "__proto__": { "type": "object", "properties": { "polluted": { "const": true } } },
    "prototype": { "enum": ${JSON.stringify(RESERVED_KEYS)} },
    "constructor": { "type": "object", "patternProperties": { "^__proto__$": { "type": "number" } } }
  }
}`,
    }),
    compiles: true,
    data: [
      { value: JSON.parse('{"__proto__": "x", "constructor": "prototype", "toString": 1}'), valid: true },
      { value: JSON.parse('{"__proto__": {"polluted": true}, "constructor": "prototype", "toString": 1}'), valid: false },
      { value: { constructor: "__proto__", toString: 1 }, valid: false },
      { value: JSON.parse('{"__proto__": "x", "constructor": "constructor", "toString": 1, "prototype": {"polluted": false}}'), valid: false },
    ],
  },
  {
    name: "file names and $id values that look like paths",
    class: "`__proto__`, `constructor`, `prototype` as names",
    files: () => ({
      "__proto__.json": json({ $schema: S2020, $id: "https://example.com/../../etc/passwd", type: "string" }),
      "constructor-schema.json": json({ $schema: S2020, type: "object", properties: { p: { $ref: "__proto__.json" } } }),
    }),
    compiles: true,
    data: [{ value: "x", valid: true }],
  },

  // --- references that must not be read or fetched ----------------------------------------------------------
  {
    name: "$ref climbing out of the input folder",
    class: "`$ref` to `../../../../etc/passwd`, `file:///…`, `http://…`",
    files: () => ({ "passwd.json": json({ $schema: S2020, $ref: "../../../../../../../../etc/passwd" }) }),
    diagnostics: [{ code: "ref-outside-roots", severity: "error", file: "passwd.json", pointer: "/$ref", line: 3, column: 2 }],
  },
  {
    name: "$ref to a file: URL",
    class: "`$ref` to `../../../../etc/passwd`, `file:///…`, `http://…`",
    files: () => ({ "fileurl.json": json({ $schema: S2020, properties: { p: { $ref: "file:///etc/passwd" } } }) }),
    diagnostics: [{ code: "ref-outside-roots", severity: "error", file: "fileurl.json", pointer: "/properties/p/$ref", says: "file:///etc/passwd" }],
  },
  {
    name: "$ref to a remote URL",
    class: "`$ref` to `../../../../etc/passwd`, `file:///…`, `http://…`",
    // The test serves this URL and checks that nothing asked for it.
    files: () => ({ "remote.json": json({ $schema: S2020, $ref: "http://127.0.0.1:PORT/schema.json" }) }),
    diagnostics: [{ code: "ref-remote-refused", severity: "error", file: "remote.json", pointer: "/$ref", says: "not fetched" }],
  },

  // --- recursion ------------------------------------------------------------------------------------------------
  {
    name: "a schema that is only a reference to itself",
    class: "self- and mutually recursive `$ref`",
    files: () => ({ "self.json": json({ $schema: S2020, $ref: "#" }) }),
    diagnostics: [{ code: "ref-cycle", severity: "error", file: "self.json", pointer: "/$ref", line: 3, column: 2 }],
  },
  {
    name: "two definitions referring to each other in place",
    class: "self- and mutually recursive `$ref`",
    files: () => ({
      "mutual.json": json({ $schema: S2020, $ref: "#/$defs/A", $defs: { A: { anyOf: [{ $ref: "#/$defs/B" }, { type: "string" }] }, B: { allOf: [{ $ref: "#/$defs/A" }] } } }),
    }),
    diagnostics: [{ code: "ref-cycle", severity: "error", file: "mutual.json", says: "/$defs/A → /$defs/A/anyOf/0 → /$defs/B → /$defs/B/allOf/0 → /$defs/A" }],
  },
  {
    name: "in-place cycle through not",
    class: "self- and mutually recursive `$ref`",
    files: () => ({ "not.json": json({ $schema: S2020, not: { $ref: "#" } }) }),
    diagnostics: [{ code: "ref-cycle", severity: "error", pointer: "/not/$ref" }],
  },
  {
    name: "recursion through members and items (a tree), with data 2,000 and 200,000 levels deep",
    class: "self- and mutually recursive `$ref`",
    files: () => ({
      "tree.json": json({
        $schema: S2020,
        title: "Tree",
        type: "object",
        properties: { value: { type: "integer" }, children: { type: "array", items: { $ref: "#" } }, parent: { $ref: "#/$defs/Node" } },
        $defs: { Node: { type: ["object", "null"], properties: { tree: { $ref: "#" } } } },
      }),
    }),
    compiles: true,
    data: [
      { value: { value: 1, children: [{ value: 2, children: [] }] }, valid: true },
      { value: deepTree(2000, 1), valid: true },
      { value: deepTree(2000, "x"), valid: false },
      { value: deepTree(200_000, 1), valid: false, tooDeep: true },
    ],
  },
  {
    name: "a $ref chain of 10,000 links",
    class: "`$ref` chain of 10,000 links",
    files: () => {
      const defs: Record<string, unknown> = {};
      for (let i = 0; i < 10_000; i++) defs[`D${i}`] = { $ref: `#/$defs/D${i + 1}` };
      defs["D10000"] = { type: "string", maxLength: 3 };
      return { "chain.json": json({ $schema: S2020, title: "Chain", $ref: "#/$defs/D0", $defs: defs }) };
    },
    compiles: true,
    data: [
      { value: "abc", valid: true },
      { value: "abcd", valid: false },
      { value: 1, valid: false },
    ],
  },
  {
    name: "objects nested 10,000 deep",
    class: "nesting 10,000 deep",
    files: () => ({ "deep.json": '{"type":"object","properties":{"a":'.repeat(10_000) + '{"type":"string"}' + "}}".repeat(10_000) }),
    diagnostics: [{ code: "too-deep", severity: "error", file: "deep.json", line: 1, column: 1 + 35 * 256, says: "512 levels" }],
  },
  {
    name: "arrays nested 10,000 deep, in YAML",
    class: "nesting 10,000 deep",
    files: () => ({ "deep.yaml": "[".repeat(10_000) + "]".repeat(10_000) + "\n" }),
    diagnostics: [{ code: "too-deep", severity: "error", file: "deep.yaml", says: "YAML parser" }],
  },
  {
    name: "objects nested 255 deep (under the limit) still generate",
    class: "nesting 10,000 deep",
    files: () => ({ "nested.json": '{"type":"object","properties":{"a":'.repeat(255) + '{"type":"string"}' + "}}".repeat(255) }),
    compiles: true,
    data: [{ value: {}, valid: true }, { value: nestedA(255, "x"), valid: true }, { value: nestedA(255, 1), valid: false }],
  },

  // --- size -----------------------------------------------------------------------------------------------------
  {
    name: "a 5 MB description",
    class: "5 MB description, 100,000-value enum, 10,000 properties",
    files: () => ({ "big-description.json": json({ $schema: S2020, title: "Big", type: "string", description: "*/ `${x}` \u2028 ".repeat(400_000) }) }),
    compiles: true,
    data: [{ value: "x", valid: true }],
  },
  {
    name: "an enum of 100,000 values",
    class: "5 MB description, 100,000-value enum, 10,000 properties",
    files: () => ({ "big-enum.json": json({ $schema: S2020, title: "BigEnum", enum: Array.from({ length: 100_000 }, (_, i) => (i % 3 === 0 ? `v${i}*/` : i % 3 === 1 ? i : `\`${i}\``)) }) }),
    compiles: true,
    data: [
      { value: "v0*/", valid: true },
      { value: 99_997, valid: true },
      { value: "v1", valid: false },
    ],
  },
  {
    name: "an object of 10,000 properties",
    class: "5 MB description, 100,000-value enum, 10,000 properties",
    files: () => ({
      "wide.json": json({
        $schema: S2020,
        title: "Wide",
        type: "object",
        properties: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`p${i}-${i % 7 === 0 ? "*/" : "x"}`, { type: "integer", description: `member ${i}` }])),
        required: ["p0-*/", "p1-x"],
      }),
    }),
    compiles: true,
    data: [
      { value: { "p0-*/": 1, "p1-x": 2 }, valid: true },
      { value: { "p0-*/": 1 }, valid: false },
    ],
  },

  // --- what the parsers get -------------------------------------------------------------------------------------
  {
    name: "invalid JSON that is not YAML either",
    class: "invalid JSON / YAML, duplicate keys, BOM, non-UTF-8",
    files: () => ({ "broken.json": '{\n  "type": "object",\n  "properties": { "a": [ }\n}\n' }),
    diagnostics: [{ code: "parse-failed", severity: "error", file: "broken.json", line: 3, says: "invalid JSON" }],
  },
  {
    name: "invalid YAML",
    class: "invalid JSON / YAML, duplicate keys, BOM, non-UTF-8",
    files: () => ({ "broken.yaml": "type: object\nproperties:\n  a: [1, 2\n  b: {\n" }),
    diagnostics: [{ code: "parse-failed", severity: "error", file: "broken.yaml", says: "invalid YAML" }],
  },
  {
    name: "duplicate keys in JSON",
    class: "invalid JSON / YAML, duplicate keys, BOM, non-UTF-8",
    files: () => ({ "dup.json": '{\n  "type": "string",\n  "type": "number"\n}\n' }),
    diagnostics: [{ code: "json-duplicate-key", severity: "warning", file: "dup.json", line: 3, column: 3, says: '"type"' }],
    compiles: true,
    data: [{ value: 1, valid: true }, { value: "s", valid: false }],
  },
  {
    name: "duplicate keys in YAML",
    class: "invalid JSON / YAML, duplicate keys, BOM, non-UTF-8",
    files: () => ({ "dup.yaml": "type: string\ntype: number\n" }),
    diagnostics: [{ code: "yaml-duplicate-key", severity: "error", file: "dup.yaml", line: 2 }],
  },
  {
    name: "a UTF-8 byte-order mark",
    class: "invalid JSON / YAML, duplicate keys, BOM, non-UTF-8",
    files: () => ({ "bom.json": "\uFEFF" + json({ $schema: S2020, title: "Bom", type: "string" }), "bom.yaml": "\uFEFFtitle: BomYaml\ntype: integer\n" }),
    compiles: true,
    data: [{ value: "x", valid: true }],
  },
  {
    name: "bytes that are not UTF-8",
    class: "invalid JSON / YAML, duplicate keys, BOM, non-UTF-8",
    files: () => ({ "latin1.json": Buffer.from([0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]) }),
    diagnostics: [{ code: "parse-failed", severity: "error", file: "latin1.json", says: "not valid UTF-8" }],
  },
  {
    name: "UTF-16 with a byte-order mark",
    class: "invalid JSON / YAML, duplicate keys, BOM, non-UTF-8",
    files: () => ({ "utf16.json": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"type":"string"}', "utf16le")]) }),
    diagnostics: [{ code: "parse-failed", severity: "error", file: "utf16.json", says: "UTF-16" }],
  },
  {
    name: "YAML billion laughs",
    class: "YAML alias bombs (billion laughs)",
    files: () => ({ "bomb.yaml": billionLaughs() }),
    diagnostics: [{ code: "parse-failed", severity: "error", file: "bomb.yaml", says: "resource exhaustion" }],
  },
  {
    name: "YAML billion laughs in a .json file (read as YAML after the JSON error)",
    class: "YAML alias bombs (billion laughs)",
    files: () => ({ "bomb.json": billionLaughs() }),
    diagnostics: [{ code: "parse-failed", severity: "error", file: "bomb.json" }],
  },
  {
    name: "a few harmless YAML aliases still load",
    class: "YAML alias bombs (billion laughs)",
    files: () => ({ "aliases.yaml": "title: Aliased\ntype: object\nproperties:\n  a: &str { type: string, maxLength: 2 }\n  b: *str\n" }),
    compiles: true,
    data: [{ value: { a: "ab", b: "cd" }, valid: true }, { value: { b: "cde" }, valid: false }],
  },

  // --- patterns -------------------------------------------------------------------------------------------------
  {
    name: "a pattern JavaScript cannot compile",
    class: "patterns JS cannot compile; catastrophic backtracking",
    files: () => ({ "bad-pattern.json": json({ $schema: S2020, type: "string", pattern: "(?<name" }) }),
    diagnostics: [{ code: "pattern-invalid", severity: "error", file: "bad-pattern.json", pointer: "/pattern", line: 4 }],
  },
  {
    name: "a pattern with lookbehind and named groups (valid ECMA-262)",
    class: "patterns JS cannot compile; catastrophic backtracking",
    files: () => ({ "good-pattern.json": json({ $schema: S2020, title: "Good", type: "string", pattern: "^(?<word>\\p{L}+)(?<=\\p{L})$" }) }),
    compiles: true,
    data: [{ value: "été", valid: true }, { value: "a1", valid: false }],
  },
  {
    name: "catastrophic-backtracking patterns",
    class: "patterns JS cannot compile; catastrophic backtracking",
    files: () => ({
      "redos.json": json({
        $schema: S2020,
        title: "Redos",
        type: "object",
        properties: { a: { type: "string", pattern: "^(a+)+$" }, b: { type: "string", maxLength: 40, pattern: "^([a-z0-9]+\\.?)*$" } },
        patternProperties: { "^(x*)*y$": { type: "string" } },
      }),
    }),
    diagnostics: [
      { code: "pattern-backtracking", severity: "warning", pointer: "/properties/a/pattern", line: 8, column: 4 },
      { code: "pattern-backtracking", severity: "warning", pointer: "/properties/b/pattern" },
      { code: "pattern-backtracking", severity: "warning", pointer: "/patternProperties/^(x*)*y$" },
    ],
    compiles: true,
    // maxLength is checked before the pattern: a long hostile string is rejected without running it.
    data: [{ value: { a: "aaa", b: "ab.cd" }, valid: true }, { value: { b: "a".repeat(5000) + "!" }, valid: false }],
  },
  {
    name: "catastrophic-backtracking patterns under --patterns linear",
    class: "patterns JS cannot compile; catastrophic backtracking",
    options: { patterns: "linear" },
    files: () => ({
      "redos-linear.json": json({
        $schema: S2020,
        title: "RedosLinear",
        type: "object",
        properties: { a: { type: "string", pattern: "^(a+)+$" }, b: { type: "string", pattern: "^(a+)+\\1$" } },
        patternProperties: { "^(x*)*y$": { type: "string" } },
      }),
    }),
    // Linear-time patterns are no risk (no pattern-backtracking); the backreference stays native, and says so.
    diagnostics: [
      { code: "pattern-not-linear", severity: "warning", pointer: "/properties/b/pattern", says: "backreference" },
      { code: "pattern-backtracking", severity: "warning", pointer: "/properties/b/pattern" },
    ],
    compiles: true,
    // No maxLength: without the linear engine, the first two values would hang the validator.
    data: [
      { value: { a: "a".repeat(50_000) + "!" }, valid: false },
      { value: { ["x".repeat(50_000)]: "" }, valid: true },
      { value: { a: "aaa", ["xxy"]: 1 }, valid: false },
    ],
  },
];

function deepTree(depth: number, leaf: unknown): unknown {
  let node: Record<string, unknown> = { value: leaf, children: [] };
  for (let i = 0; i < depth; i++) node = { value: i, children: [node] };
  return node;
}

function nestedA(depth: number, leaf: unknown): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = "abcdefghi";
  for (let i = 1; i < names.length; i++) {
    const prev = names[i - 1]!;
    lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(",")}]`);
  }
  return lines.join("\n") + "\n";
}
