/**
 * The format checks of templates/validators/runtime/formats.ts, run exactly as they are emitted: for each
 * format, the source text of the check and of every helper it lists (`fn.toString()`) is evaluated in a fresh
 * `new Function` scope, so a hidden dependency on module scope (a constant, an import, an unlisted helper)
 * fails here. Every optional/format test of the official JSON-Schema-Test-Suite is run per draft against
 * `FORMATS` (non-string data and unknown formats pass, as the validator does), plus hand-written edge cases.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { FORMATS } from "../../../templates/validators/runtime/formats.js";
import { describeShared, testSuiteDir } from "../../helpers/shared.js";

type Draft = "draft2020-12" | "draft2019-09" | "draft7" | "draft6" | "draft4";
const DRAFTS: readonly Draft[] = ["draft2020-12", "draft2019-09", "draft7", "draft6", "draft4"];
/** Required pass rate (%) per draft, counting skipped (known) failures as failures. */
const TARGET: Record<Draft, number> = { "draft2020-12": 99, "draft2019-09": 99, draft7: 99, draft6: 98, draft4: 98 };

/**
 * Suite tests we knowingly fail, each with the reason: the drafts it applies to, the suite file (relative to
 * tests/<draft>/optional/format/) and the test's data as JSON. An entry that covers no test, or whose tests
 * all pass now, is stale and fails the run. Empty: every optional/format test of every draft passes.
 */
interface SkipEntry {
  drafts: readonly Draft[];
  file: string;
  data: string;
  reason: string;
}
const SKIP: readonly SkipEntry[] = [];

// ---------------------------------------------------------------------------------------------------------------
// Emission: each check rebuilt from source text, in a scope that sees only globals

type Check = (s: string) => boolean;

/** The source text the validators template emits for one format: its helpers, then the check. */
function emittedSource(format: string): string {
  const entry = FORMATS[format];
  if (!entry) throw new Error(`no format ${format}`);
  const parts = entry.helpers.map((h) => h.toString());
  parts.push(entry.fn.toString());
  return parts.join("\n\n");
}

const compiled = new Map<string, Check>();
function emitted(format: string): Check {
  let fn = compiled.get(format);
  if (!fn) {
    const entry = FORMATS[format];
    if (!entry) throw new Error(`no format ${format}`);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    fn = new Function(`"use strict";\n${emittedSource(format)}\nreturn ${entry.fn.name};`)() as Check;
    compiled.set(format, fn);
  }
  return fn;
}

/** How the generated validator treats `format`: strings are checked, anything else passes; unknown formats pass. */
function formatPasses(format: string, data: unknown): boolean {
  if (typeof data !== "string") return true;
  if (!Object.prototype.hasOwnProperty.call(FORMATS, format)) return true;
  return emitted(format)(data);
}

