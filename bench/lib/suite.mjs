// JSON-Schema-Test-Suite helpers for the throughput benchmark: which files, how a case becomes a schema file,
// and the `map` entries that serve remotes and metaschemas to schemaforge. The mapping logic is copied from
// test/conformance/runner.ts (bench/ does not import test code), so the benchmark compiles each case exactly
// the way the conformance run does.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './paths.mjs';

export const SUITE_DIR = '/work/shared/corpora/json-schema-test-suite';
export const REMOTES_DIR = join(SUITE_DIR, 'remotes');
export const REMOTES_URL = 'http://localhost:1234/';
export const SUITE_DRAFTS = ['draft2020-12', 'draft7'];

/** The `$schema` written into a case's schema object when it has none (the loader reads the dialect from it). */
export const DIALECT_URI = {
  draft4: 'http://json-schema.org/draft-04/schema#',
  draft6: 'http://json-schema.org/draft-06/schema#',
  draft7: 'http://json-schema.org/draft-07/schema#',
  'draft2019-09': 'https://json-schema.org/draft/2019-09/schema',
  'draft2020-12': 'https://json-schema.org/draft/2020-12/schema',
};
const ALL_DRAFT_FOLDERS = ['draft3', 'draft4', 'draft6', 'draft7', 'draft2019-09', 'draft2020-12', 'v1'];

/** REQUIRED suite files of a draft: tests/<draft>/*.json (not optional/), sorted. */
export function requiredFiles(draft) {
  const dir = join(SUITE_DIR, 'tests', draft);
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
}

export function readCases(draft, file) {
  return JSON.parse(readFileSync(join(SUITE_DIR, 'tests', draft, file), 'utf8'));
}

/** Writes `<dir>/c<index>/schema.json` (object schemas get the draft's `$schema` when they have none). */
export function writeCase(dir, index, schema, draft) {
  const path = join(dir, `c${index}`, 'schema.json');
  mkdirSync(dirname(path), { recursive: true });
  const withDialect =
    schema !== null && typeof schema === 'object' && !Array.isArray(schema) && !('$schema' in schema)
      ? { $schema: DIALECT_URI[draft], ...schema }
      : schema;
  writeFileSync(path, JSON.stringify(withDialect, null, 2));
  return path;
}

/** Greedy partition of case indexes so that no two cases of a group declare the same absolute `$id`. */
export function groupByIds(cases, draft) {
  const groups = [];
  cases.forEach((c, i) => {
    const ids = collectIds(c.schema, draft === 'draft4' ? 'id' : '$id');
    let g = groups.find((x) => ![...ids].some((id) => x.ids.has(id)));
    if (!g) groups.push((g = { ids: new Set(), members: [] }));
    for (const id of ids) g.ids.add(id);
    g.members.push(i);
  });
  return groups.map((g) => g.members);
}

function collectIds(schema, key, out = new Set()) {
  if (Array.isArray(schema)) for (const s of schema) collectIds(s, key, out);
  else if (schema !== null && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (k === key && typeof v === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(v)) out.add(v.replace(/#$/, ''));
      else collectIds(v, key, out);
    }
  }
  return out;
}

// Metaschemas some cases `$ref`, laid out by URL path and served through `map` (same table as the runner).
const METASCHEMAS = [
  { url: 'http://json-schema.org/draft-04/schema', pkg: 'ajv-draft-04', file: 'dist/refs/json-schema-draft-04.json' },
  { url: 'http://json-schema.org/draft-06/schema', pkg: 'ajv', file: 'dist/refs/json-schema-draft-06.json' },
  { url: 'http://json-schema.org/draft-07/schema', pkg: 'ajv', file: 'dist/refs/json-schema-draft-07.json' },
  ...['schema', ...['core', 'applicator', 'validation', 'meta-data', 'format', 'content'].map((m) => `meta/${m}`)].map((p) => ({
    url: `https://json-schema.org/draft/2019-09/${p}`,
    pkg: 'ajv',
    file: `dist/refs/json-schema-2019-09/${p}.json`,
  })),
  ...['schema', ...['core', 'applicator', 'unevaluated', 'validation', 'meta-data', 'format-annotation', 'content'].map((m) => `meta/${m}`)].map(
    (p) => ({ url: `https://json-schema.org/draft/2020-12/${p}`, pkg: 'ajv', file: `dist/refs/json-schema-2020-12/${p}.json` }),
  ),
  { url: 'https://json-schema.org/draft/2020-12/meta/format-assertion', pkg: '@hyperjump/json-schema', file: 'draft-2020-12/meta/format-assertion.js' },
];

const require = createRequire(join(ROOT, 'package.json'));

function packageDir(name) {
  let dir = dirname(require.resolve(name));
  for (;;) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj) && JSON.parse(readFileSync(pj, 'utf8')).name === name) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the folder of ${name}: is it installed (npm ci)?`);
    dir = up;
  }
}

/** Lays the metaschemas out under `<root>/json-schema.org/…`; returns the `map` entries that serve them. */
export async function prepareMetaschemas(root) {
  const base = join(root, 'json-schema.org');
  for (const m of METASCHEMAS) {
    const source = join(packageDir(m.pkg), m.file);
    const target = join(base, m.url.replace(/^https?:\/\/json-schema\.org\//, ''));
    mkdirSync(dirname(target), { recursive: true });
    if (m.file.endsWith('.js')) {
      const json = (await import(pathToFileURL(source).href)).default;
      writeFileSync(target, JSON.stringify(json, null, 2));
    } else {
      copyFileSync(source, target);
    }
  }
  return [`http://json-schema.org/=${base}`, `https://json-schema.org/=${base}`];
}

/**
 * The remote documents for ajv's `addSchema(doc, url)`: every JSON file under remotes/ except the folders of
 * other drafts, keyed `http://localhost:1234/<path>` (what ajv's own test-suite runner does).
 */
export function remoteDocuments(draft) {
  const out = [];
  const skip = new Set(ALL_DRAFT_FOLDERS.filter((d) => d !== draft));
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      const rel = relative(REMOTES_DIR, p).split(sep).join('/');
      if (e.isDirectory()) {
        if (!skip.has(rel)) walk(p);
      } else if (e.name.endsWith('.json')) {
        out.push({ url: REMOTES_URL + rel, schema: JSON.parse(readFileSync(p, 'utf8')) });
      }
    }
  };
  walk(REMOTES_DIR);
  return out;
}
