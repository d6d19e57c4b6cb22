/**
 * What the CLI does before anything else loads (imported first by ./main.ts, so it runs before yargs and the
 * pipeline are even read):
 * - start the printer worker: ts-morph, with the TypeScript compiler it bundles, loads in a worker thread while
 *   this thread reads, resolves and compiles the schemas (src/emit/ts-morph.ts);
 * - cache V8's compiled code of the CommonJS dependencies this thread loads (off with
 *   DISABLE_V8_COMPILE_CACHE=1). The library API does neither: it starts no threads and writes no caches.
 */
import { createRequire } from "node:module";
import { startPrinterWorker } from "../emit/ts-morph.js";

startPrinterWorker();
createRequire(import.meta.url)("v8-compile-cache");
