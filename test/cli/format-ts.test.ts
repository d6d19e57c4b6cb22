/**
 * `--format ts`: plain .ts sources for projects that keep generated code inside. They compile under --strict
 * (isolatedModules and verbatimModuleSyntax too) with a consumer beside them, and once compiled they validate
 * exactly as the .js package does.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline.js";
import { projectRoot } from "../helpers/shared.js";
import { scratch } from "../helpers/cli.js";
import { typeCheck } from "../helpers/tsc.js";

const tempDir = scratch("sf-format-ts-");
const goldenInputs = readdirSync(join(projectRoot, "test", "golden"), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => join(projectRoot, "test", "golden", e.name, "input"));

type Api = Record<string, (v: unknown) => unknown>;

/** What projects that keep sources add to --strict. */
const STRICTER = { isolatedModules: true, verbatimModuleSyntax: true, noImplicitReturns: true, noFallthroughCasesInSwitch: true };

const consumer = `import { validateAdminRespondToAuthChallengeRequest, assertUserPoolIdType, isChallengeNameType, ChallengeNameType, ValidationFailure, type AdminRespondToAuthChallengeRequest } from "./gen/index.js";
const input: unknown = JSON.parse("{}");
const r = validateAdminRespondToAuthChallengeRequest(input);
export const request: AdminRespondToAuthChallengeRequest | undefined = r.valid ? r.value : undefined;
export const messages: string[] = r.valid ? [] : r.errors.map((e) => e.message);
export function pool(v: unknown): string {
  assertUserPoolIdType(v);
  return v.toUpperCase();
}
export const challenge: ChallengeNameType | undefined = isChallengeNameType(input) ? input : ChallengeNameType.SMS_MFA;
export const failure = new ValidationFailure("X", []);
`;

describe("--format ts", () => {
  it("writes only .ts sources (no .js, .d.ts or CommonJS build)", async () => {
    const r = await generate({ inputs: [join(projectRoot, "schemas")], format: "ts", emit: ["types", "validators"], commonjs: true });
    const paths = Object.keys(r.files).sort();
    expect(paths.filter((p) => /\.(js|d\.ts)$/.test(p) || p.startsWith("cjs/"))).toEqual([]);
    expect(paths).toEqual(["README.md", "cognito-idp.ts", "index.ts", "package.json", "types/cognito-idp.ts", "validators/cognito-idp.ts", "validators/formats.ts", "validators/runtime.ts"]);
  });

  it.each(["bundler", "node16"] as const)("compiles under --strict with a consumer (moduleResolution %s)", async (moduleResolution) => {
    const r = await generate({ inputs: [join(projectRoot, "schemas")], format: "ts" });
    const files = Object.fromEntries(Object.entries(r.files).map(([p, c]) => [`gen/${p}`, c]));
    expect(typeCheck({ ...files, "consumer.ts": consumer, "package.json": '{ "type": "module" }' }, { moduleResolution, compilerOptions: STRICTER })).toEqual([]);
  });

  it.each(goldenInputs.map((i) => [i.split("/").at(-2)!, i]))("compiles under --strict for the golden input %s (escaping included)", async (_name, input) => {
    const r = await generate({ inputs: [input], format: "ts" });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(typeCheck({ ...r.files, "package.json": '{ "type": "module" }' }, { compilerOptions: STRICTER })).toEqual([]);
  });

  it("once compiled, validates exactly as the .js package does", async () => {
    const [tsOut, jsOut] = await Promise.all([
      generate({ inputs: [join(projectRoot, "schemas")], format: "ts" }),
      generate({ inputs: [join(projectRoot, "schemas")] }),
    ]);
    const compiled = Object.fromEntries(
      Object.entries(tsOut.files)
        .filter(([p]) => p.endsWith(".ts"))
        .map(([p, c]) => [p.replace(/\.ts$/, ".js"), ts.transpileModule(c, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText]),
    );
    const dirs = [tempDir({ ...compiled, "package.json": '{ "type": "module" }' }), tempDir(jsOut.files)];
    const [fromTs, fromJs] = (await Promise.all(dirs.map((d) => import(pathToFileURL(join(d, "index.js")).href)))) as [Api, Api];
    const samples = [
      { UserPoolId: "us-east-1_abc123", ClientId: "client1", ChallengeName: "SMS_MFA" },
      { UserPoolId: "nope", ClientId: "", ChallengeName: "NOPE", Session: "short" },
      "not an object",
    ];
    for (const s of samples) expect(fromTs.validateAdminRespondToAuthChallengeRequest!(s)).toEqual(fromJs.validateAdminRespondToAuthChallengeRequest!(s));
    expect(fromTs.validateAdminRespondToAuthChallengeRequest!(samples[1])).toMatchObject({ valid: false });
    expect(() => fromTs.assertUserPoolIdType!("nope")).toThrow(/not a valid UserPoolIdType/);
  });
});
