/**
 * The linear-time pattern engine (`--patterns linear`): templates/validators/linear.ts compiles a pattern into an
 * NFA program at generation time, the run-time helper `linear` (runtime/helpers.ts) runs it. The helper is
 * rebuilt here from its source text in a fresh `node:vm` context, exactly as it is emitted into `runtime.js`, so
 * a hidden dependency on module scope fails. JavaScript's own `new RegExp(p, "u").test(s)` is the oracle: a
 * table of patterns × strings, and random patterns × random strings (fast-check).
 */
import fc from "fast-check";
import { createContext, runInContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { compileLinear, MAX_STATES, type LinearProgram } from "../../../templates/validators/linear.js";
import { linear as linearHelper } from "../../../templates/validators/runtime/helpers.js";

type Matcher = { test(s: string): boolean; steps: number };

const emitted = runInContext(`(${linearHelper.toString()})`, createContext({})) as (prog: number[], classes: string[]) => Matcher;

function compiled(pattern: string): LinearProgram {
  const c = compileLinear(pattern);
  if (!("program" in c)) throw new Error(`${pattern}: not linear: ${c.feature}`);
  return c;
}

/**
 * `new RegExp(p, "u").test(s)`, except where V8 departs from ECMA-262: it also tries a match that starts between
 * the two halves of a surrogate pair (`/\B/u.test("a😀a")` is true in V8; the standard only tries code point
 * boundaries, where `\B` never holds in that string). Such a match is skipped and the search goes on, as the
 * standard's does; the linear engine follows the standard.
 */
function oracle(pattern: string, s: string): boolean {
  const re = new RegExp(pattern, "gu");
  for (let from = 0; from <= s.length; ) {
    re.lastIndex = from;
    const m = re.exec(s);
    if (m === null) return false;
    if (!betweenHalves(s, m.index)) return true;
    from = m.index + 1;
  }
  return false;
}

function betweenHalves(s: string, i: number): boolean {
  return i > 0 && i < s.length && /[\ud800-\udbff]/.test(s[i - 1]!) && /[\udc00-\udfff]/.test(s[i]!);
}

function matcher(pattern: string): Matcher {
  const c = compiled(pattern);
  return emitted(c.program, c.classes);
}

/** Every string of the table, against every pattern of the table. */
const STRINGS = [
  "",
  "a",
  "aa",
  "aaa",
  "ab",
  "abc",
  "ba",
  "b",
  "A",
  "1",
  "12",
  "a1",
  "_",
  " ",
  "\t",
  "\n",
  "\r",
  "\u2028",
  "a\nb",
  "é",
  "été",
  "ß",
  "😀",
  "😀😀",
  "a😀",
  "𝒜",
  "\ud83d",
  "\ude00",
  "a\ud83d",
  "\ude00\ud83d",
  "🐲",
  "🐲🐲x",
  "foo bar",
  "foobar",
  "x-foo",
  "٣",
  "\u00a0",
  "cole",
  "école",
  "-",
];

const PATTERNS = [
  // literals, anchors in odd places, empty alternatives
  "a",
  "abc",
  "^a",
  "a$",
  "^$",
  "^a$",
  "a^",
  "$a",
  "a^b",
  "^a|b$",
  "a|",
  "|a",
  "(|a)b",
  "(?:)",
  "^(?:)$",
  // classes, sets, negations, ranges, astral
  ".",
  "^.$",
  "^..$",
  "\\d",
  "^\\d+$",
  "^\\D$",
  "^\\w+$",
  "^\\W$",
  "^\\s$",
  "^\\S$",
  "^[a-c]+$",
  "^[^a]$",
  "^[^a😀]$",
  "^[😀-🙏]$",
  "^[\\ud83d]$",
  "^\\ud83d\\ude00$",
  "^\\u{1F600}$",
  "^\\p{L}+$",
  "^\\P{L}$",
  "^\\p{Lu}",
  "\\p{Letter}cole",
  "^[\\p{L}\\p{N}]+$",
  "^[^\\p{L}]+$",
  "^[\\P{L}a]$",
  "^\\p{Script=Greek}*$",
  "^[\\w-]+$",
  "[\\s\\S]",
  "[^]",
  "^[^]$",
  "[]",
  "^\\cJ$",
  "^\\t$",
  "^\\x41$",
  "^[\\-a]$",
  // word boundaries
  "\\b",
  "\\B",
  "\\bfoo\\b",
  "foo\\B",
  "\\Bbar",
  "^\\b$",
  "^\\B$",
  "a\\b😀",
  // groups, alternation, quantifiers
  "^(a|b)*$",
  "^(?:a|ab)(?:c|bcd)$",
  "^(a+)+$",
  "^(a*)*b$",
  "^(a|a)*$",
  "^((a|b)c?)+$",
  "^(?<name>a)b$",
  "^a{0}$",
  "^(ab){0}c?$",
  "^a{2}$",
  "^a{2,}$",
  "^a{1,2}$",
  "^a{0,2}b$",
  "^(a{1,2}){2}$",
  "^a*?$",
  "^a+?b$",
  "^a??b$",
  "^a{1,2}?$",
  "^(?:a*?)+?$",
  "^🐲*$",
  "^😀{2}$",
  "(?:^|-)foo",
  "^(?:\\b|x)+a",
  "^(?:$|a)*$",
  "^[a-z0-9](?:[a-z0-9-]{0,3}[a-z0-9])?$",
];

describe("linear engine vs native RegExp (u flag)", () => {
  for (const p of PATTERNS) {
    it(`/${p}/u`, () => {
      const m = matcher(p);
      const wrong = STRINGS.filter((s) => m.test(s) !== oracle(p, s)).map((s) => `${JSON.stringify(s)}: native ${oracle(p, s)}`);
      expect(wrong).toEqual([]);
    });
  }

  it("where V8 departs from ECMA-262 (an empty match inside a surrogate pair), the engine follows the standard", () => {
    expect(new RegExp("\\B", "u").test("a😀a")).toBe(true);
    expect(oracle("\\B", "a😀a")).toBe(false);
    expect(matcher("\\B").test("a😀a")).toBe(false);
    expect(matcher("\\B").test("a😀😀")).toBe(true);
  });

  it("random patterns × random strings agree with native (fast-check)", () => {
    const char = fc.constantFrom("a", "b", "c", "A", "1", "_", " ", "\n", "\u2028", "é", "😀", "🐲", "\ud83d", "\ude00", "-");
    const atom = fc.constantFrom(
      "a", "b", "c", "1", "_", "é", "😀", "\\n", " ", ".", "\\d", "\\D", "\\w", "\\W", "\\s", "\\S", "\\p{L}", "\\P{L}", "\\p{Ll}",
      "[ab]", "[^a]", "[^a😀]", "[a-c]", "[😀-🙏]", "[\\w😀]", "[^\\p{L}]", "\\u{1F432}", "[^]",
    );
    const assertion = fc.constantFrom("^", "$", "\\b", "\\B");
    const quantifier = fc.constantFrom("*", "+", "?", "{0}", "{1}", "{2}", "{0,2}", "{1,3}", "{2,}", "*?", "+?", "??", "{1,2}?");
    const pattern = fc.letrec<{ pattern: string; alt: string; seq: string; item: string }>((tie) => ({
      pattern: tie("alt"),
      alt: fc.oneof({ depthSize: "small", withCrossShrink: true }, tie("seq"), fc.tuple(tie("seq"), tie("seq")).map(([x, y]) => `${x}|${y}`)),
      seq: fc.array(tie("item"), { maxLength: 4 }).map((items) => items.join("")),
      item: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        atom,
        assertion,
        fc.tuple(atom, quantifier).map(([a, q]) => a + q),
        fc.tuple(fc.constantFrom("(", "(?:"), tie("alt"), fc.option(quantifier, { nil: "" })).map(([open, body, q]) => `${open}${body})${q}`),
      ),
    })).pattern;
    const text = fc.array(char, { maxLength: 8 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 6 }), (p, strings) => {
        const m = matcher(p);
        for (const s of strings) expect(m.test(s), `/${p}/u on ${JSON.stringify(s)}`).toBe(oracle(p, s));
      }),
      { numRuns: Number(process.env.LINEAR_RUNS ?? 1000) },
    );
  });
});

