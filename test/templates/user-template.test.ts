/**
 * Templates as plug-ins: the example user template (examples/zod-template/zod.mjs, zod schemas from the model)
 * runs through `--template`, its modules join the package (exports, root index, CommonJS build), its schemas
 * accept and reject what the generated validators do, and its declarations type-check. A template module that
 * cannot load, exports no template or throws is a `template-failed` error (exit 1), and nothing is written.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline.js";
import { run, scratch } from "../helpers/cli.js";
import { projectRoot } from "../helpers/shared.js";
import { typeCheckDir } from "../helpers/tsc.js";

const tempDir = scratch("sf-template-");
const example = join(projectRoot, "examples", "zod-template", "zod.mjs");
let dir = "";
let pkg: Record<string, (v: unknown) => unknown> & Record<string, { safeParse(v: unknown): { success: boolean } }>;

beforeAll(async () => {
  dir = tempDir();
  const result = await generate({ inputs: [join(projectRoot, "schemas")], out: join(dir, "pkg"), templates: [example], commonjs: true });
  expect(result.diagnostics).toEqual([]);
  // The generated package imports zod, as a consumer's would: resolve it from this repository's node_modules.
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(join(projectRoot, "node_modules", "zod"), join(dir, "node_modules", "zod"), "dir");
  pkg = (await import(pathToFileURL(join(dir, "pkg", "index.js")).href)) as typeof pkg;
});

describe("the example zod template", () => {
  it("adds zod/<namespace> modules, re-exported from the namespace module, the root and the CommonJS build (--commonjs)", () => {
    expect(readFileSync(join(dir, "pkg", "cognito-idp.js"), "utf8")).toContain('export * from "./zod/cognito-idp.js";');
    expect(typeof pkg.AdminRespondToAuthChallengeRequestSchema?.safeParse).toBe("function");
    expect(existsSync(join(dir, "pkg", "cjs", "zod", "cognito-idp.js"))).toBe(true);
  });

  it.each([
    ["a valid request", { UserPoolId: "us-east-1_abc123", ClientId: "client1", ChallengeName: "SMS_MFA" }, true],
    ["a bad pool id", { UserPoolId: "nope", ClientId: "client1", ChallengeName: "SMS_MFA" }, false],
    ["an unknown challenge", { UserPoolId: "us-east-1_abc123", ClientId: "client1", ChallengeName: "NOPE" }, false],
    ["a missing required member", { ClientId: "client1", ChallengeName: "SMS_MFA" }, false],
    ["a session too short", { UserPoolId: "us-east-1_abc123", ClientId: "client1", ChallengeName: "SMS_MFA", Session: "short" }, false],
    ["not an object", "request", false],
  ])("agrees with the generated validator on %s", (_name, value, valid) => {
    expect(pkg.isAdminRespondToAuthChallengeRequest!(value)).toBe(valid);
    expect(pkg.AdminRespondToAuthChallengeRequestSchema!.safeParse(value).success).toBe(valid);
  });

  it("declares each schema as a ZodType of the generated type (type-checks under --strict)", () => {
    const consumer = join(dir, "consumer.ts");
    const text = `import { AdminRespondToAuthChallengeRequestSchema, type AdminRespondToAuthChallengeRequest } from "./pkg/index.js";
export const parsed: AdminRespondToAuthChallengeRequest = AdminRespondToAuthChallengeRequestSchema.parse(JSON.parse("{}"));
`;
    writeFileSync(consumer, text);
    expect(typeCheckDir(dir, [consumer], { moduleResolution: "bundler", lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] })).toEqual([]);
  });
});

describe("a template that fails", () => {
  it.each([
    ["cannot be loaded", "./missing.mjs", /template-failed: cannot load template module \.\/missing\.mjs/],
    ["exports no template", "./none.mjs", /template-failed: \.\/none\.mjs exports no template/],
    ["throws", "./throws.mjs", /template-failed: template boom failed: no luck/],
  ])("%s: template-failed, exit 1, nothing written", (_name, module, message) => {
    const cwd = tempDir({
      "none.mjs": "export const x = 1;\n",
      "throws.mjs": 'export default { name: "boom", emit() { throw new Error("no luck"); } };\n',
    });
    const r = run(["generate", join(projectRoot, "schemas"), "--template", module, "--out", "out"], cwd);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(1);
    expect(existsSync(join(cwd, "out"))).toBe(false);
  });
});
