/**
 * The escaping module: every untrusted string that reaches generated code goes through these functions, so each
 * is checked by evaluating or compiling what it produces, not by comparing text alone.
 */
import { describe, expect, it } from "vitest";
import { printJsDoc } from "../../../src/emit/jsdoc-print.js";
import { CodeBlockWriter } from "ts-morph";
import type { JsDoc } from "../../../src/emit/jsdoc.js";

function printed(doc: JsDoc): string {
  const w = new CodeBlockWriter();
  printJsDoc(w, doc);
  return w.toString();
}
import { buildJsDoc } from "../../../src/emit/jsdoc.js";
import { jsDocInline, jsDocText, jsonForDoc, jsValue, literalType, objectLiteralKey, propertyKey, quoteString } from "../../../src/emit/ts-syntax.js";
import { typeCheck } from "../../helpers/tsc.js";

const evaluate = (expression: string): unknown => new Function(`"use strict"; return (${expression});`)();

const nasty = [
  "plain",
  'double " quote',
  "single ' quote",
  "back\\slash",
  "`${globalThis.pwned = 1}`",
  "line\nbreak\r\n",
  "\u2028 and \u2029",
  "</script><script>alert(1)</script>",
  "</SCRIPT",
  "*/ /*",
  "\u0000\u001f\u007f",
  "emoji 💥 and lone surrogate \ud800",
  "",
];

describe("quoteString", () => {
  it.each(nasty)("round-trips %j as JavaScript and as JSON", (s) => {
    const q = quoteString(s);
    expect(evaluate(q)).toBe(s);
    expect(JSON.parse(q)).toBe(s);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  it.each(nasty)("keeps line separators and </script out of the text of %j", (s) => {
    const q = quoteString(s);
    expect(q).not.toMatch(/[\u2028\u2029\n\r]/);
    expect(q).not.toMatch(/<\/script/i);
  });
});

describe("propertyKey", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["an identifier stays bare", { given: "userName", want: "userName" }],
    ["$ and _ are identifier characters", { given: "$ref_1", want: "$ref_1" }],
    ["a reserved word is a fine member name", { given: "default", want: "default" }],
    ["__proto__ is an ordinary member in a type", { given: "__proto__", want: "__proto__" }],
    ["a dash needs quotes", { given: "content-type", want: '"content-type"' }],
    ["a leading digit needs quotes", { given: "2fa", want: '"2fa"' }],
    ["the empty name", { given: "", want: '""' }],
    ["a comment terminator", { given: "*/", want: '"*/"' }],
    ["a line separator is escaped", { given: "a\u2028b", want: '"a\\u2028b"' }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    expect(propertyKey(given)).toBe(want);
  });

  it("gives keys that compile as distinct members", () => {
    const keys = ["userName", "default", "__proto__", "constructor", "content-type", "2fa", "", "*/", "a\u2028b", "</script>", "a\\b"];
    const members = keys.map((k, i) => `  ${propertyKey(k)}: ${i};`).join("\n");
    const values = keys.map((k, i) => `  ${objectLiteralKey(k)}: ${i},`).join("\n");
    const source = `export interface K {\n${members}\n}\nexport const k: K = {\n${values}\n};\ntype Count = keyof K;\nexport const all: Record<Count, true> = {\n${keys.map((k) => `  ${objectLiteralKey(k)}: true,`).join("\n")}\n};\n`;
    expect(typeCheck({ "k.ts": source })).toEqual([]);
  });
});

