/**
 * Our one door to ts-morph. Templates build `SourceFileStructure`s and call `printStructure` here; this module
 * makes that cheap to start:
 *
 * - ts-morph bundles the TypeScript compiler, and loading it costs ~0.15–0.25 s before any work. Nothing here
 *   loads it at import time: `StructureKind` is symbolic (names, not ts-morph's numbers), and writer functions
 *   write on a `Writer` that records what they write.
 * - The CLI starts a printer worker (`startPrinterWorker`, src/emit/printer-worker.ts) at its first line; the
 *   worker loads ts-morph while the main thread reads, resolves and compiles the schemas. `printStructure` then
 *   hands each file's structure to the worker and waits for the text (synchronously: templates stay plain
 *   functions). Without a worker (the library API, tests) ts-morph is loaded in this thread on first use.
 *
 * Either way the same `printStructure` of ts-morph prints the same structure — the bytes do not depend on where.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import TextWriter from "code-block-writer";
import { requireWithCodeCache } from "./code-cache.js";
import type * as TsMorph from "ts-morph";

export type {
  SourceFileStructure,
  StatementStructures,
  ImportDeclarationStructure,
  ExportDeclarationStructure,
  JSDocStructure,
} from "ts-morph";

/**
 * What our writer functions may call: the part of ts-morph's `CodeBlockWriter` the templates use. Kept narrow so
 * a writer function can be recorded (`record`) and replayed on the real writer later, in another thread.
 */
export interface CodeBlockWriter {
  write(text: string): CodeBlockWriter;
  newLine(): CodeBlockWriter;
  blankLineIfLastNot(): CodeBlockWriter;
  /** Writes one level of indentation. */
  indent(): CodeBlockWriter;
  inlineBlock(block: () => void): CodeBlockWriter;
}
export type WriterFunction = (writer: CodeBlockWriter) => void;

/**
 * Runs a writer function on the writer ts-morph's printers write to (code-block-writer, which does not need the
 * TypeScript compiler) and returns the text: for type text outside a structure, such as a docs table cell.
 */
export function writeText(f: WriterFunction, options: PrintOptions): string {
  const w = new TextWriter(options);
  f(w);
  return w.toString();
}

/** ts-morph's structure kinds by name; turned into ts-morph's numbers only where ts-morph is loaded. */
export const StructureKind = new Proxy({} as typeof TsMorph.StructureKind, {
  get: (_target, key) => key,
});

export interface PrintOptions {
  indentNumberOfSpaces: number;
  newLine: "\n" | "\r\n";
  useTabs: boolean;
}

/** Prints a structure (statements may be writer functions, at any depth) with ts-morph's `printStructure`. */
export function printStructure(structure: TsMorph.SourceFileStructure, options: PrintOptions): string {
  return printStructureLater(structure, options)();
}

/** A text being printed: call it for the text (waiting if need be); `pending()` says whether that would wait. */
export interface LaterText {
  (): string;
  pending(): boolean;
}

/**
 * The same, returning a function that gives the text: with the printer worker, the structure is sent now and
 * printed while this thread goes on; the function waits for it (if it is not there yet) on first call.
 */
export function printStructureLater(structure: TsMorph.SourceFileStructure, options: PrintOptions): LaterText {
  const job: PrintJob = { structure: portable(structure), options };
  if (worker) return worker.post(job);
  return ready(printJob(job, loadTsMorph()));
}

function ready(text: string): LaterText {
  return Object.assign(() => text, { pending: never });
}

// Not made inside `ready` or `post`: a closure there would share their scope and keep the text alive after it is
// written (V8 keeps one context per scope for all the closures made in it).
const never = (): boolean => false;

// --- Recording writer functions ---------------------------------------------------------------------------------

/** What a writer function wrote: text, `\n` (newLine), `b` (blankLineIfLastNot), `i` (indent), or a nested block. */
type Op = string | { op: "n" | "b" | "i" } | { block: Op[] };

const NEW_LINE = { op: "n" } as const;
const BLANK_LINE = { op: "b" } as const;
const INDENT = { op: "i" } as const;

class RecordingWriter implements CodeBlockWriter {
  ops: Op[] = [];
  write(text: string): this {
    this.ops.push(text);
    return this;
  }
  newLine(): this {
    this.ops.push(NEW_LINE);
    return this;
  }
  blankLineIfLastNot(): this {
    this.ops.push(BLANK_LINE);
    return this;
  }
  indent(): this {
    this.ops.push(INDENT);
    return this;
  }
  inlineBlock(block: () => void): this {
    const outer = this.ops;
    this.ops = [];
    block();
    outer.push({ block: this.ops });
    this.ops = outer;
    return this;
  }
}

function replay(w: TsMorph.CodeBlockWriter, ops: readonly Op[]): void {
  for (const op of ops) {
    if (typeof op === "string") w.write(op);
    else if ("block" in op) w.inlineBlock(() => replay(w, op.block));
    else if (op.op === "n") w.newLine();
    else if (op.op === "b") w.blankLineIfLastNot();
    else w.indent();
  }
}

/** A marker standing for a recorded writer function inside a structure. */
interface Recorded {
  recorded: Op[];
}

/** The structure with every writer function recorded: plain data, which can cross to a worker. */
function portable(value: unknown): unknown {
  if (typeof value === "function") {
    const w = new RecordingWriter();
    (value as WriterFunction)(w);
    return { recorded: w.ops } satisfies Recorded;
  }
  if (Array.isArray(value)) return value.map(portable);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = portable(v);
    return out;
  }
  return value;
}

