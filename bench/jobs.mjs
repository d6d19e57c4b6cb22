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
//   prepare              optional [id of an entry in `prepares`]: untimed preparation the job needs, run once
//                        per benchmark run before any job (its output folder is ctx.preparedDir)
//   how                  the command line as shown in the report / README
//   note                 optional one-liner shown next to the command (how the peer is driven, caveats)
// ctx = { outDir, workDir, preparedDir }: a fresh empty output directory per run, a per-job scratch dir, and
// the folder the preparations wrote to (bench/.out/prepared-*, removed at the end unless BENCH_KEEP=1).
//
// Group fields: id, title, legend?, notes?: string[] (printed under the table),
//   metric     'wall' (default: wall-clock seconds of the whole process, lower is better) or 'throughput' (the
//              process measures itself and prints `BENCH_RESULT {"value": <validations/s>, …}`; higher is better)
//   target     { ratio, text, against?: job id (default: the best peer), strict?: true for "<" instead of "≤" }
//              — for throughput, PASS means ratio ≥ target.ratio
//   minRuns    at least this many runs per job whatever BENCH_RUNS says (cheap, noisy jobs such as start-up)
//   harnessWarmup  false: no untimed warm-up process (throughput drivers warm up inside their own process)
//   inspect    'ts' (default: count .ts files and exports of the output dir), 'files' (files and bytes), 'none'
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  BENCH,
  COGNITO_JSON_SCHEMA_DIR,
  CORPUS,
  COGNITO_OPENAPI_FILES,
  OPENAPI_TS_CLI,
  SCHEMAFORGE_CLI,
} from './lib/paths.mjs';
import { SUITE_DIR, SUITE_DRAFTS } from './lib/suite.mjs';

const NODE = process.execPath; // the same node that runs the benchmark
const HAS_CORPUS = { path: CORPUS, message: `corpus missing: ${CORPUS}` };
const HAS_SUITE = { path: SUITE_DIR, message: `corpus missing: ${SUITE_DIR}` };
const NOT_BUILT = [HAS_CORPUS, { path: SCHEMAFORGE_CLI, message: 'schemaforge not built (run npm run build)' }];
const drv = (name) => join(BENCH, 'drivers', name);

// Untimed preparations (child processes), run once per benchmark run for the jobs that name them.
export const prepares = {
  suite: {
    name: 'JSON-Schema-Test-Suite draft2020-12 + draft7 REQUIRED: every case compiled by schemaforge (generate()) and ajv (standalone)',
    requires: [HAS_SUITE],
    steps: ({ preparedDir }) => SUITE_DRAFTS.map((d) => ({ cmd: NODE, args: [join(BENCH, 'prepare/suite.mjs'), preparedDir, d] })),
  },
  synthetic: {
    name: 'synthetic corpora of 1,000 and 10,000 one-shape-per-file schemas (bench/lib/synthetic.mjs, deterministic)',
    steps: ({ preparedDir }) => [{ cmd: NODE, args: [join(BENCH, 'prepare/synthetic.mjs'), preparedDir, '1000', '10000'] }],
  },
  cognito: {
    name: 'aws-cognito: schemaforge package, ajv standalone modules, schema bundles, instances',
    requires: [HAS_CORPUS],
    steps: ({ preparedDir }) => [{ cmd: NODE, args: [join(BENCH, 'prepare/cognito.mjs'), preparedDir] }],
  },
};

const THROUGHPUT_NOTES = [
  'validations/s of is<X> (schemaforge) and of the standalone module\'s export (ajv), each in its own process: ' +
    'one pass = every (validator, instance) pair once; 1 s of warm-up passes, then 15 samples of ~100 ms (BENCH_TP_* env); ' +
    'a process reports its median sample, the table the median/min/max over the runs',
];

