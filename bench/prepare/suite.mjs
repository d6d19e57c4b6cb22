#!/usr/bin/env node
// Untimed preparation for the test-suite throughput jobs: compiles every case of the JSON-Schema-Test-Suite
// REQUIRED tests of one draft with both tools and writes a manifest the throughput driver reads.
//
//   node bench/prepare/suite.mjs <outDir> <draft>      → <outDir>/suite-<draft>.json (+ sf/ and ajv/ folders)
//
// schemaforge (only when dist/ is built): exactly like test/conformance/runner.ts — each case's schema becomes
// `in/c<i>/schema.json` (`$schema` added when missing), one generate() per suite file with
// `namespaceBy: "folder"`, `emit: ["types", "validators"]`, `formats: "annotate"` and `map` serving
// http://localhost:1234/ from remotes/ and json-schema.org from the metaschemas; cases that declare the same
// absolute $id go to separate runs, and cases whose generation reports errors are isolated (run alone, the
// rest again). The package is written to disk; the case's entry `c<i>.js` and its `is<Root>` are what is timed.
//
// ajv (v8, `ajv/dist/2020` for draft2020-12, `ajv` for draft7): one instance per suite file with
// `{ code: { source: true }, strict: false, validateFormats: false }` (format is an annotation in the REQUIRED
// tests, as with schemaforge's `formats: "annotate"`); every remote document (remotes/, minus other drafts'
// folders) is added with `addSchema(doc, "http://localhost:1234/<path>")` — those that ajv rejects (another
// draft's `$schema`) are left out; each case with `addSchema(schema, "case<i>")` + `getSchema`. Then
// `standaloneCode(ajv, { c<i>: "case<i>", … })` — ajv's standalone module (CommonJS, as ajv emits it) — is
// written to `ajv/<file>.cjs`. A case that ajv cannot add/compile/emit is recorded with the error.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { runCheck } from '../lib/check.mjs';
import { ROOT, SCHEMAFORGE_API } from '../lib/paths.mjs';
import { groupByIds, prepareMetaschemas, readCases, REMOTES_DIR, REMOTES_URL, remoteDocuments, requiredFiles, writeCase } from '../lib/suite.mjs';

const [outArg, draft] = process.argv.slice(2);
if (!outArg || !draft) throw new Error('usage: suite.mjs <outDir> <draft>');
const require = createRequire(join(ROOT, 'package.json'));
const outDir = resolve(outArg);
const base = join(outDir, `suite-${draft}`);
rmSync(base, { recursive: true, force: true });
mkdirSync(base, { recursive: true });

