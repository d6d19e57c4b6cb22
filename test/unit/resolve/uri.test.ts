/**
 * `resolveUri` skips the URL parser for `#…` references against a base the parser would leave unchanged (most
 * `$ref`s of a run). Its answers must be the URL standard's, for every base and reference, fast path or not.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveUri } from "../../../src/resolve/registry.js";

const viaUrl = (ref: string, base: string): string | undefined => {
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
};

const BASES = [
  "file:///a/b.json",
  "file:///a/b.json#/x",
  "http://ex.com/r.json",
  "urn:example:x",
  "tag:x,2020:y#frag",
  "file:///C:/x/y.json",
  // Bases the parser would rewrite: the fast path must not take them as they are.
  "file:///a/./b c.json",
  "HTTP://EX.com/a",
  "http://ex.com/ü.json",
  "http://ex.com/a/../b.json",
  "file:///a\\b.json",
];
const REFS = ["#", "#/components/schemas/A", "#/a%20b", "#foo", "#/a b", "#/ü", '#/a"b', "#/x?y", "#/~0~1", "#/<x>", "other.json#/a", "", "//h/p"];

describe("resolveUri", () => {
  it("answers as the URL standard does on a table of bases and references", () => {
    for (const base of BASES) for (const ref of REFS) expect([base, ref, resolveUri(ref, base)]).toEqual([base, ref, viaUrl(ref, base)]);
  });

  it("answers as the URL standard does for random fragments", () => {
    const fragment = fc.string({ unit: fc.constantFrom(..."aZ09/~%-._!$&'()*+,;=:@? \"<>`#ü\u0000\u2028".split("")), maxLength: 12 });
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fragment, (base, f) => {
        expect(resolveUri("#" + f, base)).toBe(viaUrl("#" + f, base));
      }),
      { numRuns: 2000 },
    );
  });
});
