/**
 * The built command line, spawned as a user runs it: exit codes (0 ok, 1 input errors or drift, 2 usage),
 * the diagnostic format, atomic writes, --check, and generated/ being current.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot, seedFile, describeShared, sharedDir } from "../helpers/shared.js";
import { cli, run, scratch } from "../helpers/cli.js";

const tempDir = scratch();

describe("schemaforge CLI", () => {
  it("is built (npm test builds it first)", () => {
    expect(existsSync(cli), `${cli} missing: run npm run build`).toBe(true);
  });

  it("prints help with examples and exits 0", () => {
    const top = run(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("generate");
    const gen = run(["generate", "--help"]);
    expect(gen.code).toBe(0);
    for (const flag of ["--out", "--emit", "--components", "--map", "--allow-unresolved", "--check", "--namespace-by"]) expect(gen.stdout).toContain(flag);
    expect(gen.stdout).toContain("Examples:");
  });

  it.each([
    ["no command", []],
    ["an unknown flag", ["generate", "schemas", "--nope"]],
    ["no inputs", ["generate"]],
    ["a bad --emit value", ["generate", "schemas", "--emit", "pictures"]],
  ])("exits 2 on a usage error: %s", (_name, args) => {
    // In a scratch folder: a usage error must not write anything (the default --out is ./generated).
    const cwd = tempDir();
    const r = run(args.map((a) => (a === "schemas" ? join(projectRoot, "schemas") : a)), cwd);
    expect(readdirSync(cwd)).toEqual([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/schemaforge: /);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
  });

  it("suggests the flag meant when one is mistyped, with exit code 2", () => {
    const cwd = tempDir();
    const r = run(["generate", join(projectRoot, "schemas"), "--allow-unresolvd"], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("did you mean --allow-unresolved?");
    expect(run(["generate", join(projectRoot, "schemas"), "--outt", "x"], cwd).stderr).toContain("did you mean --out?");
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("generates a package, prints a one-line summary and exits 0", () => {
    const out = join(tempDir(), "pkg");
    const r = run(["generate", "schemas", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^schemaforge: 27 documents, 27 types; wrote \d+ files to .*; 0 errors, 0 warnings \(\d+\.\d+ s\)$/m);
    expect(readdirSync(out).sort()).toEqual(["README.md", "cognito-idp.d.ts", "cognito-idp.js", "docs", "index.d.ts", "index.js", "package.json", "types", "validators"]);
    expect(readdirSync(join(out, "docs")).sort()).toEqual(["README.md", "cognito-idp"]);
    expect(readdirSync(join(out, "docs", "cognito-idp"))).toHaveLength(27);
    expect(readdirSync(join(out, "types")).sort()).toEqual(["cognito-idp.d.ts", "cognito-idp.js"]);
    expect(readdirSync(join(out, "validators")).sort()).toEqual(["cognito-idp.d.ts", "cognito-idp.js", "formats.js", "runtime.d.ts", "runtime.js"]);
  });

  it("--check passes on a current output, fails after a schema edit without touching the output, and passes after regenerating", () => {
    const dir = tempDir();
    cpSync(join(projectRoot, "schemas"), join(dir, "schemas"), { recursive: true });
    const out = join(dir, "out");
    expect(run(["generate", "schemas", "--out", out], dir).code).toBe(0);
    expect(run(["generate", "schemas", "--out", out, "--check"], dir).code).toBe(0);
    const file = join(dir, "schemas", "cognito-idp-session-type-schema.json");
    const schema = JSON.parse(readFileSync(file, "utf8")) as { maxLength: number };
    schema.maxLength = 4096;
    writeFileSync(file, JSON.stringify(schema, null, 2));
    const before = readFileSync(join(out, "types", "cognito-idp.d.ts"), "utf8");
    const checked = run(["generate", "schemas", "--out", out, "--check"], dir);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/error check-drift: .*changed (cjs\/)?cognito-idp\.d\.ts/);
    expect(readFileSync(join(out, "types", "cognito-idp.d.ts"), "utf8")).toBe(before);
    expect(run(["generate", "schemas", "--out", out], dir).code).toBe(0);
    expect(readFileSync(join(out, "types", "cognito-idp.d.ts"), "utf8")).toContain("@maxLength 4096");
    expect(run(["generate", "schemas", "--out", out, "--check"], dir).code).toBe(0);
  });

  it("exits 1 on input errors, prints file:line:col diagnostics, and leaves the previous output untouched", () => {
    const dir = tempDir({
      "bad/a.json": '{\n  "title": "A",\n  "type": "object",\n  "properties": { "b": { "$ref": "#/components/schemas/Missing" } }\n}\n',
    });
    const out = join(dir, "out");
    expect(run(["generate", join(projectRoot, "schemas"), "--out", out]).code).toBe(0);
    const before = readFileSync(join(out, "index.d.ts"), "utf8");
    const r = run(["generate", "bad", "--out", out], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad/a.json:4:26: error ref-unresolved: $ref "#/components/schemas/Missing"');
    expect(r.stderr).toContain("(at /properties/b/$ref)");
    expect(r.stderr).toContain("hint: ");
    expect(r.stderr).toMatch(/nothing written; 1 error/);
    expect(readFileSync(join(out, "index.d.ts"), "utf8")).toBe(before);
  });

  it("refuses to replace a folder it did not write, and leaves it as it was", () => {
    const dir = tempDir({ "mine/notes.txt": "keep me" });
    const r = run(["generate", join(projectRoot, "schemas"), "--out", join(dir, "mine")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error write-failed: .*schemaforge did not write/);
    expect(readdirSync(join(dir, "mine"))).toEqual(["notes.txt"]);
  });

  it("leaves no staging folders behind after a write", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "parent"));
    expect(run(["generate", join(projectRoot, "schemas"), "--out", join(dir, "parent", "out")]).code).toBe(0);
    expect(run(["generate", join(projectRoot, "schemas"), "--out", join(dir, "parent", "out")]).code).toBe(0);
    expect(readdirSync(join(dir, "parent"))).toEqual(["out"]);
  });

  it("keeps generated/ current (what CI checks): npm run check:generated's command exits 0", () => {
    // Both scripts run `generate` on the repository's schemaforge.config.json (schemas/ → generated/).
    const scripts = (JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    const args = scripts["check:generated"]!.replace(/^node dist\/src\/cli\/schemaforge\.mjs /, "").split(/\s+/);
    expect(args).toContain("--check");
    expect(scripts.generate!.replace(/^node dist\/src\/cli\/schemaforge\.mjs /, "") + " --check").toBe(args.join(" "));
    const r = run(args);
    expect(r.stderr).toContain("up to date");
    expect(r.code).toBe(0);
  });
});

describeShared(
  "schemaforge CLI on the seed",
  () => {
    it("warns where the seed is not JSON, and with --components exits 0", () => {
      const out = join(tempDir(), "seed-out");
      const r = run(["generate", seedFile, "--components", join(sharedDir, "corpora", "aws-cognito", "json-schema"), "--out", out]);
      expect(r.stderr).toMatch(/cognito-idp-admin-respond-to-auth-challenge-request-schema\.json:1:587: warning json-fallback-yaml: invalid JSON \(raw line break inside a string\)/);
      expect(r.code).toBe(0);
      expect(readFileSync(join(out, "types", "cognito-idp.d.ts"), "utf8")).toContain("export interface AdminRespondToAuthChallengeRequest");
    });
  },
  seedFile,
);

describe("schemaforge validate", () => {
  it("checks data files with the generated validators: file:line:col, instance path, schema location; exit 1 when invalid", () => {
    const dir = tempDir({
      "bad.json": '{\n  "UserPoolId": "x",\n  "ClientId": "c",\n  "ChallengeName": "NOPE"\n}\n',
      "good.yaml": "UserPoolId: us-east-1_abc\nClientId: c\nChallengeName: SMS_MFA\n",
    });
    const r = run(["validate", "bad.json", "good.yaml", "--schema", join(projectRoot, "schemas"), "--type", "AdminRespondToAuthChallengeRequest"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('bad.json:2:3: /UserPoolId must match pattern "[\\w-]+_[0-9a-zA-Z]+" [pattern at #/properties/UserPoolId/allOf/0/$ref/pattern]');
    expect(r.stdout).toContain("bad.json:4:3: /ChallengeName must be equal to one of the allowed values [enum at #/properties/ChallengeName/allOf/0/$ref/enum]");
    expect(r.stdout).toContain("good.yaml: valid AdminRespondToAuthChallengeRequest");
    expect(r.stderr).toContain("2 files checked against AdminRespondToAuthChallengeRequest; 1 invalid");
  });

  it("exits 0 when every file is valid", () => {
    const dir = tempDir({ "ok.json": '"SMS_MFA"' });
    const r = run(["validate", "ok.json", "--schema", join(projectRoot, "schemas"), "--type", "ChallengeNameType"], dir);
    expect(r.code).toBe(0);
  });

  it("suggests the type meant, with exit code 2", () => {
    const dir = tempDir({ "x.json": "{}" });
    const r = run(["validate", "x.json", "--schema", join(projectRoot, "schemas"), "--type", "AdminRespondToAuthChallengeReqest"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("did you mean AdminRespondToAuthChallengeRequest?");
  });
});
