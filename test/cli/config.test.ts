/**
 * The config file and what the CLI prints, as a user meets them: `init` then `generate` with no flags, config
 * lookup upward, flags over config, wrong keys and values located with a "did you mean" (exit 2), .mjs/.ts
 * configs, `--json` reports, colours only where wanted.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, run, scratch } from "../helpers/cli.js";
import { projectRoot } from "../helpers/shared.js";

const tempDir = scratch("sf-config-");

/** A scratch project holding a copy of schemas/ and nothing else (as a fresh clone without our config). */
function project(files: Record<string, string> = {}): string {
  const dir = tempDir(files);
  cpSync(join(projectRoot, "schemas"), join(dir, "schemas"), { recursive: true });
  return dir;
}

const config = (o: Record<string, unknown>) => JSON.stringify(o, null, 2) + "\n";

describe("init, then generate with no flags", () => {
  it("init writes a commented config; generate uses it; --check fails after a schema edit and passes after regenerating", () => {
    const dir = project();
    const init = run(["init"], dir);
    expect(init.code).toBe(0);
    const text = readFileSync(join(dir, "schemaforge.config.json"), "utf8");
    expect(text).toMatch(/^\/\/ /); // commented
    expect(text).toContain('"inputs": ["schemas"]');
    expect(text).toContain('// "namespaceBy": "prefix"'); // every option listed, the unset ones commented out

    const gen = run(["generate"], dir);
    expect(gen.stderr).toMatch(/27 documents, 27 types; wrote \d+ files to generated; 0 errors/);
    expect(gen.code).toBe(0);
    expect(readdirSync(join(dir, "generated"))).toContain("package.json");
    expect(run(["generate", "--check"], dir).code).toBe(0);

    const file = join(dir, "schemas", "cognito-idp-session-type-schema.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"maxLength": 2048', '"maxLength": 4096'));
    const drift = run(["generate", "--check"], dir);
    expect(drift.code).toBe(1);
    expect(drift.stderr).toMatch(/error check-drift: \S*generated is not what this run generates \(\d+ files?: changed/);
    expect(run(["generate"], dir).code).toBe(0);
    expect(run(["generate", "--check"], dir).code).toBe(0);
    expect(readFileSync(join(dir, "generated", "types", "cognito-idp.d.ts"), "utf8")).toContain("@maxLength 4096");
  });

  it("finds the config from a subfolder, with paths relative to the config file", () => {
    const dir = project({ "schemaforge.config.json": config({ inputs: ["schemas"], out: "pkg" }) });
    mkdirSync(join(dir, "src", "deep"), { recursive: true });
    expect(run(["generate"], join(dir, "src", "deep")).code).toBe(0);
    expect(existsSync(join(dir, "pkg", "index.d.ts"))).toBe(true);
    expect(existsSync(join(dir, "src", "deep", "pkg"))).toBe(false);
  });

  it("init leaves an existing config alone (exit 0), and --force replaces it", () => {
    const dir = project({ "schemaforge.config.json": config({ inputs: ["schemas"] }) });
    const again = run(["init"], dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("already exists");
    expect(readFileSync(join(dir, "schemaforge.config.json"), "utf8")).toBe(config({ inputs: ["schemas"] }));
    expect(run(["init", "--force", "--out", "lib", "--name", "@acme/x"], dir).code).toBe(0);
    expect(readFileSync(join(dir, "schemaforge.config.json"), "utf8")).toContain('"packageName": "@acme/x"');
  });

  it("validate reads the config too: its inputs are the schemas, its options apply, a flag wins", () => {
    const dir = tempDir({
      "schemaforge.config.json": config({ inputs: ["schemas"], formats: "annotate" }),
      "schemas/event-schema.json": JSON.stringify({ title: "Event", type: "object", properties: { at: { type: "string", format: "date-time" } }, required: ["at"] }),
      "data/event.json": JSON.stringify({ at: "next tuesday" }),
    });
    mkdirSync(join(dir, "src"), { recursive: true });
    // From a subfolder, no --schema: the config's schemas, with formats annotated (not checked).
    const annotated = run(["validate", "../data/event.json"], join(dir, "src"));
    expect(annotated.stdout, annotated.stderr).toContain("valid Event");
    expect(annotated.code).toBe(0);
    // The flag wins over the config.
    const asserted = run(["validate", "data/event.json", "--formats", "assert"], dir);
    expect(asserted.code).toBe(1);
    expect(asserted.stdout + asserted.stderr).toContain("/at");
    // Without a config or --schema there is nothing to validate against: a usage error.
    const bare = tempDir({ "data.json": "{}" });
    const none = run(["validate", "data.json"], bare);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no schemas");
  });

  it("a flag wins over the config; inputs on the command line replace the config's", () => {
    const dir = project({ "schemaforge.config.json": config({ inputs: ["nowhere"], out: "a", packageName: "@acme/from-config" }) });
    const r = run(["generate", "schemas", "--out", "b"], dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "a"))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, "b", "package.json"), "utf8")).name).toBe("@acme/from-config");
  });

  it("reads .mjs and .ts configs, and --config names one explicitly", () => {
    const dir = project({
      "schemaforge.config.mjs": 'export default { inputs: ["schemas"], out: "from-mjs", emit: ["types"] };\n',
      "conf/other.config.ts": 'const out: string = "../from-ts";\nexport default { inputs: ["../schemas"], out, packageName: "@acme/ts" };\n',
    });
    expect(run(["generate"], dir).code).toBe(0);
    expect(readdirSync(join(dir, "from-mjs"))).not.toContain("validators");
    expect(run(["generate", "--config", "conf/other.config.ts"], dir).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "from-ts", "package.json"), "utf8")).name).toBe("@acme/ts");
    expect(readdirSync(join(dir, "conf"))).toEqual(["other.config.ts"]); // the transpiled module is removed
    const missing = run(["generate", "--config", "nope.json"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--config nope.json: no such file");
  });
});

