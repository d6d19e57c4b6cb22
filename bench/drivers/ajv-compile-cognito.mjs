// Generation-time peer: ajv compiling the validators of the whole aws-cognito json-schema corpus (575 shapes).
//
// usage: node bench/drivers/ajv-compile-cognito.mjs <out-dir> [--standalone]
//
// Whole process: read the 575 files, rewrite each `#/components/schemas/X` ref to the `$id` of the sibling
// titled X (the refs point out of each file; every file declares a `$id` — bench/lib/cognito.mjs), `new Ajv2020()`
// with ajv-formats and format "password" declared always-valid (schemaforge lets unknown formats pass),
// `addSchema` all 575 (each is validated against the 2020-12 metaschema, ajv's default), then `getSchema($id)` for
// each, which compiles it (and what it references; each schema is compiled once).
// --standalone: the same with `{ code: { source: true } }`, then ajv's `standaloneCode(ajv, { <title>: <$id> })`
// per namespace, written to <out-dir>/cognito-idp.cjs and cognito-identity.cjs (CommonJS, as ajv emits it) —
// the files a user would ship, like schemaforge's generated package.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { configureAjv, loadCognito, NAMESPACES, rewriteRefs } from '../lib/cognito.mjs';

const [outDir, flag] = process.argv.slice(2);
if (!outDir || (flag !== undefined && flag !== '--standalone')) {
  console.error('usage: ajv-compile-cognito.mjs <out-dir> [--standalone]');
  process.exit(2);
}
const standalone = flag === '--standalone';

const docs = rewriteRefs(loadCognito());
const ajv = configureAjv(new Ajv2020(standalone ? { code: { source: true } } : {}), addFormats);
for (const d of docs) ajv.addSchema(d.schema);
for (const d of docs) if (typeof ajv.getSchema(d.schema.$id) !== 'function') throw new Error(`no validator for ${d.schema.$id}`);
if (standalone) {
  mkdirSync(outDir, { recursive: true });
  for (const ns of NAMESPACES) {
    const refs = Object.fromEntries(docs.filter((d) => d.namespace === ns).map((d) => [d.schema.title, d.schema.$id]));
    writeFileSync(join(outDir, `${ns}.cjs`), standaloneCode(ajv, refs));
  }
}
