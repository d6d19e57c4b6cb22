/**
 * The generated package as its users get it: built from schemas/, packed with `npm pack`, installed from the
 * tarball into fresh projects (offline: the package has no dependencies), then compiled by TypeScript under
 * moduleResolution bundler, node16 and nodenext, run from Node ESM (`import`) and CommonJS (`require`), and
 * bundled with esbuild, where importing one validator must give a smaller bundle than importing them all.
 *
 * Twice: the default package (ES modules only: Node 20.19+ and TypeScript's nodenext `require` them as they
 * are) and the one `--commonjs` adds a CommonJS build to (for CommonJS projects under TypeScript's node16).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline.js";
import { scratch } from "../helpers/cli.js";
import { projectRoot } from "../helpers/shared.js";
import { typeCheckDir } from "../helpers/tsc.js";

const tempDir = scratch("sf-consumer-");
const NAME = "@schemaforge/cognito-auth";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
/** Consumer project folder per package variant. */
const consumers: Record<"esm" | "commonjs", string> = { esm: "", commonjs: "" };

/** A consumer's code, run from ESM and from CommonJS: the same observable results both ways. */
const body = (pkg: string, ns: string) => `
const bad = { UserPoolId: "nope", ClientId: "c", ChallengeName: "NOPE" };
const r = ${pkg}.validateAdminRespondToAuthChallengeRequest(bad);
let thrown = "";
try { ${ns}.assertUserPoolIdType("nope"); } catch (e) { thrown = e.name + ":" + e.errors.length; }
console.log(JSON.stringify({
  valid: r.valid,
  errors: r.errors.map((e) => e.instancePath + " " + e.keyword),
  ok: ${pkg}.isUserPoolIdType("us-east-1_abc123"),
  enumValue: ${pkg}.ChallengeNameType.SMS_MFA,
  thrown,
}));
`;
const expected = {
  valid: false,
  errors: ["/UserPoolId pattern", "/ChallengeName enum"],
  ok: true,
  enumValue: "SMS_MFA",
  thrown: "ValidationFailure:1",
};

async function installConsumer(commonjs: boolean): Promise<string> {
  const pkgDir = join(tempDir(), "pkg");
  const result = await generate({ inputs: [join(projectRoot, "schemas")], out: pkgDir, packageName: NAME, packageVersion: "1.2.3", commonjs });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const packs = tempDir();
  execFileSync(npm, ["pack", "--pack-destination", packs, "--silent"], { cwd: pkgDir, encoding: "utf8" });
  const tarball = join(packs, readdirSync(packs).find((f) => f.endsWith(".tgz"))!);
  const consumer = tempDir({
    "package.json": JSON.stringify({ name: "consumer", version: "1.0.0", private: true }),
    "esm.mjs": `import * as pkg from "${NAME}";\nimport * as ns from "${NAME}/cognito-idp";\n${body("pkg", "ns")}`,
    "cjs.cjs": `const pkg = require("${NAME}");\nconst ns = require("${NAME}/cognito-idp");\n${body("pkg", "ns")}`,
    // Type-checked consumers: ESM (.mts / .ts under bundler) and CommonJS (.cts: `import` compiles to `require`).
    "types.mts": typed(),
    "types.cts": typed(),
    "types.ts": typed(),
    "one.mjs": `import { isUserPoolIdType } from "${NAME}";\nconsole.log(isUserPoolIdType("us-east-1_abc123"));\n`,
    "all.mjs": `import * as all from "${NAME}";\nconsole.log(Object.entries(all).filter(([k, f]) => k.startsWith("is") && f("us-east-1_abc123")).length > 0);\n`,
  });
  // Offline: the tarball has no dependencies, so no registry is needed (a request to one would fail the test).
  execFileSync(npm, ["install", tarball, "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--silent"], { cwd: consumer, encoding: "utf8" });
  return consumer;
}

beforeAll(async () => {
  consumers.esm = await installConsumer(false);
  consumers.commonjs = await installConsumer(true);
}, 240_000);

