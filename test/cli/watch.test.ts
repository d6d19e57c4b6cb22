/**
 * `generate --watch` on files a test edits: a schema edit regenerates; a broken save is reported and the last
 * good output stays; the fix regenerates; a document read only through a `$ref` is watched too; the config file
 * is read again on a change (a broken one is reported and skipped); Ctrl-C exits 0.
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, scratch } from "../helpers/cli.js";

const tempDir = scratch("sf-watch-");

/** `schemaforge generate … --watch` in `dir`, with a way to wait for what it logs. */
function watching(dir: string, args: string[]) {
  const child = spawn(process.execPath, [cli, "generate", ...args, "--watch"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
  const state = { log: "" };
  child.stderr.on("data", (chunk: Buffer) => (state.log += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  /** Waits until `pattern` has been logged `times` times (the watcher's own pace; no fixed sleeps). */
  const until = async (pattern: RegExp, times = 1) => {
    const deadline = Date.now() + 30_000;
    while ((state.log.match(new RegExp(pattern, "g")) ?? []).length < times) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} (${times}×) in:\n${state.log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, state, exited, until };
}

describe("generate --watch", () => {
  it("regenerates on changes, keeps the last good output through a broken save, and stops on SIGINT", async () => {
    const dir = tempDir({
      "in/a.json": JSON.stringify({ title: "A", type: "object", properties: { b: { $ref: "b.json" } } }),
      "in/b.json": JSON.stringify({ title: "B", type: "string", maxLength: 5 }),
    });
    const { child, state, exited, until } = watching(dir, ["in/a.json", "--out", "out"]);
    const types = () => readFileSync(join(dir, "out", "types", "in.d.ts"), "utf8");
    try {
      await until(/watching \d+ paths/);
      expect(types()).toContain("@maxLength 5");

      // b.json is not an input: it is watched because a.json's $ref read it.
      writeFileSync(join(dir, "in", "b.json"), JSON.stringify({ title: "B", type: "string", maxLength: 7 }));
      await until(/wrote \d+ files to out/, 2);
      expect(state.log).toContain("in/b.json changed; regenerating");
      expect(types()).toContain("@maxLength 7");

      // A broken intermediate save: reported, nothing written, the last good output stays.
      writeFileSync(join(dir, "in", "b.json"), '{ "title": "B", "type": ');
      await until(/nothing written; \d+ errors?/);
      expect(state.log).toMatch(/in\/b\.json:1:\d+: error parse-failed/);
      expect(types()).toContain("@maxLength 7");

      // The next save fixes it.
      writeFileSync(join(dir, "in", "b.json"), JSON.stringify({ title: "B", type: "string", maxLength: 9 }));
      await until(/wrote \d+ files to out/, 3);
      expect(types()).toContain("@maxLength 9");
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
  });

  it("reads the config again on a change: an edit applies, a broken config is reported and skipped", async () => {
    const config = (name: string) => JSON.stringify({ inputs: ["in"], out: "out", packageName: name });
    const dir = tempDir({ "schemaforge.config.json": config("@acme/one"), "in/a.json": JSON.stringify({ title: "A", type: "string" }) });
    const { child, exited, until } = watching(dir, []);
    const name = () => (JSON.parse(readFileSync(join(dir, "out", "package.json"), "utf8")) as { name: string }).name;
    try {
      await until(/watching \d+ paths/);
      expect(name()).toBe("@acme/one");
      writeFileSync(join(dir, "schemaforge.config.json"), config("@acme/two"));
      await until(/wrote \d+ files to out/, 2);
      expect(name()).toBe("@acme/two");
      writeFileSync(join(dir, "schemaforge.config.json"), '{ "inputs": ["in"], "packageNme": "@acme/three" }');
      await until(/the config has errors; nothing regenerated/);
      await until(/did you mean "packageName"/);
      expect(name()).toBe("@acme/two");
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
  });
});
