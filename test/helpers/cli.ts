/** Spawning the built command line as a user runs it, in scratch folders removed after the suite. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll } from "vitest";
import { projectRoot } from "./shared.js";
import { removeTemp, writeTemp } from "./tsc.js";

/** The bin, as installed: the bundled CLI (npm run build). */
export const cli = join(projectRoot, "dist", "src", "cli", "schemaforge.mjs");

export function run(args: string[], cwd = projectRoot, env: Record<string, string | undefined> = { NO_COLOR: "1" }) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Scratch folders for one test file: call at module level, then `tempDir(files)` in tests. */
export function scratch(prefix = "sf-cli-"): (files?: Record<string, string>) => string {
  const temps: string[] = [];
  afterAll(() => temps.forEach(removeTemp));
  return (files = {}) => {
    const dir = writeTemp(files, prefix);
    temps.push(dir);
    return dir;
  };
}
