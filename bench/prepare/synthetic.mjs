#!/usr/bin/env node
// Untimed preparation for the scale jobs: the synthetic corpora of bench/lib/synthetic.mjs.
//
//   node bench/prepare/synthetic.mjs <outDir> <n>...
//
// Writes <outDir>/synthetic-<n>/ (n one-shape-per-file schemas) for each n.
import { join } from 'node:path';
import { writeSyntheticCorpus } from '../lib/synthetic.mjs';

const [outDir, ...sizes] = process.argv.slice(2);
if (!outDir || sizes.length === 0) throw new Error('usage: synthetic.mjs <outDir> <n>...');
for (const n of sizes.map(Number)) {
  const count = writeSyntheticCorpus(join(outDir, `synthetic-${n}`), n);
  process.stderr.write(`synthetic: ${count} schemas in ${join(outDir, `synthetic-${n}`)}\n`);
}