describe("objectLiteralKey", () => {
  it("__proto__ defines an own member when the literal is evaluated, and leaves the prototype alone", () => {
    const o = evaluate(`{ ${objectLiteralKey("__proto__")}: { polluted: true }, ${objectLiteralKey("a")}: 1 }`) as Record<string, unknown>;
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.keys(o)).toEqual(["__proto__", "a"]);
    expect(Object.getOwnPropertyDescriptor(o, "__proto__")?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("other names are defined as written", () => {
    const names = ["constructor", "toString", "content-type", "", "2fa"];
    const o = evaluate(`{ ${names.map((n) => `${objectLiteralKey(n)}: ${quoteString(n)}`).join(", ")} }`) as Record<string, unknown>;
    expect(o).toEqual(Object.fromEntries(names.map((n) => [n, n])));
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
  });
});

describe("jsDocText", () => {
  it.each(["*/", "a */ b", "**/", "*/*/", "x*/"])("never lets %j close the comment", (s) => {
    expect(jsDocText(s)).not.toContain("*/");
  });

  it("never lets a control character between * and / close the comment", () => {
    expect(jsDocText("a *\u0001/ b")).not.toContain("*/");
  });

  it.each([
    ["CRLF", "a\r\nb", "a\nb"],
    ["CR", "a\rb", "a\nb"],
    ["U+2028", "a\u2028b", "a\nb"],
    ["U+2029", "a\u2029b", "a\nb"],
    ["NEL", "a\u0085b", "a\nb"],
  ])("makes %s one kind of line break", (_name, given, want) => {
    expect(jsDocText(given)).toBe(want);
  });

  it.each([
    ["at the start", "@deprecated not really", "\\@deprecated not really"],
    ["after a line break and spaces", "see below\n  @param x", "see below\n  \\@param x"],
  ])("escapes a leading @ %s so it is not a tag", (_name, given, want) => {
    expect(jsDocText(given)).toBe(want);
  });

  it("leaves an @ inside a line alone", () => {
    expect(jsDocText("mail me@example.com")).toBe("mail me@example.com");
  });

  it("jsDocInline keeps a tag's text on one line", () => {
    expect(jsDocInline("a\nb\u2028c */")).toBe("a b c *\\/");
  });

  it("jsonForDoc writes JSON whose strings cannot close the comment", () => {
    expect(jsonForDoc({ a: "*/" })).toBe('{"a":"*\\/"}');
    expect(jsonForDoc("x")).toBe('"x"');
  });
});

describe("JSDoc blocks as printed", () => {
  /** The text of the first comment block, and what follows it. */
  function split(printed: string): { comment: string; after: string } {
    const end = printed.indexOf("*/");
    return { comment: printed.slice(0, end + 2), after: printed.slice(end + 2) };
  }

  it("a description with */ and tags stays one comment", () => {
    const text = printed(buildJsDoc({ description: "*/ export const pwned = 1;\n*/" }, { pattern: "^a*/b$", minLength: 1 })!);
    expect(split(text).after.trim()).toBe("");
  });

  it("a description containing /* followed by tags stays one comment", () => {
    const text = printed(buildJsDoc({ description: "Matches paths such as /users/* only." }, { maxLength: 10 })!);
    expect(split(text).after.trim()).toBe("");
  });
});

describe("jsValue", () => {
  const values: [string, unknown][] = [
    ["null", null],
    ["booleans", [true, false]],
    ["numbers", [0, 1.5, -2, 1e21, 5e-324, Number.MAX_SAFE_INTEGER]],
    ["strings", nasty],
    ["nested", { a: [{ b: { c: "d" } }], "content-type": "x", "": 1, "2fa": true }],
    ["an empty object and array", { o: {}, a: [] }],
  ];
  it.each(values)("round-trips %s", (_name, v) => {
    expect(evaluate(jsValue(v))).toEqual(v);
  });

  it("keeps -0", () => {
    expect(Object.is(evaluate(jsValue(-0)), -0)).toBe(true);
    expect(Object.is((evaluate(jsValue({ z: -0 })) as { z: number }).z, -0)).toBe(true);
  });

  it("keeps a __proto__ key (from JSON.parse) as an own member, prototype untouched", () => {
    const v = JSON.parse('{"__proto__": {"polluted": true}, "a": {"__proto__": 1}}') as Record<string, unknown>;
    const back = evaluate(jsValue(v)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(["__proto__", "a"]);
    expect(Object.getOwnPropertyDescriptor(back, "__proto__")?.value).toEqual({ polluted: true });
    expect(Object.getOwnPropertyDescriptor(back.a, "__proto__")?.value).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("writes values JSON cannot hold as null (as JSON.stringify does)", () => {
    expect(evaluate(jsValue([NaN, Infinity, -Infinity]))).toEqual([null, null, null]);
  });
});

describe("literalType", () => {
  const values: [string, unknown][] = [
    ["a string", "a\"b\\c`${x}`\u2028</script>"],
    ["a negative number", -2.5],
    ["a tiny negative number", -1e-7],
    ["a large number", 1e21],
    ["-0", -0],
    ["null", null],
    ["true", true],
    ["an array", [1, "two", null]],
    ["an object with odd keys", JSON.parse('{"content-type": "x", "__proto__": 1, "": [true], "a b": {"c": -1}}')],
  ];

  it("each literal type accepts the value it was made from, and the pair compiles", () => {
    const lines = values.map(([, v], i) => `export type T${i} = ${literalType(v)};\nexport const v${i}: T${i} = ${jsValue(v)};`);
    expect(typeCheck({ "lit.ts": lines.join("\n") + "\n" })).toEqual([]);
  });

  it("a literal type rejects a different value", () => {
    const source = `export const a: ${literalType("x")} = "y";\nexport const b: ${literalType(-1)} = 1;\nexport const c: ${literalType({ k: 1 })} = { k: 2 };\n`;
    expect(typeCheck({ "neg.ts": source })).toHaveLength(3);
  });

  it("a non-finite number (YAML .inf) gives a valid type prints `Infinity`, a value, not a type; jsValue prints null for the same value)", () => {
    expect(typeCheck({ "inf.ts": `export type T = ${literalType(Infinity)};\n` })).toEqual([]);
  });
});