describe("linear time", () => {
  it("^(a+)+$ on 50,000 a's and a '!' is false, in at most (length + 1) × states steps", () => {
    const c = compiled("^(a+)+$");
    const m = emitted(c.program, c.classes);
    const s = "a".repeat(50_000) + "!";
    expect(m.test(s)).toBe(false);
    expect(m.steps).toBeLessThanOrEqual((s.length + 1) * (c.program.length / 3));
    expect(m.test("a".repeat(50_000))).toBe(true);
  });

  it("an unanchored search stays linear too: (x+x+)+y on 20,000 x's", () => {
    const c = compiled("(x+x+)+y");
    const m = emitted(c.program, c.classes);
    const s = "x".repeat(20_000);
    expect(m.test(s)).toBe(false);
    expect(m.steps).toBeLessThanOrEqual((s.length + 1) * (c.program.length / 3));
    expect(m.test(s + "y")).toBe(true);
  });
});

describe("what the engine compiles, and what it leaves to the native RegExp", () => {
  it("the program is data: numbers, and class sources (deterministic, entry state 0)", () => {
    const a = compiled("^[\\w-]+_\\p{L}{2,}$");
    expect(a).toEqual(compiled("^[\\w-]+_\\p{L}{2,}$"));
    expect(a.classes).toEqual(["[\\w-]", "\\p{L}"]);
    expect(a.program.every((x) => Number.isInteger(x))).toBe(true);
    expect(a.program.slice(0, 3)).toEqual([3, 0, 1]);
  });

  it.each([
    ["(a)\\1", "a backreference (\\1)"],
    ["(?<x>a)\\k<x>", "a backreference (\\k<x>)"],
    ["a(?=b)", "a lookahead (?=…)"],
    ["a(?!b)", "a negative lookahead (?!…)"],
    ["(?<=a)b", "a lookbehind (?<=…)"],
    ["(?<!a)b", "a negative lookbehind (?<!…)"],
  ])("%s: %s", (pattern, feature) => {
    expect(compileLinear(pattern)).toEqual({ feature });
  });

  it(`counted repetitions are expanded up to ${MAX_STATES} states; past that the pattern is not compiled`, () => {
    expect("program" in compileLinear("^a{1000}$")).toBe(true);
    expect(compileLinear("^(a{100}){100}$")).toEqual({ feature: `more than ${MAX_STATES} states once its counted repetitions ({n,m}) are expanded` });
    expect(compileLinear("^a{0,4294967295}$")).toMatchObject({ feature: expect.stringContaining("counted repetitions") });
    // An empty body repeated any number of times is one empty match, not a program of that size.
    expect(compiled("^(?:){4294967295}a$").program.length / 3).toBeLessThan(5);
  });
});
