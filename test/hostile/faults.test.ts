/**
 * Faults while writing: the CLI killed mid-write, a full disk, a read-only output folder, a schema edited during
 * the run. In each, the previous output must stay exactly as it was and still import, and the message must say
 * what happened.
 *
 * The kill and the edit use a test hook (SCHEMAFORGE_TEST_PAUSE_WRITE_MS: the write stage pauses after each file
 * it writes into its staging folder), so they do not depend on timing. The full disk and the read-only folder
 * are real: a small tmpfs, filled or remounted read-only — which needs `mount` (root, as on our machines and
 * CI); where it is not permitted those two are skipped, and their titles say why.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/shared.js";

const CLI = join(projectRoot, "dist", "src", "cli", "main.js");
let work: string;

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else out[`${rel}${e.name}`] = readFileSync(join(d, e.name), "utf8");
    }
  };
  walk(dir, "");
  return out;
}

/**
 * Where the files are written: in the main thread, or by the writer worker (which the CLI uses for runs of many
 * files; SCHEMAFORGE_TEST_WRITER_FROM lowers that number so these small runs use it too). Every fault is tried
 * both ways.
 */
let writerFrom = "";

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, "generate", ...args], { encoding: "utf8", env: { ...process.env, SCHEMAFORGE_TEST_WRITER_FROM: writerFrom, ...env } });
}

/** A fresh input folder with one schema; `edit` changes it (a different maxLength). */
function inputs(name: string): { dir: string; edit: () => void } {
  name = `${name}-${writerFrom}`;
  const dir = join(work, name, "schemas");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "thing-schema.json");
  const schema = (max: number) => JSON.stringify({ $schema: "https://json-schema.org/draft/2020-12/schema", title: "Thing", type: "object", properties: { name: { type: "string", maxLength: max }, tags: { type: "array", items: { type: "string" } } } });
  writeFileSync(file, schema(5));
  return { dir, edit: () => writeFileSync(file, schema(50)) };
}

async function stillUsable(out: string): Promise<void> {
  const mod = (await import(`${pathToFileURL(join(out, "index.js")).href}?t=${Math.random()}`)) as Record<string, (v: unknown) => boolean>;
  expect(mod.isThing!({ name: "abc" })).toBe(true);
  expect(mod.isThing!({ name: "abcdef" })).toBe(false); // the old maxLength (5), not the edited one
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "sf-faults-"));
});
afterAll(() => {
  for (const m of mounts) spawnSync("umount", [m]);
  rmSync(work, { recursive: true, force: true });
});

const mounts: string[] = [];
function tmpfs(name: string, size: string): string | undefined {
  const dir = join(work, `${name}-${writerFrom}`);
  mkdirSync(dir, { recursive: true });
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { encoding: "utf8" });
  if (r.status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}
const canMount = (() => {
  const probe = mkdtempSync(join(tmpdir(), "sf-mount-probe-"));
  const ok = spawnSync("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", probe]).status === 0;
  if (ok) spawnSync("umount", [probe]);
  rmSync(probe, { recursive: true, force: true });
  return ok;
})();