describe("formats: emitted source is self-contained", () => {
  it("every function and helper has a unique, stable name", () => {
    const byName = new Map<string, (...a: any[]) => any>();
    for (const [format, { fn, helpers }] of Object.entries(FORMATS)) {
      expect(fn.name, format).toMatch(/^format[A-Z][A-Za-z0-9]*$/);
      expect(fn.name, format).not.toMatch(/^formatHelper/);
      for (const h of [fn, ...helpers]) {
        expect(h.name, format).toMatch(/^format[A-Z][A-Za-z0-9]*$/);
        const seen = byName.get(h.name);
        if (seen) expect(seen, `${h.name} names two functions`).toBe(h);
        byName.set(h.name, h);
      }
      expect(new Set(helpers).size, `${format}: a helper listed twice`).toBe(helpers.length);
    }
  });

  it("every check compiles alone from its emitted source, and calls only the helpers it lists", () => {
    for (const [format, { fn, helpers }] of Object.entries(FORMATS)) {
      const src = emittedSource(format);
      expect(() => emitted(format), format).not.toThrow();
      expect(typeof emitted(format), format).toBe("function");
      // Every formatXxx identifier the source mentions must be emitted with it.
      const available = new Set([fn.name, ...helpers.map((h) => h.name)]);
      for (const m of src.matchAll(/\bformat[A-Z][A-Za-z0-9]*\b/g)) expect(available.has(m[0]), `${format} uses ${m[0]}`).toBe(true);
      // No module machinery and no host objects.
      expect(src, format).not.toMatch(/\b(?:require|import|process|Buffer|globalThis|__vi\w*|__vite\w*)\b/);
    }
  });

  it("the checks answer the same from the module, from emitted source, and in a bare realm", () => {
    const samples = ["", "a", "2020-02-29", "12:00:00Z", "P1D", "a@b.c", "a@[::1]", "ä@bücher.de", "xn--bcher-kva", "\u05d0\u200c", "::1", "1.2.3.4", "http://x/", "http://[v1.x]:8/ä?é#ö", "{a}", "/a~0", "0#", "(?<a>b)"];
    for (const [format, { fn }] of Object.entries(FORMATS)) {
      // A fresh vm context has the ECMAScript built-ins only: no Node globals, no module scope.
      const bare = runInContext(`${emittedSource(format)}\n${fn.name};`, createContext({})) as Check;
      for (const s of samples) {
        expect(emitted(format)(s), `${format} ${JSON.stringify(s)}`).toBe(fn(s));
        expect(bare(s), `${format} ${JSON.stringify(s)} (bare realm)`).toBe(fn(s));
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Hand-written edge cases, per format

const EDGE: Record<string, [string, boolean][]> = {
  date: [
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["2024-12-31", true],
    ["0000-01-01", true],
    ["2024-1-01", false],
    ["２０２４-01-01", false],
  ],
  time: [
    ["00:00:00Z", true],
    ["23:59:59.999+14:00", true],
    ["12:00:00.Z", false],
    ["12:00Z", false],
    ["12:00:00+0100", false],
    ["00:59:60+01:00", true],
    ["00:59:60+01:01", false],
  ],
  "date-time": [
    ["2024-02-29T12:00:00Z", true],
    ["2023-02-29T12:00:00Z", false],
    ["2024-01-01 12:00:00Z", false],
    ["2024-01-01T12:00:00", false],
    ["2024-01-01T", false],
    ["2024-01-01t00:00:60+00:01", true],
  ],
  duration: [
    ["P1W", true],
    ["PT1H1S", false],
    ["P1Y1M1DT1H1M1S", true],
    ["P1DT", false],
    ["p1D", false],
    ["P1.5D", false],
  ],
  email: [
    ["a@b", true],
    ["a+tag@example.co.uk", true],
    ['"a\\"b"@example.com', true],
    ['"a"b"@example.com', false],
    ["a@[IPv6:2001:db8::1]", true],
    ["a@[ipv6:::1]", true],
    ["a@[IPv6:::1%eth0]", false],
    ["a@-example.com", false],
    ["a@example..com", false],
    ["ä@example.com", false],
    [`${"a".repeat(65)}@example.com`, false],
    ["a@xn--bcher-kva.example", true],
    ["a@xn--X.example", false],
  ],
  "idn-email": [
    ["ä@bücher.example", true],
    ["a@[127.0.0.1]", true],
    [`${"ä".repeat(32)}@example.com`, true],
    [`${"ä".repeat(33)}@example.com`, false],
    ["\ud800@example.com", false],
    ["a@b\u00b7c.example", false],
  ],
  hostname: [
    ["localhost", true],
    ["EXAMPLE.COM", true],
    ["xn--bcher-kva.example", true],
    ["XN--BCHER-KVA.example", true],
    ["xn--bcher-kva-.example", false],
    ["xn--a", false],
    ["bücher.example", false],
    [`${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(61)}`, true],
    [`${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(62)}`, false],
    ["ab--cd.example", true],
  ],
  "idn-hostname": [
    ["bücher.example", true],
    ["Bücher.example", false],
    ["xn--bcher-kva.example", true],
    ["münchen。de", true],
    ["a\u200cb", false],
    ["\u05d0\u05d1.example", true],
    ["\u05d0a", false],
    ["\u05d0\u0301", true],
    ["\u0627\u0661\u06f1", false],
    ["\u0644\u200c\u0627", true],
    ["\u0627\u200c\u0644", false],
    ["x\u0375", false],
    ["\u30a2\u30fb\u30a4", true],
    ["\u2060a", false],
    ["a\ud800", false],
    ["\u1100\u1161", false],
    ["\u0131", true],
    ["\uab70", false],
  ],
  ipv4: [
    ["1.2.3.4", true],
    ["01.2.3.4", false],
    ["1.2.3.04", false],
    ["1.2.3", false],
    ["1.2.3.255", true],
  ],
  ipv6: [
    ["2001:db8::1", true],
    ["2001:DB8::1", true],
    ["::ffff:1.2.3.4", true],
    ["1:2:3:4:5:6:1.2.3.4", true],
    ["1:2:3:4:5:6:7:1.2.3.4", false],
    ["1:2:3:4:5:6:7::", true],
    ["1:2:3:4:5:6:7:8::", false],
    ["::1.2.3.4:1", false],
    [":::", false],
    ["fe80::1%25eth0", false],
  ],
  uri: [
    ["http://example.com", true],
    ["file:///etc/hosts", true],
    ["http://[v7.x]/", true],
    ["http://[v7]/", false],
    ["http://a:80:80/", false],
    ["http://ex ample/", false],
    ["a+b.c-d:x", true],
    ["http://example.com/%7e", true],
    ["http://example.com/ä", false],
    ["http:", true],
    ["http://u:p@h:1/p?q#f", true],
    ["http://h/#a#b", false],
  ],
  "uri-reference": [
    ["../a/b", true],
    ["a:b", true],
    ["a/b:c", true],
    ["?", true],
    ["#", true],
    ["%", false],
    ["///a", true],
    ["\\", false],
  ],
  iri: [
    ["http://bücher.example/straße?ä=ö#ü", true],
    ["http://example.com/\ue000", false],
    ["http://example.com/?\ue000", true],
    ["http://example.com/\ufffe", false],
    ["ä:b", false],
    ["http://example.com/\ud800", false],
  ],
  "iri-reference": [
    ["bücher", true],
    ["//bücher/", true],
    ["ä:b", false],
    ["#\u00a0", true],
    ["a b", false],
  ],
  "uri-template": [
    ["{var}", true],
    ["{+path:6}/here", true],
    ["{?x,y,z*}", true],
    ["{=var}", false],
    ["{var:}", false],
    ["{var**}", false],
    ["{.a.b.c}", true],
    ["{a.}", false],
    ["{{a}}", false],
    ["%zz", false],
    ["a<b", false],
  ],
  uuid: [
    ["{2eb8aa08-aa98-11ea-b4aa-73b441d16380}", false],
    ["2EB8AA08-aa98-11ea-b4aa-73b441d16380", true],
    ["2eb8aa08-aa98-11ea-b4aa-73b441d1638g", false],
  ],
  "json-pointer": [
    ["/", true],
    ["//", true],
    ["/~01", true],
    ["/~", false],
    ["~1", false],
  ],
  "relative-json-pointer": [
    ["0", true],
    ["0/", true],
    ["10#", true],
    ["#", false],
    ["0/~", false],
    ["0 ", false],
  ],
  regex: [
    ["^a+$", true],
    ["\\p{L}", true],
    ["(?<a>x)\\k<a>", true],
    ["[", false],
    ["a{2,1}", false],
    ["\\u{110000}", false],
    ["(?<a>x)(?<a>y)", false],
  ],
};

describe("formats: hand-written edge cases", () => {
  for (const [format, cases] of Object.entries(EDGE)) {
    it(format, () => {
      expect(Object.prototype.hasOwnProperty.call(FORMATS, format), `${format} is registered`).toBe(true);
      for (const [data, valid] of cases) expect(emitted(format)(data), `${format} ${JSON.stringify(data)}`).toBe(valid);
    });
  }

  it("covers every registered format", () => {
    expect(Object.keys(EDGE).sort()).toEqual(Object.keys(FORMATS).sort());
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The official test suite, optional/format of each draft

interface SuiteFile {
  description: string;
  schema: { format?: unknown };
  tests: { description: string; data: unknown; valid: boolean }[];
}

interface Outcome {
  draft: Draft;
  file: string;
  format: string;
  data: string;
  title: string;
  pass: boolean;
  skip?: SkipEntry;
}

function runDraft(draft: Draft): Outcome[] {
  const dir = join(testSuiteDir, "tests", draft, "optional", "format");
  const out: Outcome[] = [];
  if (!existsSync(dir)) return out; // the suite is skipped (describeShared) when the corpus is absent
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const cases = JSON.parse(readFileSync(join(dir, file), "utf8")) as SuiteFile[];
    for (const c of cases) {
      const format = String(c.schema.format);
      for (const t of c.tests) {
        let got: boolean;
        try {
          got = formatPasses(format, t.data);
        } catch (e) {
          got = !t.valid; // a throwing check is a failure whatever the expectation
          void e;
        }
        const data = JSON.stringify(t.data);
        const skip = SKIP.find((e) => e.drafts.includes(draft) && e.file === file && e.data === data);
        out.push({ draft, file, format, data, title: `${c.description} / ${t.description}`, pass: got === t.valid, ...(skip ? { skip } : {}) });
      }
    }
  }
  return out;
}

const summary: string[] = [];
afterAll(() => {
  if (summary.length > 0) console.log(summary.join("\n"));
});

describeShared(
  "formats: JSON-Schema-Test-Suite optional/format",
  () => {
    for (const draft of DRAFTS) {
      describe(draft, () => {
        const outcomes = runDraft(draft);
        const files = [...new Set(outcomes.map((o) => o.file))];

        for (const file of files) {
          it(file, () => {
            const failing = outcomes.filter((o) => o.file === file && !o.pass && !o.skip);
            expect(failing.map((o) => `${o.title}: ${o.data}`)).toEqual([]);
          });
        }

        it(`pass rate ≥ ${TARGET[draft]} % (skipped tests count as failures)`, () => {
          const passed = outcomes.filter((o) => o.pass).length;
          const pct = (100 * passed) / outcomes.length;
          const lines = [`── ${draft}: ${passed}/${outcomes.length} passed (${pct.toFixed(2)} %)`];
          for (const file of files) {
            const mine = outcomes.filter((o) => o.file === file);
            const ok = mine.filter((o) => o.pass).length;
            lines.push(`   ${file.padEnd(28)} ${String(ok).padStart(3)}/${String(mine.length).padEnd(3)}${ok === mine.length ? "" : "  ✗"}`);
          }
          for (const o of outcomes.filter((x) => !x.pass)) {
            lines.push(`   ${o.skip ? "SKIPPED" : "FAILED "} ${o.file} ${o.title}: ${o.data}${o.skip ? ` (${o.skip.reason})` : ""}`);
          }
          summary.push(lines.join("\n"));
          expect(pct).toBeGreaterThanOrEqual(TARGET[draft]);
        });

        it("no stale skip entries", () => {
          const stale = SKIP.filter((e) => e.drafts.includes(draft)).filter((e) => {
            const covered = outcomes.filter((o) => o.skip === e);
            return covered.length === 0 || covered.every((o) => o.pass);
          });
          expect(stale.map((e) => `${e.file} ${e.data}: ${e.reason}`)).toEqual([]);
        });
      });
    }
  },
  testSuiteDir,
);
