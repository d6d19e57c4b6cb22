/**
 * `generate --watch`: one run, then a run after every change to an input, a components folder, the config file or
 * any document a `$ref` read (chokidar), debounced. A run that fails — a broken intermediate save — reports and
 * writes nothing, so the last good output stays; the next save that fixes it regenerates.
 */
import { existsSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { watch, type FSWatcher } from "chokidar";

export interface WatchRun {
  /** Local files the run read (`GenerateResult.sources`). */
  sources: string[];
}

export interface WatchOptions {
  /** Inputs and components as given (files, folders or globs), relative to `cwd`. */
  paths: string[];
  cwd: string;
  /** The config file, when there is one. */
  config?: string;
  /** The output folder: never watched (it changes because of us). */
  out: string;
  debounceMs?: number;
  log: (line: string) => void;
}

/** Watches until the returned `close` is called (the CLI calls it on SIGINT/SIGTERM). */
export async function watchAndRun(run: () => Promise<WatchRun>, options: WatchOptions): Promise<{ close(): Promise<void>; settled(): Promise<void> }> {
  const out = resolve(options.cwd, options.out);
  const fixed = options.paths.map((p) => staticBase(resolve(options.cwd, p)));
  if (options.config) fixed.push(options.config);
  const first = await run();
  const watched = new Set([...fixed, ...first.sources]);
  const watcher: FSWatcher = watch([...watched], {
    ignoreInitial: true,
    ignored: (path: string) => path === out || path.startsWith(out + "/") || /[\\/]node_modules[\\/]|[\\/]\.git[\\/]|\.schemaforge-(new|old)-|\.schemaforge\.config\.ts\.\d+\.mjs$/.test(path),
    awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 },
  });
  // Changes are seen from here on: "watching" is printed only once the watches are in place.
  await new Promise<void>((ready) => watcher.once("ready", () => ready()));
  options.log(`schemaforge: watching ${watched.size} path${watched.size === 1 ? "" : "s"} for changes (Ctrl-C to stop)`);

  let running: Promise<void> = Promise.resolve();
  let pending: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const again = async () => {
    const r = await run();
    // Documents a $ref reaches for the first time join the watch.
    const fresh = r.sources.filter((p) => !watched.has(p));
    for (const p of fresh) watched.add(p);
    if (fresh.length > 0) watcher.add(fresh);
  };
  watcher.on("all", (_event, path) => {
    pending ??= path;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = pending!;
      pending = undefined;
      running = running.then(async () => {
        options.log(`schemaforge: ${relative(options.cwd, changed) || changed} changed; regenerating`);
        await again();
      });
    }, options.debounceMs ?? 100);
  });
  return {
    async close() {
      if (timer) clearTimeout(timer);
      await running;
      await watcher.close();
    },
    settled: () => running,
  };
}

/** The existing folder a glob starts from (the path itself when it exists). */
function staticBase(path: string): string {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}