describe.each([
  ["files written in the main thread", "1000000"],
  ["files written by the writer worker", "1"],
])("faults while writing (%s)", (_mode, from) => {
  beforeAll(() => {
    writerFrom = from;
  });

  it("a run killed mid-write leaves the previous output intact and usable; the next run cleans up and succeeds", async () => {
    const { dir, edit } = inputs("kill");
    const out = join(work, `kill-${writerFrom}`, "out");
    expect(run([dir, "--out", out]).status).toBe(0);
    const before = snapshot(out);
    edit();
    const child = spawn(process.execPath, [CLI, "generate", dir, "--out", out], { env: { ...process.env, SCHEMAFORGE_TEST_WRITER_FROM: writerFrom, SCHEMAFORGE_TEST_PAUSE_WRITE_MS: "60000" }, stdio: "ignore" });
    // Wait until the staging folder holds a file, then kill the process where it stands.
    const parent = join(work, `kill-${writerFrom}`);
    const deadline = Date.now() + 60_000;
    let staging: string | undefined;
    while (!staging && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      staging = readdirSync(parent).find((e) => e.startsWith(".out.schemaforge-new-") && readdirSync(join(parent, e)).length > 0);
    }
    expect(staging, "the run never started writing").toBeDefined();
    child.kill("SIGKILL");
    await new Promise((r) => child.on("exit", r));
    expect(snapshot(out)).toEqual(before);
    await stillUsable(out);

    const again = run([dir, "--out", out]);
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(parent).filter((e) => e.includes(".schemaforge-")), "stale staging folders").toEqual([]);
    expect(Object.values(snapshot(out)).join("")).toContain("@maxLength 50");
  }, 120_000);

  it("a run killed between moving the old output aside and moving the new one in: the next run puts the old one back first", () => {
    const { dir } = inputs("between");
    const out = join(work, `between-${writerFrom}`, "out");
    expect(run([dir, "--out", out]).status).toBe(0);
    const before = snapshot(out);
    // What a kill at that instant leaves: no `out`, the old output under a retired name of a dead process.
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid!;
    cpSync(out, join(work, `between-${writerFrom}`, `.out.schemaforge-old-${dead}-zz`), { recursive: true });
    rmSync(out, { recursive: true });
    // Even a run that then fails (its input is missing) puts the previous output back.
    const r = run([join(work, `between-${writerFrom}`, "missing.json"), "--out", out]);
    expect(r.status).toBe(1);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(join(work, `between-${writerFrom}`)).filter((e) => e.includes(".schemaforge-"))).toEqual([]);
  });

  it("a schema edited while the run goes on: nothing replaced, and the error says an input changed", async () => {
    const { dir, edit } = inputs("edit");
    const out = join(work, `edit-${writerFrom}`, "out");
    expect(run([dir, "--out", out]).status).toBe(0);
    const before = snapshot(out);
    const child = spawn(process.execPath, [CLI, "generate", dir, "--out", out], { env: { ...process.env, SCHEMAFORGE_TEST_WRITER_FROM: writerFrom, SCHEMAFORGE_TEST_PAUSE_WRITE_MS: "300" } });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    const parent = join(work, `edit-${writerFrom}`);
    while (!readdirSync(parent).some((e) => e.startsWith(".out.schemaforge-new-"))) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 50));
    edit();
    const code = await new Promise((r) => child.on("exit", r));
    expect(code).toBe(1);
    expect(stderr).toContain("input-changed");
    expect(stderr).toContain("thing-schema.json");
    expect(snapshot(out)).toEqual(before);
    await stillUsable(out);
  }, 120_000);

  it.skipIf(!canMount)("a full disk (a real tmpfs, filled): ENOSPC named, previous output intact (skipped where `mount` is not permitted)", async () => {
    const disk = tmpfs("full", "2m")!;
    const { dir, edit } = inputs("full-in");
    const out = join(disk, "out");
    expect(run([dir, "--out", out]).status).toBe(0);
    const before = snapshot(out);
    spawnSync("dd", ["if=/dev/zero", `of=${join(disk, "filler")}`, "bs=64k"]);
    edit();
    const r = run([dir, "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("write-failed");
    expect(r.stderr).toContain("ENOSPC");
    expect(r.stderr).toContain("the previous output was left as it was");
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(disk).filter((e) => e.includes(".schemaforge-"))).toEqual([]);
    await stillUsable(out);
  });

  it.skipIf(!canMount)("a read-only output folder (a tmpfs remounted read-only): EROFS named, previous output intact (skipped where `mount` is not permitted)", async () => {
    const disk = tmpfs("ro", "2m")!;
    const { dir, edit } = inputs("ro-in");
    const out = join(disk, "out");
    expect(run([dir, "--out", out]).status).toBe(0);
    const before = snapshot(out);
    expect(spawnSync("mount", ["-o", "remount,ro", disk]).status).toBe(0);
    edit();
    const r = run([dir, "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("write-failed");
    expect(r.stderr).toMatch(/EROFS|read-only/);
    expect(snapshot(out)).toEqual(before);
    await stillUsable(out);
    expect(existsSync(join(disk, "out", "package.json"))).toBe(true);
  });
});

describe("the writer worker", () => {
  it("writes exactly the files the main thread writes (the repo's own schemas: types, validators, docs)", () => {
    const schemas = join(projectRoot, "schemas");
    const here = join(work, "writer-main");
    const worker = join(work, "writer-worker");
    expect(run([schemas, "--out", here], { SCHEMAFORGE_TEST_WRITER_FROM: "1000000" }).status).toBe(0);
    expect(run([schemas, "--out", worker], { SCHEMAFORGE_TEST_WRITER_FROM: "1" }).status).toBe(0);
    const a = snapshot(here);
    expect(Object.keys(a).filter((p) => p.startsWith("docs/")).length).toBeGreaterThan(20);
    expect(snapshot(worker)).toEqual(a);
  });
});
