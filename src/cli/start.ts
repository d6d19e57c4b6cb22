/**
 * What the CLI does before anything else loads (imported first by ./main.ts, so it runs before yargs and the
 * pipeline are even read): start the printer worker. ts-morph, with the TypeScript compiler it bundles, loads in
 * a worker thread while this thread reads, resolves and compiles the schemas (src/emit/ts-morph.ts). The library
 * API does not: it starts no threads.
 *
 * (A V8 code cache, v8-compile-cache, was measured here too: no gain once ts-morph left this thread, and it wrote
 * an 8 MB file per working folder into the temp folder. Not used.)
 */
import { startPrinterWorker } from "../emit/ts-morph.js";

// Named from here (not ts-morph.ts), so that the bundled CLI, which sits beside this file, finds it too.
startPrinterWorker(new URL("../emit/printer-worker.js", import.meta.url));
