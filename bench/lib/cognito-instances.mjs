#!/usr/bin/env node
// Deterministic test instances for the Cognito throughput benchmark, built from the schemas themselves.
//
//   node bench/lib/cognito-instances.mjs [out.json]     # prints a summary; writes the instances when given a path
//
// For every `*Request` shape of the corpus (101 of them, file-name order) it builds:
//   valid:   `minimal` — the required members only, each with the smallest value that satisfies its schema;
//            `full`    — every member (optional ones too, down to depth 4; arrays with 2 items, maps with 2 keys).
//   invalid: mutations of `full`, each breaking exactly one thing:
//            `missing-required` (the first required member deleted), `wrong-type` (the last member given a value of
//            another type), `enum` (the last enum-valued string → "NOT_A_VALID_VALUE"), `pattern` (the last
//            pattern-constrained string → a string of allowed length with no allowed character), `too-long` (the
//            last string with maxLength → one character more), `range` (the last bounded number → below its
//            minimum / above its maximum), `deep` (the deepest leaf → a value of another type).
// A mutation that does not apply to the shape (no enum in it, say) is left out. Strings come from a fixed list
// of candidates (ids, ARNs, e-mail, codes, …), the first one that satisfies pattern, minLength and maxLength.
// No randomness: the same corpus always gives the same instances. The caller (bench/prepare/cognito.mjs)
// checks every instance against ajv and drops any whose label ajv disagrees with (reported, normally none).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCognito } from './cognito.mjs';

const COMPONENT_REF = '#/components/schemas/';
const MAX_DEPTH = 4;

const STRING_CANDIDATES = [
  'abc',
  'us-east-1_abc123',
  'us-east-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
  'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc123',
  'user@example.com',
  'https://example.com/callback',
  '123456',
  'abc123',
  'my-domain',
  'import-abc123',
  'authenticated',
  'Your code is {####}',
  'Verify {##Click here##}',
  'Example Value 1',
];
const STRING_BREAKERS = [' ', '\u0000', '~', '!', '_', '.', 'Z', '\u00e9'];
const DATE_TIME = '2024-01-02T03:04:05Z';