function typed(): string {
  return `import { validateAdminRespondToAuthChallengeRequest, assertUserPoolIdType, ChallengeNameType, ValidationFailure, type AdminRespondToAuthChallengeRequest, type ValidationError } from "${NAME}";
import { isUserPoolIdType, type UserPoolIdType } from "${NAME}/cognito-idp";
const input: unknown = JSON.parse("{}");
const r = validateAdminRespondToAuthChallengeRequest(input);
export const request: AdminRespondToAuthChallengeRequest | undefined = r.valid ? r.value : undefined;
export const errors: readonly ValidationError[] = r.valid ? [] : r.errors;
export const pool: UserPoolIdType | undefined = isUserPoolIdType(input) ? input : undefined;
export function check(v: unknown): UserPoolIdType {
  assertUserPoolIdType(v);
  return v;
}
export const mfa: "SMS_MFA" = ChallengeNameType.SMS_MFA;
export const failure: typeof ValidationFailure = ValidationFailure;
// @ts-expect-error: a wrong enum member is a type error
export const wrong: ChallengeNameType = "NOPE";
`;
}

describe("the generated package in a consumer project", () => {
  const consumer = (variant: keyof typeof consumers = "esm") => consumers[variant];

  it("installs from the npm pack tarball with no dependencies and no build step", () => {
    const installed = JSON.parse(readFileSync(join(consumer(), "node_modules", ...NAME.split("/"), "package.json"), "utf8")) as Record<string, unknown>;
    expect(installed).toMatchObject({ name: NAME, version: "1.2.3", type: "module", sideEffects: false });
    expect(installed.dependencies).toBeUndefined();
    expect(Object.keys(installed.exports as object)).toEqual([".", "./cognito-idp", "./package.json"]);
  });

  it.each(["bundler", "node16", "nodenext"] as const)("compiles under --strict with moduleResolution %s", (moduleResolution) => {
    // bundler: the .ts consumer; node16/nodenext: the ESM (.mts) and the CommonJS (.cts) consumer — under node16
    // the CommonJS one needs the --commonjs build (TypeScript's node16 has no require() of ES modules).
    const roots = moduleResolution === "bundler" ? ["types.ts"] : moduleResolution === "node16" ? ["types.mts"] : ["types.mts", "types.cts"];
    expect(typeCheckDir(consumer(), roots.map((r) => join(consumer(), r)), { moduleResolution })).toEqual([]);
  });

  it("tells a CommonJS project under TypeScript's node16 to use --commonjs, and compiles it with that build", () => {
    const errors = typeCheckDir(consumer(), [join(consumer(), "types.cts")], { moduleResolution: "node16" });
    expect(errors.join("\n")).toMatch(/TS1471|cannot be imported with 'require'/);
    for (const moduleResolution of ["node16", "nodenext"] as const) {
      const roots = ["types.mts", "types.cts"].map((r) => join(consumer("commonjs"), r));
      expect(typeCheckDir(consumer("commonjs"), roots, { moduleResolution })).toEqual([]);
    }
  });

  it.each(["esm", "commonjs"] as const)("runs from Node ESM (import) and from CommonJS (require), with the same results (%s package)", (variant) => {
    for (const file of ["esm.mjs", "cjs.cjs"]) {
      const out = execFileSync(process.execPath, [file], { cwd: consumer(variant), encoding: "utf8" });
      expect({ file, ...JSON.parse(out) }).toEqual({ file, ...expected });
    }
  });

  it("bundles with esbuild: one validator imported gives a smaller bundle than all of them (sideEffects: false)", async () => {
    const sizes: Record<string, number> = {};
    for (const entry of ["one.mjs", "all.mjs"]) {
      const outfile = join(consumer(), "dist", entry);
      const r = await build({ entryPoints: [join(consumer(), entry)], bundle: true, minify: true, format: "esm", platform: "neutral", outfile, absWorkingDir: consumer(), logLevel: "silent", metafile: true });
      sizes[entry] = r.metafile.outputs[Object.keys(r.metafile.outputs)[0]!]!.bytes;
      // The bundle still works.
      expect(execFileSync(process.execPath, [outfile], { encoding: "utf8" }).trim()).toBe("true");
    }
    console.log(`esbuild bundle sizes (minified): one validator ${sizes["one.mjs"]} B, all validators ${sizes["all.mjs"]} B`);
    expect(sizes["one.mjs"]!).toBeLessThan(sizes["all.mjs"]! / 2);
  });
});