describe("templates in the config", () => {
  it("loads a template named by a path relative to the config file", () => {
    const dir = project({
      "schemaforge.config.json": config({ inputs: ["schemas"], templates: ["./tools/names.mjs"] }),
      "tools/names.mjs":
        'export default { name: "names", emit(context) { return { files: [{ path: "names.txt", contents: context.model.declarations.map((d) => d.name).sort().join("\\n") + "\\n" }], exports: [] }; } };\n',
    });
    mkdirSync(join(dir, "sub"));
    expect(run(["generate"], join(dir, "sub")).code).toBe(0);
    expect(readFileSync(join(dir, "generated", "names.txt"), "utf8")).toMatch(/^AdminInitiateAuthRequest\n/);
  });
});

describe("a wrong config key or value", () => {
  it("is an error at file:line:col with a did-you-mean, exit 2, and nothing is written", () => {
    const dir = project({
      "schemaforge.config.json": '{\n  // where\n  "inputs": ["schemas"],\n  "namespaceBi": "folder",\n  "formats": "asert",\n  "check": true\n}\n',
    });
    const r = run(["generate"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('schemaforge.config.json:4:3: error config-invalid: unknown config key "namespaceBi" (did you mean "namespaceBy"?)');
    expect(r.stderr).toContain('schemaforge.config.json:5:14: error config-invalid: "formats": "asert" is not allowed (one of "assert", "annotate"); did you mean "assert"?');
    expect(r.stderr).toContain('"check" is a command-line option only (--check)');
    expect(existsSync(join(dir, "generated"))).toBe(false);
  });

  it("a JSON syntax error in the config is located too", () => {
    const dir = project({ "schemaforge.config.json": '{\n  "inputs": ["schemas"]\n  "out": "x"\n}\n' });
    const r = run(["generate"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/schemaforge\.config\.json:3:3: error config-invalid: not valid JSON \(with comments\): CommaExpected/);
  });
});

describe("output for tools and terminals", () => {
  it("--json prints one JSON report on stdout: summary and diagnostics, with the exit code", () => {
    const dir = project({ "bad/a.json": '{\n  "type": "object",\n  "properties": { "b": { "$ref": "#/components/schemas/Missing" } }\n}\n' });
    const ok = run(["generate", "schemas", "--json"], dir);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe("");
    const report = JSON.parse(ok.stdout) as { command: string; exitCode: number; summary: Record<string, unknown>; diagnostics: unknown[] };
    expect(report).toMatchObject({ command: "generate", exitCode: 0, summary: { documents: 27, types: 27, written: true, errors: 0, warnings: 0 }, diagnostics: [] });

    const bad = run(["generate", "bad", "--json"], dir);
    expect(bad.code).toBe(1);
    const failed = JSON.parse(bad.stdout) as { exitCode: number; diagnostics: Record<string, unknown>[] };
    expect(failed.exitCode).toBe(1);
    expect(failed.diagnostics[0]).toMatchObject({ severity: "error", code: "ref-unresolved", pointer: "/properties/b/$ref", line: 3, column: 26 });

    const usage = run(["generate", "schemas", "--json", "--outt", "x"], dir);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout)).toMatchObject({ exitCode: 2, diagnostics: [{ code: "usage", message: expect.stringContaining("did you mean --out?") }] });
  });

  it("colours diagnostics only when asked (FORCE_COLOR) and never with NO_COLOR or into a pipe", () => {
    const dir = project({ "bad/a.json": '{ "$ref": "#/components/schemas/Missing" }' });
    expect(run(["generate", "bad"], dir, {}).stderr).not.toContain("\x1b[");
    expect(run(["generate", "bad"], dir, { NO_COLOR: "1" }).stderr).not.toContain("\x1b[");
    const coloured = run(["generate", "bad"], dir, { FORCE_COLOR: "1" }).stderr;
    expect(coloured).toContain("\x1b[31;1merror ref-unresolved\x1b[0m");
  });

  // A terminal is needed for the progress line: util-linux `script` gives the command one.
  const hasScript = spawnSync("script", ["--version"]).status === 0;
  it.skipIf(!hasScript)("on a terminal, a progress line (stage and counts) shows once a run is slow, cleared before the summary (skipped without `script`)", () => {
    // The threshold (a second) is lowered so that the small input counts as slow.
    const r = spawnSync("script", ["-qec", `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} generate schemas --out ${JSON.stringify(join(tempDir(), "out"))}`, "/dev/null"], {
      cwd: projectRoot,
      encoding: "utf8",
      env: { ...process.env, SCHEMAFORGE_PROGRESS_AFTER_MS: "0", NO_COLOR: "1", FORCE_COLOR: undefined },
    });
    expect(r.stdout).toMatch(/\r\x1b\[2Kschemaforge: templates… \(27 documents, 27 types\)/);
    expect(r.stdout).toMatch(/\r\x1b\[2Kschemaforge: 27 documents, 27 types; wrote/);
    // Into a pipe: no progress line, only the summary.
    const piped = run(["generate", "schemas", "--out", join(tempDir(), "out")], projectRoot, { SCHEMAFORGE_PROGRESS_AFTER_MS: "0" });
    expect(piped.stderr).not.toContain("\r");
    expect(piped.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("every command's --help has examples, and the exit codes are documented", () => {
    for (const command of ["generate", "validate", "init"]) {
      const r = run([command, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Examples:");
      expect(r.stdout.replace(/\s+/g, " ")).toMatch(/Exit codes: 0 .*; 1 .*; 2 usage error/);
    }
  });
});
