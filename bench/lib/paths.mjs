// Absolute paths shared by the benchmark jobs (all resolved from the repo root, not the cwd).
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BENCH = join(ROOT, 'bench');
export const OUT = join(BENCH, '.out'); // gitignored: results.md, results.json

export const SCHEMAFORGE_CLI = join(ROOT, 'dist/src/cli/schemaforge.mjs');
export const OPENAPI_TS_CLI = join(ROOT, 'node_modules/openapi-typescript/bin/cli.js');

export const CORPUS = '/work/shared/corpora/aws-cognito';
export const COGNITO_JSON_SCHEMA_DIR = join(CORPUS, 'json-schema');
export const COGNITO_OPENAPI_FILES = [
  join(CORPUS, 'openapi/aws-cognito-identity-openapi.yaml'),
  join(CORPUS, 'openapi/aws-cognito-identity-provider-openapi.yaml'),
];
export const SCHEMAFORGE_API = join(ROOT, 'dist/src/index.js');
