#!/usr/bin/env node
// Untimed preparation for the Cognito throughput and start-up jobs.
//
//   node bench/prepare/cognito.mjs <outDir>
//
// Writes under <outDir>/cognito/:
//   sf/                 schemaforge's package for the 575 shapes (only when dist/ is built): generate() with
//                       `emit: ["types", "validators"]` and default options (formats: "assert"), as
//                       `schemaforge generate <corpus>/json-schema --out sf --emit types,validators` does.
//   ajv/<ns>.cjs        ajv standalone code for each namespace (cognito-idp: 465 shapes, cognito-identity: 110),
//                       one export per shape named by its title: Ajv2020 `{ code: { source: true } }` + ajv-formats
//                       + format "password" declared always-valid, refs rewritten (bench/lib/cognito.mjs),
//                       `addSchema` of all 575, then `standaloneCode(ajv, { <title>: <$id>, … })`.
//   schemas/<ns>.json   the rewritten schemas of a namespace as one JSON array: what the ajv (runtime) and
//                       hyperjump start-up jobs load.
// and <outDir>/cognito.json (the throughput manifest: every *Request shape with its instances from
// bench/lib/cognito-instances.mjs) and <outDir>/cognito-startup.json (what the start-up drivers validate).
// Every instance is checked against ajv (runtime-compiled, same options); one whose label ajv disagrees with is
// dropped and counted.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCheck } from '../lib/check.mjs';
import { configureAjv, loadCognito, NAMESPACES, rewriteRefs } from '../lib/cognito.mjs';
import { buildInstances } from '../lib/cognito-instances.mjs';
import { COGNITO_JSON_SCHEMA_DIR, ROOT, SCHEMAFORGE_API } from '../lib/paths.mjs';

const outDir = resolve(process.argv[2] ?? '');
if (!process.argv[2]) throw new Error('usage: cognito.mjs <outDir>');
const base = join(outDir, 'cognito');
rmSync(base, { recursive: true, force: true });
mkdirSync(join(base, 'ajv'), { recursive: true });
mkdirSync(join(base, 'schemas'), { recursive: true });
const require = createRequire(join(ROOT, 'package.json'));

const STARTUP_SHAPE = 'AdminRespondToAuthChallengeRequest';

// ---------------------------------------------------------------------------------------------------------------
// ajv: bundles, standalone modules, and a runtime instance to check the instances' labels

const docs = rewriteRefs(loadCognito());
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const standaloneCode = require('ajv/dist/standalone').default;
const ajv = configureAjv(new Ajv2020({ code: { source: true } }), addFormats);
for (const d of docs) ajv.addSchema(d.schema);
for (const ns of NAMESPACES) {
  const mine = docs.filter((d) => d.namespace === ns);
  writeFileSync(join(base, 'schemas', `${ns}.json`), JSON.stringify(mine.map((d) => d.schema)));
  const code = standaloneCode(ajv, Object.fromEntries(mine.map((d) => [d.schema.title, d.schema.$id])));
  writeFileSync(join(base, 'ajv', `${ns}.cjs`), code);
}

// ---------------------------------------------------------------------------------------------------------------
// schemaforge

let sfBuilt = existsSync(SCHEMAFORGE_API);
let sfError;
const sfName = new Map(); // title → { module, name }
if (sfBuilt) {
  try {
    await prepareSchemaforge();
  } catch (err) {
    // A broken build must not take the ajv rows down with it: the schemaforge rows fail with this message.
    sfBuilt = false;
    sfError = `schemaforge preparation failed: ${String(err?.stack ?? err).split('\n').slice(0, 3).join(' | ')}`;
    sfName.clear();
  }
}

async function prepareSchemaforge() {
  const { generate } = await import(pathToFileURL(SCHEMAFORGE_API).href);
  const result = await generate({ inputs: [COGNITO_JSON_SCHEMA_DIR], out: join(base, 'sf'), emit: ['types', 'validators'] });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`schemaforge generate failed: ${errors.map((d) => d.message).join('; ')}`);
  const titleByFile = new Map(loadCognito().map((d) => [d.file, d.schema.title]));
  for (const t of result.types) {
    if (t.source.pointer !== '') continue;
    const title = titleByFile.get(basename(t.source.uri));
    if (title) sfName.set(title, { module: join(base, 'sf', `${t.namespace}.js`), name: `is${t.name}` });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Instances, labels checked against ajv, manifest

const { shapes, unsatisfiable } = buildInstances();
let dropped = 0;
const idByTitle = new Map(docs.map((d) => [d.schema.title, d.schema.$id]));
const ajvModules = Object.fromEntries(NAMESPACES.map((ns) => [ns, require(join(base, 'ajv', `${ns}.cjs`))]));
const sfModules = new Map();
const entries = [];
for (const s of shapes) {
  const check = ajv.getSchema(idByTitle.get(s.title));
  const tests = s.tests.filter((t) => {
    const keep = check(t.data) === t.valid;
    if (!keep) dropped++;
    return keep;
  });
  const e = { label: s.title, namespace: s.namespace, tests };
  const ajvFn = ajvModules[s.namespace][s.title];
  e.ajv = typeof ajvFn === 'function' ? runCheck(ajvFn, e, { module: join(base, 'ajv', `${s.namespace}.cjs`), name: s.title }) : { error: `no export ${s.title}` };
  if (sfBuilt) {
    const ref = sfName.get(s.title);
    if (!ref) e.sf = { error: `no generated type for ${s.title}` };
    else {
      if (!sfModules.has(ref.module)) sfModules.set(ref.module, await import(pathToFileURL(ref.module).href));
      const fn = sfModules.get(ref.module)[ref.name];
      e.sf = typeof fn === 'function' ? runCheck(fn, e, ref) : { error: `${ref.module} exports no ${ref.name}` };
    }
  }
  entries.push(e);
}
writeFileSync(join(outDir, 'cognito.json'), JSON.stringify({ set: 'cognito', sfBuilt, sfError, unsatisfiable, droppedByAjvCheck: dropped, entries }));

const startup = shapes.find((s) => s.title === STARTUP_SHAPE);
const instancePath = join(base, 'startup-instance.json');
writeFileSync(instancePath, JSON.stringify(startup.tests.find((t) => t.label === 'full').data));
writeFileSync(
  join(outDir, 'cognito-startup.json'),
  JSON.stringify({
    shape: STARTUP_SHAPE,
    namespace: 'cognito-idp',
    instance: instancePath,
    id: idByTitle.get(STARTUP_SHAPE),
    schemas: join(base, 'schemas', 'cognito-idp.json'),
    sf: sfName.get(STARTUP_SHAPE) ?? null,
    sfError,
    ajvStandalone: { module: join(base, 'ajv', 'cognito-idp.cjs'), name: STARTUP_SHAPE },
  }),
);
const count = (k) => entries.filter((e) => e[k] && !e[k].error).length;
const n = entries.reduce((a, e) => a + e.tests.length, 0);
process.stderr.write(
  `  cognito: ${entries.length} *Request shapes, ${n} instances (${dropped} dropped: label disagreed with ajv; ` +
    `${unsatisfiable.length} shapes without a valid instance); schemaforge ${sfBuilt ? count('sf') : 'n/a (not built)'}, ajv standalone ${count('ajv')}\n`,
);