export function buildInstances(docs = loadCognito()) {
  const byTitle = new Map(docs.map((d) => [d.schema.title, d.schema]));
  const patternCache = new Map();
  const re = (p) => {
    if (!patternCache.has(p)) patternCache.set(p, new RegExp(p, 'u'));
    return patternCache.get(p);
  };

  /** The effective schema of a node: its `$ref` target and `allOf` parts merged with its own keywords. */
  const resolve = (s) => {
    if (s === true || s === undefined) return {};
    let out = {};
    if (typeof s.$ref === 'string') {
      if (!s.$ref.startsWith(COMPONENT_REF)) throw new Error(`unexpected ref ${s.$ref}`);
      out = { ...resolve(byTitle.get(s.$ref.slice(COMPONENT_REF.length))) };
    }
    for (const part of s.allOf ?? []) out = { ...out, ...resolve(part) };
    const { $ref, allOf, description, $schema, $id, title, ...own } = s;
    return { ...out, ...own };
  };

  const stringFits = (v, s) =>
    typeof v === 'string' &&
    (s.minLength === undefined || [...v].length >= s.minLength) &&
    (s.maxLength === undefined || [...v].length <= s.maxLength) &&
    (s.pattern === undefined || re(s.pattern).test(v));

  const stringFor = (s) => {
    if (s.format === 'date-time') return DATE_TIME;
    const min = s.minLength ?? 0;
    for (const c of STRING_CANDIDATES) {
      const variants = [c, c.padEnd(min, 'a'), c.padEnd(min, '0'), c.repeat(Math.ceil(min / c.length) || 1).slice(0, Math.max(min, c.length))];
      if (s.maxLength !== undefined) variants.push(c.slice(0, s.maxLength));
      const v = variants.find((x) => stringFits(x, s));
      if (v !== undefined) return v;
    }
    return undefined;
  };

  /** A valid value for `schema`, or undefined when none is found. mode: 'minimal' | 'full'. */
  const valueFor = (schema, mode, depth) => {
    const s = resolve(schema);
    if (Array.isArray(s.enum)) {
      const v = s.enum.find((x) => (s.type === undefined ? true : typeof x === (s.type === 'integer' ? 'number' : s.type)));
      return v;
    }
    switch (s.type) {
      case 'string':
        return stringFor(s);
      case 'integer':
      case 'number': {
        let v = s.minimum ?? (s.maximum !== undefined ? Math.min(s.maximum, 1) : 1);
        if (s.type === 'number' && (s.maximum === undefined || v + 0.5 <= s.maximum)) v += 0.5;
        return v;
      }
      case 'boolean':
        return true;
      case 'array': {
        const n = mode === 'full' ? 2 : 1;
        const out = [];
        for (let i = 0; i < n; i++) {
          const item = valueFor(s.items, mode, depth + 1);
          if (item === undefined) return undefined;
          out.push(item);
        }
        return out;
      }
      case 'object':
      case undefined: {
        const out = {};
        const required = new Set(s.required ?? []);
        for (const [name, sub] of Object.entries(s.properties ?? {})) {
          if (!required.has(name) && (mode !== 'full' || depth >= MAX_DEPTH)) continue;
          const v = valueFor(sub, mode, depth + 1);
          if (v === undefined) {
            if (required.has(name)) return undefined;
            continue;
          }
          out[name] = v;
        }
        if (mode === 'full' && depth < MAX_DEPTH && s.additionalProperties && typeof s.additionalProperties === 'object') {
          for (const key of ['key1', 'key2']) {
            const v = valueFor(s.additionalProperties, mode, depth + 1);
            if (v === undefined) break;
            out[key] = v;
          }
        }
        return out;
      }
      default:
        return undefined;
    }
  };

  /** Every location of `value` with the effective schema there, in document order. */
  const locations = (value, schema, path = [], out = []) => {
    const s = resolve(schema);
    out.push({ path, schema: s, value });
    if (Array.isArray(value)) value.forEach((v, i) => locations(v, s.items, [...path, i], out));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const sub = s.properties?.[k] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
        locations(v, sub, [...path, k], out);
      }
    }
    return out;
  };

  const setAt = (root, path, v) => {
    const copy = structuredClone(root);
    if (path.length === 0) return v;
    let node = copy;
    for (const k of path.slice(0, -1)) node = node[k];
    node[path.at(-1)] = v;
    return copy;
  };
  const otherType = (v) => (typeof v === 'string' ? 12345 : typeof v === 'number' || typeof v === 'boolean' ? 'not-a-number' : Array.isArray(v) ? { not: 'an array' } : 'not-an-object');

  const shapes = [];
  const unsatisfiable = [];
  for (const d of docs) {
    const title = d.schema.title;
    if (!/Request$/.test(title)) continue;
    const minimal = valueFor(d.schema, 'minimal', 0);
    const full = valueFor(d.schema, 'full', 0);
    if (minimal === undefined || full === undefined) {
      unsatisfiable.push(title);
      continue;
    }
    const tests = [
      { label: 'minimal', valid: true, data: minimal },
      { label: 'full', valid: true, data: full },
    ];
    const locs = locations(full, d.schema).filter((l) => l.path.length > 0);
    const last = (pred) => locs.filter(pred).at(-1);
    const root = resolve(d.schema);
    if (root.required?.length) {
      const copy = structuredClone(full);
      delete copy[root.required[0]];
      tests.push({ label: 'missing-required', valid: false, data: copy });
    }
    const lastMember = last((l) => l.path.length === 1);
    if (lastMember) tests.push({ label: 'wrong-type', valid: false, data: setAt(full, lastMember.path, otherType(lastMember.value)) });
    const en = last((l) => Array.isArray(l.schema.enum) && typeof l.value === 'string');
    if (en) tests.push({ label: 'enum', valid: false, data: setAt(full, en.path, 'NOT_A_VALID_VALUE') });
    const pat = last((l) => typeof l.value === 'string' && l.schema.pattern !== undefined);
    if (pat) {
      const min = Math.max(pat.schema.minLength ?? 1, 1);
      const breaker = STRING_BREAKERS.map((b) => b.repeat(min)).find(
        (b) => (pat.schema.maxLength === undefined || b.length <= pat.schema.maxLength) && !re(pat.schema.pattern).test(b),
      );
      if (breaker !== undefined) tests.push({ label: 'pattern', valid: false, data: setAt(full, pat.path, breaker) });
    }
    const long = last((l) => typeof l.value === 'string' && l.schema.maxLength !== undefined);
    if (long) {
      let v = long.value || 'a';
      while ([...v].length <= long.schema.maxLength) v += v;
      tests.push({ label: 'too-long', valid: false, data: setAt(full, long.path, v.slice(0, long.schema.maxLength + 1)) });
    }
    const range = last((l) => typeof l.value === 'number' && (l.schema.minimum !== undefined || l.schema.maximum !== undefined));
    if (range) {
      const v = range.schema.minimum !== undefined ? range.schema.minimum - 1 : range.schema.maximum + 1;
      tests.push({ label: 'range', valid: false, data: setAt(full, range.path, v) });
    }
    const deepest = locs.reduce((best, l) => (!best || l.path.length > best.path.length ? l : best), null);
    if (deepest && deepest.path.length > 1) tests.push({ label: 'deep', valid: false, data: setAt(full, deepest.path, otherType(deepest.value)) });
    shapes.push({ title, namespace: d.namespace, file: d.file, tests });
  }
  return { shapes, unsatisfiable };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { shapes, unsatisfiable } = buildInstances();
  const tests = shapes.flatMap((s) => s.tests);
  const byLabel = {};
  for (const t of tests) byLabel[t.label] = (byLabel[t.label] ?? 0) + 1;
  console.log(`${shapes.length} *Request shapes, ${tests.length} instances (${tests.filter((t) => t.valid).length} valid):`, byLabel);
  if (unsatisfiable.length) console.log(`no valid instance found for: ${unsatisfiable.join(', ')}`);
  if (process.argv[2]) writeFileSync(process.argv[2], JSON.stringify(shapes, null, 1));
}
