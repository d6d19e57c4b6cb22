/**
 * What the CLI does before anything else loads (imported first by ./main.ts, so it runs before yargs and the
 * pipeline are even read): start the printer worker. ts-morph, with the TypeScript compiler it bundles, loads in
 * a worker thread while this thread reads, resolves and compiles the schemas (src/emit/ts-morph.ts). The library
 * API does not: it starts no threads.
 *
 * (A V8 code cache, v8-compile-cache, was measured here too: no gain once ts-morph left this thread, and it wrote
 * an 8 MB file per working folder into the temp folder. Not used.)
 */
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { startPrinterWorker } from "../emit/ts-morph.js";
import { enableBackgroundWrites } from "../write/background.js";

// Named from here (not ts-morph.ts), so that the bundled CLI, which sits beside this file, finds it too.
startPrinterWorker(new URL("../emit/printer-worker.js", import.meta.url));
// Large outputs (the docs' pages) are written by a writer worker, started when a run has that many files.
enableBackgroundWrites(new URL("../write/writer-worker.js", import.meta.url));

/**
 * How far V8 lets the heap grow past what a full collection left alive: up to 4× by default, when collections
 * are quick. On a large input (thousands of schemas, a model of hundreds of MB) that is what decides peak memory:
 * 10,000 synthetic schemas peaked at 1.1 GB with ~370 MB alive. Once the heap holds more than LARGE_HEAP the CLI
 * caps the growth at 30 % (V8's --heap-growing-percent, read at each collection): more collections, a peak near
 * what the run really holds. Small runs, where the extra collections would cost ~10 % of the time, are left alone.
 */
const LARGE_HEAP = 128 * 1024 * 1024;
let heapCapped = false;

export function capHeapGrowthIfLarge(): void {
  if (heapCapped || getHeapStatistics().used_heap_size < LARGE_HEAP) return;
  heapCapped = true;
  setFlagsFromString("--heap-growing-percent=30");
}
