// The benchmark jobs. Add a job by adding an entry; add a comparison by adding a group.
//
// Job fields:
//   id       unique slug (also the scratch sub-directory name)
//   name     row label
//   group    id of an entry in `groups`; ratios are computed within a group
//            (a group: { id, title, legend?, target?: { ratio, text } })
//   role     'ours'      — a schemaforge job, checked against the group's target
//            'peer'      — another tool; the fastest peer is the target's yardstick
//            'reference' — shown with ratios but never the yardstick (e.g. a slower way to run a peer)
//   cmd, args(ctx)       one process per iteration; args may be an array or a function of ctx
//   steps(ctx)           instead of cmd/args: several processes run one after another, times summed
//   setup(ctx)           optional, untimed, before every run (after ctx.outDir is emptied)
//   requires             optional [{ path, message }]: skip the job with `message` if path is missing
//   how                  the command line as shown in the report / README
//   note                 optional one-liner shown next to the command (how the peer is driven, caveats)
// ctx = { outDir, workDir }: a fresh empty output directory per run, and a per-job scratch dir.
import { basename, join } from 'node:path';
import {
  BENCH,
  COGNITO_JSON_SCHEMA_DIR,
  CORPUS,
  COGNITO_OPENAPI_FILES,
  OPENAPI_TS_CLI,
  SCHEMAFORGE_CLI,
} from './lib/paths.mjs';

const NODE = process.execPath; // the same node that runs the benchmark
const HAS_CORPUS = { path: CORPUS, message: `corpus missing: ${CORPUS}` };
const NOT_BUILT = [HAS_CORPUS, { path: SCHEMAFORGE_CLI, message: 'schemaforge not built (run npm run build)' }];

export const groups = [
  {
    id: 'types',
    title: 'Types only — aws-cognito (575 shapes: 110 + 465 components.schemas)',
    legend: `<corpus> = ${CORPUS}`, // explains the placeholders used in `how`
    target: { ratio: 0.75, text: 'schemaforge types-only ≤ 0.75× the faster peer' },
  },
];

export const jobs = [
  {
    id: 'sf-types-json-schema',
    name: 'schemaforge types (json-schema corpus)',
    group: 'types',
    role: 'ours',
    requires: NOT_BUILT,
    cmd: NODE,
    args: ({ outDir }) => [SCHEMAFORGE_CLI, 'generate', COGNITO_JSON_SCHEMA_DIR, '--out', outDir, '--emit', 'types'],
    how: 'node dist/src/cli/main.js generate <corpus>/json-schema --out <tmp> --emit types',
  },
  {
    id: 'sf-types-openapi',
    name: 'schemaforge types (openapi originals)',
    group: 'types',
    role: 'ours',
    requires: NOT_BUILT,
    cmd: NODE,
    args: ({ outDir }) => [SCHEMAFORGE_CLI, 'generate', ...COGNITO_OPENAPI_FILES, '--out', outDir, '--emit', 'types'],
    how: 'node dist/src/cli/main.js generate <corpus>/openapi/aws-cognito-identity-openapi.yaml <corpus>/openapi/aws-cognito-identity-provider-openapi.yaml --out <tmp> --emit types',
  },
  {
    // Both documents in one process through its Node API — see the driver for why.
    id: 'openapi-typescript',
    name: 'openapi-typescript',
    group: 'types',
    role: 'peer',
    requires: [HAS_CORPUS],
    cmd: NODE,
    args: ({ outDir }) => [join(BENCH, 'drivers/openapi-typescript.mjs'), outDir, ...COGNITO_OPENAPI_FILES],
    how: 'node bench/drivers/openapi-typescript.mjs <tmp> <corpus>/openapi/*.yaml',
    note: "Node API openapiTS(), both documents in 1 process; the 575 shapes are members of `components['schemas']`, hence few exports",
  },
  {
    // json2ts cannot follow the corpus' out-of-file `#/components/schemas/X` refs, and its CLI on
    // the OpenAPI documents emits one empty interface; the driver compiles `components.schemas`
    // as `{ definitions }` instead, which yields every shape — see the driver.
    id: 'json-schema-to-typescript',
    name: 'json-schema-to-typescript',
    group: 'types',
    role: 'peer',
    requires: [HAS_CORPUS],
    cmd: NODE,
    args: ({ outDir }) => [join(BENCH, 'drivers/json-schema-to-typescript.mjs'), outDir, ...COGNITO_OPENAPI_FILES],
    how: 'node bench/drivers/json-schema-to-typescript.mjs <tmp> <corpus>/openapi/*.yaml',
    note: 'compile() on `{ definitions: components.schemas }` (refs rewritten to #/definitions/), both documents in 1 process; exports = 575 shapes + 1 root wrapper per document',
  },
  {
    // The unmodified openapi-typescript CLI, one process per document, times summed. Slower than
    // the driver (two node start-ups), so it is shown for reference and is never the yardstick.
    id: 'openapi-typescript-cli',
    name: 'openapi-typescript CLI ×2 (summed)',
    group: 'types',
    role: 'reference',
    requires: [HAS_CORPUS],
    steps: ({ outDir }) =>
      COGNITO_OPENAPI_FILES.map((file) => ({
        cmd: NODE,
        args: [OPENAPI_TS_CLI, file, '-o', join(outDir, `${basename(file, '.yaml')}.ts`)],
      })),
    how: 'node node_modules/openapi-typescript/bin/cli.js <corpus>/openapi/<name>.yaml -o <tmp>/<name>.ts',
    note: 'the real CLI, 2 processes (one per document), times summed; reference only, never the yardstick',
  },
];

// Example of `setup` for a later job that needs a file in place before each run:
//   setup: ({ workDir }) => fs.writeFileSync(join(workDir, 'config.json'), '{}'),
