/**
 * The writer worker (see ./background.ts): writes each file the main thread sends into the staging folder, then
 * bumps the shared counter the main thread waits on. A failure is sent back with the file's number; the files
 * after it are still written (the run fails anyway, and the staging folder is removed as a whole).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { workerData, type MessagePort } from "node:worker_threads";
import type { WriteJob, WriteFailure } from "./background.js";

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
const made = new Set<string>();

/** Test hook, as in the main thread's writes: SCHEMAFORGE_TEST_PAUSE_WRITE_MS pauses after each file written. */
const pause = Number(process.env.SCHEMAFORGE_TEST_PAUSE_WRITE_MS ?? 0);

port.on("message", (job: WriteJob) => {
  try {
    const folder = dirname(job.target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(job.target, job.data);
    if (pause > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
  } catch (e) {
    const failure: WriteFailure = { id: job.id, message: (e as Error)?.message ?? String(e) };
    port.postMessage(failure);
  }
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
