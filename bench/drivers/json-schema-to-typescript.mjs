// Driver for the json-schema-to-typescript peer (run as a fresh `node` process per iteration).
//
// Why a driver and not its CLI: `json2ts -i <openapi.yaml>` treats the whole OpenAPI document as
// one schema; `components.schemas` is not reachable from the root and is not a `definitions`
// block, so the CLI emits a single empty `interface AwsCognito… { [k: string]: unknown }` — no
// shapes at all. It also cannot follow the `#/components/schemas/X` refs that point out of each
// file of the one-file-per-shape JSON Schema corpus. So, for each OpenAPI document, we feed its
// public `compile()` the `components.schemas` wrapped as `{ definitions: … }`, with refs rewritten
// from `#/components/schemas/` to `#/definitions/`, and `unreachableDefinitions: true` so every
// shape is emitted. All other options are json-schema-to-typescript's defaults (incl. prettier
// formatting, as its CLI does).
//
// usage: node bench/drivers/json-schema-to-typescript.mjs <out-dir> <openapi.yaml>...
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compile } from 'json-schema-to-typescript';
import { parse as parseYaml } from 'yaml'; // schemaforge's own YAML parser, so parsing cost is alike

const [outDir, ...inputs] = process.argv.slice(2);
if (!outDir || inputs.length === 0) {
  console.error('usage: json-schema-to-typescript.mjs <out-dir> <openapi.yaml>...');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

/** Deep copy of `node` with every `#/components/schemas/` ref pointed at `#/definitions/`. */
function rewriteRefs(node) {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === '$ref' && typeof value === 'string'
        ? value.replace(/^#\/components\/schemas\//, '#/definitions/')
        : rewriteRefs(value);
  }
  return out;
}

for (const input of inputs) {
  const doc = parseYaml(readFileSync(input, 'utf8'));
  const name = basename(input).replace(/\.(ya?ml|json)$/, '');
  const schema = { title: name, definitions: rewriteRefs(doc.components?.schemas ?? {}) };
  const ts = await compile(schema, name, { unreachableDefinitions: true, cwd: process.cwd() });
  writeFileSync(join(outDir, `${name}.ts`), ts);
}
