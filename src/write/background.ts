/**
 * Writing files off the main thread. Creating a file costs 0.3–0.9 ms on the machines we measured (the file
 * system creates one folder's files one at a time); the docs alone are hundreds of files. The CLI lets a writer
 * worker (./writer-worker.ts) create them while the main thread goes on building pages and packages, and waits
 * for it only when the output is complete (`settle`), before the staging folder replaces the output.
 *
 * The worker is started on first use, only for runs that write many files (a small output is written sooner
 * in this thread than a thread starts). Without it (the library API, tests, or a worker that failed) files are
 * written in this thread, exactly as before.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";

export interface WriteJob {
  id: number;
  target: string;
  data: string;
}

export interface WriteFailure {
  id: number;
  message: string;
}

/** Files a run must have before the worker is worth starting (a test lowers it: SCHEMAFORGE_TEST_WRITER_FROM). */
const WORKER_FROM_FILES = Number(process.env.SCHEMAFORGE_TEST_WRITER_FROM || 48);

let script: URL | undefined;

/** Lets runs of this process write through a writer worker (the CLI calls it; the API does not). */
export function enableBackgroundWrites(workerScript: URL): void {
  if (existsSync(fileURLToPath(workerScript))) script = workerScript;
}

/** Writes files into a staging folder: in a worker when enabled and the run is large, else in this thread. */
export class FileWriter {
  private worker: { thread: Worker; port: MessagePort; signal: Int32Array } | undefined;
  private posted = 0;
  private done = 0;
  /** Jobs sent and not yet confirmed, kept to write them here should the worker fail. */
  private readonly unconfirmed = new Map<number, WriteJob>();
  private failure: Error | undefined;
  private readonly made = new Set<string>();
  private seen = 0;

  /** `stallMs`: how long a worker may confirm nothing before it is taken for dead (tests shorten it). */
  constructor(private readonly stallMs = 30_000) {}

  /** Writes (or has the worker write) `data` at `target`; failures are kept for `settle`. */
  write(target: string, data: string): void {
    this.seen++;
    if (!this.worker && script && this.seen >= WORKER_FROM_FILES) this.start(script);
    if (this.worker) {
      const job = { id: ++this.posted, target, data };
      this.unconfirmed.set(job.id, job);
      this.worker.port.postMessage(job);
      this.collect(false);
      return;
    }
    this.writeHere(target, data);
  }

  /** Waits until every file sent is written (or failed); returns the first failure. */
  settle(): Error | undefined {
    if (this.worker) this.collect(true);
    return this.failure;
  }

  /** Settles, then stops the worker (a process that generates again, as `--watch` does, starts a new one). */
  close(): Error | undefined {
    const failure = this.settle();
    if (this.worker) void this.worker.thread.terminate();
    this.worker = undefined;
    return failure;
  }

  private start(url: URL): void {
    try {
      const { port1, port2 } = new MessageChannel();
      const signal = new Int32Array(new SharedArrayBuffer(4));
      const thread = new Worker(url, { workerData: { port: port2, signal }, transferList: [port2] });
      thread.unref();
      port1.unref();
      this.worker = { thread, port: port1, signal };
    } catch {
      this.worker = undefined;
    }
  }

  /** Takes the worker's confirmations; with `wait`, until every job is confirmed. */
  private collect(wait: boolean): void {
    const w = this.worker!;
    let idleSince = Date.now();
    for (;;) {
      const counted = Atomics.load(w.signal, 0);
      for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
        const f = m.message as WriteFailure;
        this.failure ??= new Error(f.message);
      }
      if (counted > this.done) {
        for (let id = this.done + 1; id <= counted; id++) this.unconfirmed.delete(id);
        this.done = counted;
        idleSince = Date.now();
      }
      if (!wait || this.done >= this.posted) return;
      // A worker that confirms nothing for a long time is taken for dead: what it did not confirm is written here.
      if (Date.now() - idleSince > this.stallMs) {
        void w.thread.terminate();
        this.worker = undefined;
        for (const job of this.unconfirmed.values()) this.writeHere(job.target, job.data);
        this.unconfirmed.clear();
        return;
      }
      Atomics.wait(w.signal, 0, counted, 1_000);
    }
  }

  private writeHere(target: string, data: string): void {
    if (this.failure) return;
    try {
      const folder = dirname(target);
      // Once per folder: hundreds of docs pages share a few.
      if (!this.made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        this.made.add(folder);
      }
      writeFileSync(target, data);
      testPause();
    } catch (e) {
      this.failure = e as Error;
    }
  }
}

/** Test hook: SCHEMAFORGE_TEST_PAUSE_WRITE_MS pauses after each file written, so a test can kill a run mid-write. */
function testPause(): void {
  const ms = Number(process.env.SCHEMAFORGE_TEST_PAUSE_WRITE_MS ?? 0);
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
