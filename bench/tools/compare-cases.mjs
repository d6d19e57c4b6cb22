#!/usr/bin/env node
// Diagnostic, not part of `npm run bench`: per-entry cost of schemaforge's is<X> vs ajv standalone on a prepared
// set, to find WHERE schemaforge is slower. Each entry is timed alone (monomorphic, best of 5 short runs), both
// tools in this one process, so absolute figures differ from the throughput jobs; the ranking is what matters.
//
//   BENCH_KEEP=1 BENCH_ONLY=throughput npm run bench      # keeps bench/.out/prepared-*
//   node bench/tools/compare-cases.mjs bench/.out/prepared-XXXX/suite-draft2020-12.json [top=25]
//
// Prints the summed ns/validation of both tools, then the entries where schemaforge loses the most time.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [manifestPath, topArg] = process.argv.slice(2);
if (!manifestPath) throw new Error('usage: compare-cases.mjs <manifest.json> [top]');
const top = Number(topArg ?? 25);
const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
const ok = (e, k) => e[k] !== undefined && e[k].error === undefined;
const modules = new Map();
const load = async (p) => {
  if (!modules.has(p)) modules.set(p, await import(pathToFileURL(p).href));
  return modules.get(p);
};

const rows = [];
let sink = 0;
for (const e of m.entries.filter((x) => ok(x, 'sf') && ok(x, 'ajv'))) {
  const r = { name: e.label ?? `${e.file}#${e.index} ${e.description}` };
  for (const key of ['sf', 'ajv']) {
    const fn = (await load(e[key].module))[e[key].name];
    const run = () => {
      for (const t of e.tests) if (fn(t.data)) sink++;
    };
    for (let i = 0; i < 3000; i++) run();
    let best = Infinity;
    for (let rep = 0; rep < 5; rep++) {
      const t0 = performance.now();
      let k = 0;
      while (performance.now() - t0 < 4) {
        for (let i = 0; i < 50; i++) run();
        k += 50;
      }
      best = Math.min(best, ((performance.now() - t0) * 1e6) / (k * e.tests.length));
    }
    r[key] = best;
  }
  rows.push(r);
}
const sum = (k) => rows.reduce((a, r) => a + r[k], 0);
console.log(`${rows.length} entries; summed ns/validation: schemaforge ${sum('sf').toFixed(0)}, ajv standalone ${sum('ajv').toFixed(0)} (sink ${sink})`);
console.log('    sf ns   ajv ns  sf/ajv  entry');
rows.sort((a, b) => b.sf - b.ajv - (a.sf - a.ajv));
for (const r of rows.slice(0, top)) {
  console.log(`${r.sf.toFixed(0).padStart(9)} ${r.ajv.toFixed(0).padStart(8)} ${(r.sf / r.ajv).toFixed(2).padStart(7)}  ${r.name}`);
}
