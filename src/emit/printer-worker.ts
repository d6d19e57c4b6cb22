/**
 * The printer worker (see ./ts-morph.ts): loads ts-morph as soon as it starts, then prints each structure the main
 * thread sends and bumps the shared counter the main thread waits on.
 */
import { workerData, type MessagePort } from "node:worker_threads";
import { loadTsMorph, printJob, type PrintJob, type PrintReply } from "./ts-morph.js";

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

let tsMorph: ReturnType<typeof loadTsMorph> | undefined;
let failed: unknown;
try {
  tsMorph = loadTsMorph();
} catch (e) {
  failed = e; // reported with the first job: the main thread is waiting for a reply, not for events
}

port.on("message", (job: PrintJob) => {
  let reply: PrintReply;
  try {
    if (!tsMorph) throw failed;
    reply = { text: printJob(job, tsMorph) };
  } catch (e) {
    reply = { error: (e as Error)?.stack ?? String(e) };
  }
  port.postMessage(reply);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
