// Driver for the openapi-typescript peer: both OpenAPI documents in ONE `node` process.
//
// Why a driver: its CLI (bin/cli.js) takes one input file per process; several inputs need a
// redocly.yaml `apis:` config, and that path loads Redocly's lint config and reports hundreds of
// example-validation warnings, making it ~1.8× slower than this driver — not how the
// tool is normally timed. So this does what `cli.js <file> -o <out>` does for a single file
// (openapiTS() → COMMENT_HEADER + astToString() → write), once per input, default options.
// Only difference: openapiTS() builds its own default Redocly config ("minimal" ruleset plus
// operation-operationId-unique) instead of the CLI's createConfig({}, { extends: ['minimal'] }).
// The job `openapi-typescript CLI ×2` in bench/jobs.mjs times the real CLI (two processes, summed).
//
// usage: node bench/drivers/openapi-typescript.mjs <out-dir> <openapi.yaml>...
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

const [outDir, ...inputs] = process.argv.slice(2);
if (!outDir || inputs.length === 0) {
  console.error('usage: openapi-typescript.mjs <out-dir> <openapi.yaml>...');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

for (const input of inputs) {
  const ast = await openapiTS(pathToFileURL(resolve(input)));
  const name = basename(input).replace(/\.(ya?ml|json)$/, '');
  writeFileSync(join(outDir, `${name}.ts`), `${COMMENT_HEADER}${astToString(ast)}`);
}