export const groups = [
  {
    id: 'types',
    title: 'Types only — aws-cognito (575 shapes: 110 + 465 components.schemas)',
    legend: `<corpus> = ${CORPUS}`, // explains the placeholders used in `how`
    target: { ratio: 0.75, text: 'schemaforge types-only ≤ 0.75× the faster peer' },
  },
  ...SUITE_DRAFTS.map((d) => ({
    id: `throughput-${d}`,
    title: `Validation throughput — JSON-Schema-Test-Suite ${d} REQUIRED tests (every case's schema × its tests)`,
    legend: '<prepared> = bench/.out/prepared-*, written by bench/prepare/suite.mjs',
    metric: 'throughput',
    harnessWarmup: false,
    inspect: 'none',
    target: { ratio: 1.0, against: `ajv-standalone-throughput-${d}`, text: 'schemaforge ≥ 1.0× ajv standalone' },
    notes: THROUGHPUT_NOTES,
  })),
  {
    id: 'throughput-cognito',
    title: 'Validation throughput — aws-cognito (validators for all 575 shapes; instances of the 101 *Request shapes)',
    legend: '<prepared> = bench/.out/prepared-*, written by bench/prepare/cognito.mjs',
    metric: 'throughput',
    harnessWarmup: false,
    inspect: 'none',
    target: { ratio: 1.0, against: 'ajv-standalone-throughput-cognito', text: 'schemaforge ≥ 1.0× ajv standalone' },
    notes: [
      ...THROUGHPUT_NOTES,
      'instances: bench/lib/cognito-instances.mjs — per *Request shape 2 valid (minimal, full) and up to 7 invalid ' +
        '(missing-required, wrong-type, enum, pattern, too-long, range, deep); deterministic, labels checked against ajv',
    ],
  },
  {
    id: 'startup',
    title: 'Start-up — fresh process to first validation (aws-cognito, cognito-idp: 465 shapes; one AdminRespondToAuthChallengeRequest instance)',
    legend: '<prepared> = bench/.out/prepared-*/cognito, written by bench/prepare/cognito.mjs',
    minRuns: 15,
    inspect: 'none',
    target: { ratio: 1.0, against: 'ajv-standalone-startup', text: 'schemaforge ≤ ajv standalone' },
  },
  {
    id: 'scale',
    title: 'Scale — the whole package (the default: types + validators + docs) for 1,000 and 10,000 synthetic schemas',
    legend: '<prepared> = bench/.out/prepared-*, written by bench/prepare/synthetic.mjs',
    inspect: 'files',
    target: { ratio: 11, against: 'sf-synthetic-1000', text: '10,000 schemas ≤ 11× the time of 1,000' },
    rssTarget: { kb: 1024 * 1024, text: 'peak RSS at 10,000 schemas ≤ 1 GiB' },
    notes: [
      'one shape per file as in the Cognito corpus: 45 % strings, 10 % enums, 5 % integers, 10 % arrays of a shape, 30 % objects ' +
        'of 3–15 members written as allOf [{ $ref: "#/components/schemas/X" }, { description }] (1 in 12 across families); three ' +
        'families (namespaces); cycles through members. The 1,000 row is the yardstick of the 10,000 row (ratio = time ratio).',
    ],
  },
  {
    id: 'whole',
    title: 'Whole process — aws-cognito: schemaforge types + validators + docs (the default, full package) vs openapi-typescript types alone',
    legend: `<corpus> = ${CORPUS}`,
    inspect: 'files',
    target: { ratio: 1.0, against: 'openapi-typescript-whole', text: 'schemaforge full package ≤ 1.0× openapi-typescript types' },
  },
  {
    id: 'docs',
    title: 'What docs add to a full run — aws-cognito json-schema corpus (575 shapes): types + validators, with and without docs',
    legend: `<corpus> = ${CORPUS}`,
    inspect: 'files',
    target: { ratio: 1.25, against: 'schemaforge-full-without-docs', text: 'types + validators + docs ≤ 1.25× types + validators' },
    notes: ['the yardstick is schemaforge itself without docs (a "peer" row only so that ratios are computed against it)'],
  },
  {
    id: 'generation',
    title: 'Generation time of the validators — aws-cognito json-schema corpus (575 shapes)',
    legend: `<corpus> = ${CORPUS}`,
    inspect: 'files',
    target: { ratio: 1.0, strict: true, text: 'schemaforge faster than ajv (< 1.0× the faster ajv variant)' },
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
    how: 'node dist/src/cli/schemaforge.mjs generate <corpus>/json-schema --out <tmp> --emit types',
  },
  {
    id: 'sf-types-openapi',
    name: 'schemaforge types (openapi originals)',
    group: 'types',
    role: 'ours',
    requires: NOT_BUILT,
    cmd: NODE,
    args: ({ outDir }) => [SCHEMAFORGE_CLI, 'generate', ...COGNITO_OPENAPI_FILES, '--out', outDir, '--emit', 'types'],
    how: 'node dist/src/cli/schemaforge.mjs generate <corpus>/openapi/aws-cognito-identity-openapi.yaml <corpus>/openapi/aws-cognito-identity-provider-openapi.yaml --out <tmp> --emit types',
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

// --- Validation throughput: schemaforge is<X> vs ajv standalone, one process per tool and run -------------------

const THROUGHPUT_SETS = [
  ...SUITE_DRAFTS.map((d) => ({ set: d, manifest: `suite-${d}.json`, prepare: 'suite', requires: [HAS_SUITE] })),
  { set: 'cognito', manifest: 'cognito.json', prepare: 'cognito', requires: [HAS_CORPUS] },
];
for (const { set, manifest, prepare, requires } of THROUGHPUT_SETS) {
  jobs.push(
    {
      id: `schemaforge-throughput-${set}`,
      name: 'schemaforge is<X>',
      group: `throughput-${set}`,
      role: 'ours',
      requires: [...requires, ...NOT_BUILT],
      prepare: [prepare],
      cmd: NODE,
      args: ({ preparedDir }) => [drv('throughput.mjs'), 'schemaforge', join(preparedDir, manifest)],
      how: `node bench/drivers/throughput.mjs schemaforge <prepared>/${manifest}`,
    },
    {
      id: `ajv-standalone-throughput-${set}`,
      name: 'ajv standalone',
      group: `throughput-${set}`,
      role: 'peer',
      requires,
      prepare: [prepare],
      cmd: NODE,
      args: ({ preparedDir }) => [drv('throughput.mjs'), 'ajv-standalone', join(preparedDir, manifest)],
      how: `node bench/drivers/throughput.mjs ajv-standalone <prepared>/${manifest}`,
      note:
        set === 'cognito'
          ? 'ajv 8 standalone (CommonJS as emitted, imported): Ajv2020 { code: { source: true } } + ajv-formats + format "password" always valid; refs rewritten to sibling $id'
          : `ajv 8 standalone (CommonJS as emitted, imported): ${set === 'draft7' ? 'Ajv' : 'Ajv2020'} { code: { source: true }, strict: false, validateFormats: false }, remotes added with addSchema(doc, "http://localhost:1234/<path>")`,
    },
  );
}

// --- Start-up: fresh process → import/compile → validate one instance → exit -------------------------------------

const startup = (preparedDir) => JSON.parse(readFileSync(join(preparedDir, 'cognito-startup.json'), 'utf8'));
jobs.push(
  {
    id: 'schemaforge-startup',
    name: 'schemaforge (generated package)',
    group: 'startup',
    role: 'ours',
    requires: NOT_BUILT,
    prepare: ['cognito'],
    cmd: NODE,
    args: ({ preparedDir }) => {
      const s = startup(preparedDir);
      if (!s.sf) throw new Error(s.sfError ?? 'schemaforge package not prepared');
      return [drv('startup-import.mjs'), s.sf.module, s.sf.name, s.instance];
    },
    how: 'node bench/drivers/startup-import.mjs <prepared>/sf/cognito-idp.js isAdminRespondToAuthChallengeRequest <instance.json>',
    note: 'imports the generated package\'s cognito-idp entry (types + validators of 465 shapes), calls is<X> once',
  },
  {
    id: 'ajv-standalone-startup',
    name: 'ajv standalone',
    group: 'startup',
    role: 'peer',
    requires: [HAS_CORPUS],
    prepare: ['cognito'],
    cmd: NODE,
    args: ({ preparedDir }) => {
      const s = startup(preparedDir);
      return [drv('startup-import.mjs'), s.ajvStandalone.module, s.ajvStandalone.name, s.instance];
    },
    how: 'node bench/drivers/startup-import.mjs <prepared>/ajv/cognito-idp.cjs AdminRespondToAuthChallengeRequest <instance.json>',
    note: 'imports ajv\'s standalone module for the same 465 shapes (it require()s ajv/dist/runtime/* and ajv-formats), calls the export once',
  },
  {
    id: 'ajv-startup',
    name: 'ajv (compile at run time)',
    group: 'startup',
    role: 'peer',
    requires: [HAS_CORPUS],
    prepare: ['cognito'],
    cmd: NODE,
    args: ({ preparedDir }) => {
      const s = startup(preparedDir);
      return [drv('startup-ajv.mjs'), s.schemas, s.id, s.instance];
    },
    how: 'node bench/drivers/startup-ajv.mjs <prepared>/schemas/cognito-idp.json <$id> <instance.json>',
    note: 'Ajv2020 + ajv-formats; addSchema of the 465 schemas (one JSON array), getSchema compiles the one needed',
  },
  {
    id: 'hyperjump-startup',
    name: '@hyperjump/json-schema',
    group: 'startup',
    role: 'peer',
    requires: [HAS_CORPUS],
    prepare: ['cognito'],
    cmd: NODE,
    args: ({ preparedDir }) => {
      const s = startup(preparedDir);
      return [drv('startup-hyperjump.mjs'), s.schemas, s.id, s.instance];
    },
    how: 'node bench/drivers/startup-hyperjump.mjs <prepared>/schemas/cognito-idp.json <$id> <instance.json>',
    note: 'draft-2020-12 entry point + formats-lite, setShouldValidateFormat(true); registerSchema ×465, await validate(id, instance)',
  },
  {
    id: 'node-baseline-startup',
    name: 'node baseline (read the instance, no validation)',
    group: 'startup',
    role: 'reference',
    requires: [HAS_CORPUS],
    prepare: ['cognito'],
    cmd: NODE,
    args: ({ preparedDir }) => [drv('startup-baseline.mjs'), startup(preparedDir).instance],
    how: 'node bench/drivers/startup-baseline.mjs <instance.json>',
    note: 'the floor every row pays: node start-up, an ES module, reading and parsing the instance',
  },
);

// --- Generation time of the Cognito validators ---------------------------------------------------------------------

jobs.push(
  {
    id: 'schemaforge-generate-validators',
    name: 'schemaforge generate --emit validators',
    group: 'generation',
    role: 'ours',
    requires: NOT_BUILT,
    cmd: NODE,
    args: ({ outDir }) => [SCHEMAFORGE_CLI, 'generate', COGNITO_JSON_SCHEMA_DIR, '--out', outDir, '--emit', 'validators'],
    how: 'node dist/src/cli/schemaforge.mjs generate <corpus>/json-schema --out <tmp> --emit validators',
    note: 'the validators and the types they need, written as a package',
  },
  {
    id: 'ajv-compile',
    name: 'ajv compile (575 schemas)',
    group: 'generation',
    role: 'peer',
    requires: [HAS_CORPUS],
    cmd: NODE,
    args: ({ outDir }) => [drv('ajv-compile-cognito.mjs'), outDir],
    how: 'node bench/drivers/ajv-compile-cognito.mjs <tmp>',
    note: 'read the 575 files, rewrite #/components/schemas/X refs to the sibling\'s $id, Ajv2020 + ajv-formats, addSchema all, getSchema (compile) each; nothing written',
  },
  {
    id: 'ajv-compile-standalone',
    name: 'ajv compile + standalone code',
    group: 'generation',
    role: 'peer',
    requires: [HAS_CORPUS],
    cmd: NODE,
    args: ({ outDir }) => [drv('ajv-compile-cognito.mjs'), outDir, '--standalone'],
    how: 'node bench/drivers/ajv-compile-cognito.mjs <tmp> --standalone',
    note: 'the same with { code: { source: true } }, then standaloneCode() per namespace written to <tmp>/cognito-idp.cjs and cognito-identity.cjs',
  },
);

// --- Scale: 1,000 vs 10,000 synthetic schemas; the whole Cognito package vs openapi-typescript ---------------------

const SYNTHETIC = (n) => ({
  id: `sf-synthetic-${n}`,
  name: `schemaforge generate (${n.toLocaleString('en')} schemas)`,
  group: 'scale',
  role: n === 1000 ? 'peer' : 'ours',
  requires: [{ path: SCHEMAFORGE_CLI, message: 'schemaforge not built (run npm run build)' }],
  prepare: ['synthetic'],
  cmd: NODE,
  args: ({ outDir, preparedDir }) => [SCHEMAFORGE_CLI, 'generate', join(preparedDir, `synthetic-${n}`), '--out', outDir],
  how: `node dist/src/cli/schemaforge.mjs generate <prepared>/synthetic-${n} --out <tmp>`,
  note: n === 1000 ? 'the yardstick of the 10,000 row' : undefined,
});
jobs.push(
  SYNTHETIC(1000),
  SYNTHETIC(10000),
  {
    id: 'sf-whole-cognito',
    name: 'schemaforge generate (types + validators + docs)',
    group: 'whole',
    role: 'ours',
    requires: NOT_BUILT,
    cmd: NODE,
    args: ({ outDir }) => [SCHEMAFORGE_CLI, 'generate', COGNITO_JSON_SCHEMA_DIR, '--out', outDir],
    how: 'node dist/src/cli/schemaforge.mjs generate <corpus>/json-schema --out <tmp>',
    note: 'the default run: everything the package has (types, validators, docs)',
  },
  {
    id: 'openapi-typescript-whole',
    name: 'openapi-typescript (types only)',
    group: 'whole',
    role: 'peer',
    requires: [HAS_CORPUS],
    cmd: NODE,
    args: ({ outDir }) => [join(BENCH, 'drivers/openapi-typescript.mjs'), outDir, ...COGNITO_OPENAPI_FILES],
    how: 'node bench/drivers/openapi-typescript.mjs <tmp> <corpus>/openapi/*.yaml',
    note: 'the same driver as in the types group: both documents in 1 process',
  },
);

// --- What docs add: the same full run with and without --emit docs ------------------------------------------------

jobs.push(
  {
    id: 'schemaforge-full-with-docs',
    name: 'schemaforge generate --emit types,validators,docs',
    group: 'docs',
    role: 'ours',
    requires: NOT_BUILT,
    cmd: NODE,
    args: ({ outDir }) => [SCHEMAFORGE_CLI, 'generate', COGNITO_JSON_SCHEMA_DIR, '--out', outDir, '--emit', 'types,validators,docs'],
    how: 'node dist/src/cli/schemaforge.mjs generate <corpus>/json-schema --out <tmp> --emit types,validators,docs',
    note: 'the default run: 576 pages, every example checked by the compiled validators',
  },
  {
    id: 'schemaforge-full-without-docs',
    name: 'schemaforge generate --emit types,validators',
    group: 'docs',
    role: 'peer',
    requires: NOT_BUILT,
    cmd: NODE,
    args: ({ outDir }) => [SCHEMAFORGE_CLI, 'generate', COGNITO_JSON_SCHEMA_DIR, '--out', outDir, '--emit', 'types,validators'],
    how: 'node dist/src/cli/schemaforge.mjs generate <corpus>/json-schema --out <tmp> --emit types,validators',
    note: 'the yardstick: the same run without docs',
  },
);

// Example of `setup` for a later job that needs a file in place before each run:
//   setup: ({ workDir }) => fs.writeFileSync(join(workDir, 'config.json'), '{}'),
