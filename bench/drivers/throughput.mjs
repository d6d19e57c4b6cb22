#!/usr/bin/env node
// Validation throughput of ONE tool over a prepared set, in a process of its own (so JIT state never mixes).
//
//   node bench/drivers/throughput.mjs <schemaforge|ajv-standalone> <manifest.json>
//
// The manifest (bench/prepare/suite.mjs or bench/prepare/cognito.mjs) lists entries
// `{ tests: [{ data, valid }], sf: { module, name } | { error }, ajv: { module, name } | { error } }`.
// Measured: the entries BOTH tools compiled (so both run the very same schemas and instances, in the same
// order); when schemaforge is not built, ajv runs every entry it compiled. The functions are schemaforge's
// `is<X>` from the generated package and the exports of ajv's standalone module (both return a boolean;
// ajv's stops at the first error, as `is<X>` does).
//
// Method: one "pass" = every (validator, instance) pair once, through one call site. Untimed first pass
// (checks each answer against the expected `valid`), then warm-up passes for BENCH_TP_WARMUP_MS (default
// 1000 ms), then the number of passes per sample is calibrated so one sample takes ~BENCH_TP_SAMPLE_MS (100);
// BENCH_TP_SAMPLES (15) samples are timed with performance.now() around the whole batch (no per-call timer
// overhead). Reports the median sample as validations/s (`value`) and the best one (`best`: under load from
// other processes the best sample is the least disturbed). The count of answers that match the expected result
// is kept and printed, so the calls cannot be optimised away.
//
// Prints one line `BENCH_RESULT <json>` on stdout; the harness (bench/run.mjs) reads it.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [tool, manifestPath] = process.argv.slice(2);
const key = { schemaforge: 'sf', 'ajv-standalone': 'ajv' }[tool];
if (!key || !manifestPath) throw new Error('usage: throughput.mjs <schemaforge|ajv-standalone> <manifest.json>');
const WARMUP_MS = Number(process.env.BENCH_TP_WARMUP_MS ?? 1000);
const SAMPLE_MS = Number(process.env.BENCH_TP_SAMPLE_MS ?? 100);
const SAMPLES = Number(process.env.BENCH_TP_SAMPLES ?? 15);

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const ok = (e, k) => e[k] !== undefined && e[k].error === undefined;
if (key === 'sf' && !manifest.sfBuilt) throw new Error(manifest.sfError ?? 'schemaforge was not built when the set was prepared');
const entries = manifest.entries.filter((e) => ok(e, 'ajv') && (!manifest.sfBuilt || ok(e, 'sf')));

// Load the validators (each module once).
const modules = new Map();
const load = async (path) => {
  if (!modules.has(path)) modules.set(path, await import(pathToFileURL(path).href));
  return modules.get(path);
};
const fns = [];
const data = [];
const expected = [];
for (const e of entries) {
  const mod = await load(e[key].module);
  const fn = mod[e[key].name] ?? mod.default?.[e[key].name];
  if (typeof fn !== 'function') throw new Error(`${e[key].module} exports no function ${e[key].name}`);
  for (const t of e.tests) {
    fns.push(fn);
    data.push(t.data);
    expected.push(t.valid);
  }
}
const n = fns.length;

function pass() {
  let agree = 0;
  for (let i = 0; i < n; i++) if (fns[i](data[i]) === expected[i]) agree++;
  return agree;
}

// First pass: correctness against the expected results (untimed).
let disagree = 0;
const wrong = [];
for (let i = 0; i < n; i++) {
  if (fns[i](data[i]) !== expected[i]) {
    disagree++;
    if (wrong.length < 5) wrong.push(i);
  }
}

let sink = 0;
const t0 = performance.now();
let warmPasses = 0;
while (performance.now() - t0 < WARMUP_MS || warmPasses < 10) {
  sink += pass();
  warmPasses++;
}
const perPass = (performance.now() - t0) / warmPasses;
const passes = Math.max(1, Math.round(SAMPLE_MS / perPass));
const samples = [];
for (let s = 0; s < SAMPLES; s++) {
  const a = performance.now();
  for (let k = 0; k < passes; k++) sink += pass();
  const ms = performance.now() - a;
  samples.push((passes * n) / (ms / 1000));
}
samples.sort((a, b) => a - b);
const median = samples.length % 2 ? samples[samples.length >> 1] : (samples[samples.length / 2 - 1] + samples[samples.length / 2]) / 2;

const describe = (i) => {
  let k = i;
  for (const e of entries) {
    if (k < e.tests.length) return `${e.label ?? `${e.file}#${e.index}`} test ${k} (expected ${e.tests[k].valid})`;
    k -= e.tests.length;
  }
  return String(i);
};
const result = {
  tool,
  set: manifest.set,
  unit: 'validations/s',
  value: median,
  best: samples.at(-1),
  samples,
  passesPerSample: passes,
  validationsPerPass: n,
  cases: entries.length,
  casesTotal: manifest.entries.length,
  skipped: {
    schemaforge: manifest.sfBuilt ? manifest.entries.filter((e) => !ok(e, 'sf')).length : null,
    'ajv-standalone': manifest.entries.filter((e) => !ok(e, 'ajv')).length,
  },
  skippedDetail: Object.fromEntries(
    [['schemaforge', 'sf'], ['ajv-standalone', 'ajv']].map(([t, k]) => [
      t,
      manifest.entries.filter((e) => e[k]?.error !== undefined).map((e) => `${e.label ?? `${e.file}#${e.index}`}: ${e[k].error}`),
    ]),
  ),
  disagree,
  disagreeExamples: wrong.map(describe),
  sink,
};
console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
