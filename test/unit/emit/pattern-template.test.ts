/**
 * patternProperties as template literal index signatures: a template must match exactly the names the pattern
 * matches (a wider one would force its type on names the pattern leaves free), and print as valid TypeScript.
 */
import { describe, expect, it } from "vitest";
import { patternTemplate, templateMatches } from "../../../src/emit/pattern-template.js";
import { templateLiteralType } from "../../../src/emit/ts-syntax.js";
import { typeCheck } from "../../helpers/tsc.js";

const S = null;

describe("patternTemplate", () => {
  it.each([
    ["^x-", ["x-", S]],
    ["X_", [S, "X_", S]],
    ["\\.json$", [S, ".json"]],
    ["f.*", [S, "f", S]],
    ["aaa*", [S, "aa", S]],
    ["^á", ["á", S]],
    ["^a\\$b", ["a$b", S]],
  ] as const)("%s is exactly %j", (pattern, want) => {
    expect(patternTemplate(pattern)).toEqual(want);
  });

  it.each([
    ["f.*o", "`.` does not match line breaks, `${string}` would"],
    ["^a.+", "`.+` needs a character"],
    ["[0-9]{2}", "character classes and counts"],
    ["^\\d", "escape classes"],
    ["a|b", "alternation"],
    ["a*", "every name: that is additionalProperties' business"],
    ["^id$", "one exact name: not an index signature"],
  ])("%s has no template (%s)", (pattern) => {
    expect(patternTemplate(pattern)).toBeUndefined();
  });

  it("a template matches the names its pattern matches", () => {
    const names = ["x-a", "x-", "ax-", "X_", "aX_b", "file.json", "filejson", "f", "xfx", "", "\n", "aa"];
    for (const pattern of ["^x-", "X_", "\\.json$", "f.*", "aaa*"]) {
      const parts = patternTemplate(pattern)!;
      const re = new RegExp(pattern, "u");
      expect(names.filter((n) => templateMatches(parts, n)), pattern).toEqual(names.filter((n) => re.test(n)));
    }
  });
});

describe("templateLiteralType", () => {
  it("escapes backticks, `${`, backslashes and line breaks, and TypeScript reads back the same names", () => {
    const parts = ["a`b${c}\\d\n", null] as const;
    const printed = templateLiteralType(parts);
    expect(printed).toBe("`a\\`b\\${c}\\\\d\\u{a}${string}`");
    const source = `type K = ${printed};\nexport const ok: K = "a\`b\${c}\\\\d\\nrest";\n// @ts-expect-error another prefix\nexport const no: K = "ab";\n`;
    expect(typeCheck({ "k.ts": source })).toEqual([]);
  });
});