const files = requiredFiles(draft);
const entries = [];
for (const file of files) {
  readCases(draft, file).forEach((c, index) =>
    entries.push({ file, index, description: c.description, tests: c.tests.map((t) => ({ data: t.data, valid: t.valid })), schema: c.schema }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// schemaforge

let sfBuilt = existsSync(SCHEMAFORGE_API);
let sfError;
if (sfBuilt) {
  try {
    await prepareSchemaforge();
  } catch (err) {
    // A broken build must not take the ajv rows down with it: the schemaforge rows fail with this message.
    sfBuilt = false;
    sfError = `schemaforge preparation failed: ${String(err?.stack ?? err).split('\n').slice(0, 3).join(' | ')}`;
    for (const e of entries) delete e.sf;
  }
}

async function prepareSchemaforge() {
  const { generate } = await import(pathToFileURL(SCHEMAFORGE_API).href);
  const metaMaps = await prepareMetaschemas(join(base, 'metaschemas'));
  for (const file of files) {
    const mine = entries.filter((e) => e.file === file);
    const work = join(base, 'sf', file.replace(/\.json$/, '').replace(/[^A-Za-z0-9-]+/g, '_'));
    const inputs = mine.map((e) => writeCase(join(work, 'in'), e.index, e.schema, draft));
    let packages = 0;
    const gen = async (indexes) => {
      const result = await generate({
        inputs: indexes.map((i) => inputs[i]),
        emit: ['types', 'validators'],
        formats: 'annotate',
        namespaceBy: 'folder',
        map: [`${REMOTES_URL}=${REMOTES_DIR}`, ...metaMaps],
        packageName: 'bench-suite',
      });
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) return { errors };
      const pkgDir = join(work, `pkg${packages++}`);
      for (const [p, contents] of Object.entries(result.files)) {
        mkdirSync(dirname(join(pkgDir, p)), { recursive: true });
        writeFileSync(join(pkgDir, p), contents);
      }
      return { pkgDir, result };
    };
    const built = new Map();
    const isolate = async (indexes) => {
      if (indexes.length === 0) return;
      const r = await gen(indexes);
      if (!r.errors) {
        for (const i of indexes) built.set(i, r);
        return;
      }
      if (indexes.length === 1) {
        built.set(indexes[0], { error: `generate() errors: ${r.errors.map((d) => `${d.code}: ${d.message}`).join('; ').slice(0, 300)}` });
        return;
      }
      const culprits = new Set();
      for (const d of r.errors) {
        const i = d.uri === undefined ? -1 : inputs.findIndex((p, k) => indexes.includes(k) && (d.uri === p || d.uri.startsWith(dirname(p) + sep)));
        if (i >= 0) culprits.add(i);
      }
      if (culprits.size === 0) {
        for (const i of indexes) await isolate([i]);
        return;
      }
      for (const i of culprits) await isolate([i]);
      await isolate(indexes.filter((i) => !culprits.has(i)));
    };
    for (const group of groupByIds(mine, draft)) await isolate(group);
    for (const e of mine) {
      const b = built.get(e.index);
      if (b.error) {
        e.sf = { error: b.error };
        continue;
      }
      const ns = `c${e.index}`;
      const root = b.result.types.find((t) => t.namespace === ns && t.source.pointer === '' && /[/\\]schema\.json$/.test(t.source.uri));
      const name = `is${root?.name ?? 'Schema'}`;
      const module = join(b.pkgDir, `${ns}.js`);
      try {
        const mod = await import(pathToFileURL(module).href);
        e.sf = typeof mod[name] === 'function' ? runCheck(mod[name], e, { module, name }) : { error: `${ns}.js exports no ${name}` };
      } catch (err) {
        e.sf = { error: `import ${ns}.js: ${String(err?.message ?? err).split('\n')[0]}` };
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// ajv standalone

const Ajv = draft === 'draft2020-12' ? require('ajv/dist/2020').default : require('ajv').default;
const standaloneCode = require('ajv/dist/standalone').default;
const remotes = remoteDocuments(draft);
const ajvOptions = { code: { source: true }, strict: false, validateFormats: false, logger: false };
let remotesRejected = 0;
const newAjv = () => {
  const ajv = new Ajv(ajvOptions);
  remotesRejected = 0;
  for (const r of remotes) {
    try {
      ajv.addSchema(r.schema, r.url);
    } catch {
      remotesRejected++;
    }
  }
  return ajv;
};
const firstLine = (err) => String(err?.message ?? err).split('\n')[0].slice(0, 300);
mkdirSync(join(base, 'ajv'), { recursive: true });
for (const file of files) {
  const mine = entries.filter((e) => e.file === file);
  const slug = file.replace(/\.json$/, '').replace(/[^A-Za-z0-9-]+/g, '_');
  let ajv = newAjv();
  const compiled = []; // entries compiled in the shared instance
  const alone = []; // entries that needed an instance of their own ($id clash), with that instance
  for (const e of mine) {
    const key = `case${e.index}`;
    try {
      ajv.addSchema(e.schema, key);
      ajv.getSchema(key);
      compiled.push(e);
    } catch (err) {
      // A clash with another case's $id, or a real compile error: retry in an instance of its own.
      try {
        ajv.removeSchema(key);
      } catch {}
      try {
        const own = newAjv();
        own.addSchema(e.schema, key);
        own.getSchema(key);
        alone.push({ e, ajv: own });
      } catch (err2) {
        e.ajv = { error: firstLine(err2) };
      }
    }
  }
  const emit = (instance, list, name) => {
    const code = standaloneCode(instance, Object.fromEntries(list.map((e) => [`c${e.index}`, `case${e.index}`])));
    const module = join(base, 'ajv', `${name}.cjs`);
    writeFileSync(module, code);
    for (const e of list) e.ajv = { module, name: `c${e.index}` };
  };
  try {
    emit(ajv, compiled, slug);
  } catch {
    for (const e of compiled) {
      try {
        emit(ajv, [e], `${slug}_c${e.index}`);
      } catch (err) {
        e.ajv = { error: `standaloneCode: ${firstLine(err)}` };
      }
    }
  }
  for (const { e, ajv: own } of alone) {
    try {
      emit(own, [e], `${slug}_c${e.index}`);
    } catch (err) {
      e.ajv = { error: `standaloneCode: ${firstLine(err)}` };
    }
  }
  ajv = null;
}
// Load every ajv module once here, so a module that ajv emitted but that does not load counts as "cannot compile".
for (const e of entries) {
  if (!e.ajv?.module) continue;
  try {
    const mod = require(e.ajv.module);
    if (typeof mod[e.ajv.name] !== 'function') e.ajv = { error: `standalone module exports no ${e.ajv.name}` };
    else e.ajv = runCheck(mod[e.ajv.name], e, e.ajv);
  } catch (err) {
    e.ajv = { error: `load standalone module: ${firstLine(err)}` };
  }
}

for (const e of entries) delete e.schema;
const manifest = { set: `suite-${draft}`, draft, sfBuilt, sfError, remotes: remotes.length, remotesRejectedByAjv: remotesRejected, entries };
writeFileSync(join(outDir, `suite-${draft}.json`), JSON.stringify(manifest));
const count = (tool) => entries.filter((e) => e[tool] && !e[tool].error).length;
process.stderr.write(
  `  suite ${draft}: ${entries.length} cases; schemaforge compiled ${sfBuilt ? count('sf') : 'n/a (not built)'}, ajv standalone ${count('ajv')}\n`,
);