// --- Printing (in this thread or in the worker) -----------------------------------------------------------------

export interface PrintJob {
  structure: unknown;
  options: PrintOptions;
}

/** Back from portable data: kinds by name → ts-morph's numbers, recorded writers → writer functions. */
function revive(value: unknown, tsMorph: typeof TsMorph): unknown {
  if (Array.isArray(value)) return value.map((v) => revive(v, tsMorph));
  if (value !== null && typeof value === "object") {
    if ("recorded" in value) {
      const ops = (value as Recorded).recorded;
      return (w: TsMorph.CodeBlockWriter) => replay(w, ops);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === "kind" && typeof v === "string") {
        const kind = tsMorph.StructureKind[v as keyof typeof TsMorph.StructureKind];
        if (kind === undefined) throw new Error(`unknown structure kind ${v}`);
        out[k] = kind;
      } else out[k] = revive(v, tsMorph);
    }
    return out;
  }
  return value;
}

export function printJob(job: PrintJob, tsMorph: typeof TsMorph): string {
  return tsMorph.printStructure(revive(job.structure, tsMorph) as TsMorph.SourceFileStructure, job.options);
}

let tsMorphModule: typeof TsMorph | undefined;

/**
 * ts-morph through `require`: importing a CommonJS package from ESM makes Node scan its source for named exports
 * (cjs-module-lexer), ~0.1 s on ts-morph's bundle for nothing. Its three files (ts-morph, @ts-morph/common and the
 * TypeScript compiler that bundles) are compiled with V8's code cache (./code-cache.ts).
 */
export function loadTsMorph(): typeof TsMorph {
  return (tsMorphModule ??= requireWithCodeCache(import.meta.url, "ts-morph", ["@ts-morph/common", "./typescript"]) as typeof TsMorph);
}

// --- The printer worker -------------------------------------------------------------------------------------------

/** Message from the worker: the printed text, or the error it hit. */
export type PrintReply = { text: string } | { error: string };

class PrinterWorker {
  private readonly port: MessagePort;
  /** [0]: the number of replies the worker has posted; the main thread waits on it. */
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly thread: Worker;
  private posted = 0;
  /** Replies taken from the port, by job number (replies come in the order jobs were posted). */
  private readonly replies = new Map<number, PrintReply>();
  /**
   * Jobs posted and not yet answered, kept to print them here should the worker fail; dropped as soon as the
   * reply is in (else every structure of the run would live until its file is written).
   */
  private readonly unanswered = new Map<number, PrintJob>();
  private received = 0;
  private broken = false;

  constructor(script: URL) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.thread = new Worker(script, {
      workerData: { port: port2, signal: this.signal },
      transferList: [port2],
    });
    // The worker never keeps the process alive: it is idle once the last file is printed.
    this.thread.unref();
    this.port.unref();
  }

  post(job: PrintJob): LaterText {
    if (this.broken) return ready(printJob(job, loadTsMorph()));
    this.port.postMessage(job);
    const id = ++this.posted;
    this.unanswered.set(id, job);
    this.drain();
    let text: string | undefined;
    return Object.assign(() => (text ??= this.take(id)), { pending: this.pendingCheck(id) });
  }

  /** Whether job `id`'s text would have to be waited for (not answered yet, and the worker still trusted). */
  private pendingCheck(id: number): () => boolean {
    return () => {
      this.drain();
      return this.received < id && !this.broken;
    };
  }

  /** Takes the replies that are in, without waiting. */
  private drain(): void {
    while (!this.broken && Atomics.load(this.signal, 0) > this.received) {
      const message = receiveMessageOnPort(this.port);
      if (!message) break;
      this.replies.set(++this.received, message.message as PrintReply);
      this.unanswered.delete(this.received);
    }
  }

  private take(id: number): string {
    // The worker answers within milliseconds once ts-morph is loaded; should it die, print in this thread after a
    // generous wait rather than hang.
    const deadline = Date.now() + 60_000;
    for (;;) {
      this.drain();
      if (this.received >= id || this.broken) break;
      if (Atomics.load(this.signal, 0) > this.received || Date.now() > deadline) {
        // A reply counted but missing, or none for too long: the numbering can no longer be trusted.
        this.broken = true;
        void this.thread.terminate();
      } else Atomics.wait(this.signal, 0, this.received, 1_000);
    }
    const reply = this.replies.get(id);
    this.replies.delete(id);
    const job = this.unanswered.get(id);
    this.unanswered.delete(id);
    if (!reply) return printJob(job!, loadTsMorph());
    if ("error" in reply) throw new Error(`printer worker: ${reply.error}`);
    return reply.text;
  }
}

let worker: PrinterWorker | undefined;

/**
 * Starts loading ts-morph in a worker thread, so that it is ready when the templates print. For processes that
 * generate once (the CLI); a process that never prints only paid for starting a thread.
 */
export function startPrinterWorker(script = new URL("./printer-worker.js", import.meta.url)): void {
  // Only where the worker's script exists (not when this module runs from TypeScript sources, as in tests).
  if (!worker && existsSync(fileURLToPath(script))) worker = new PrinterWorker(script);
}

/** Where `printStructure` prints: for tests and `--verbose`-style reports. */
export function printerThread(): "worker" | "main" {
  return worker ? "worker" : "main";
}
