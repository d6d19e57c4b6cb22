/**
 * The validators on the Cognito corpus, as a user of the generated package gets them: written to disk,
 * imported in plain Node ESM with nothing installed.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../src/pipeline.js";
import { cognitoJsonSchemaDir, describeShared } from "../helpers/shared.js";
import { removeTemp, typeCheck, writeTemp } from "../helpers/tsc.js";

type Result = { valid: boolean; value?: unknown; errors?: { instancePath: string; schemaPath: string; keyword: string; message: string; params: Record<string, unknown> }[] };
type Module = Record<string, (v: unknown, o?: { allErrors?: boolean }) => unknown>;

describeShared(
  "validators for the Cognito corpus",
  () => {
    let result: GenerateResult;
    let dir: string;
    let idp: Module;
    let identity: Module;
    beforeAll(async () => {
      result = await generate({ inputs: [cognitoJsonSchemaDir] });
      dir = writeTemp(result.files, "sf-validators-");
      idp = (await import(pathToFileURL(join(dir, "cognito-idp.js")).href)) as Module;
      identity = (await import(pathToFileURL(join(dir, "cognito-identity.js")).href)) as Module;
    });
    afterAll(() => removeTemp(dir));

    it("compiles a validator for every one of the 575 schemas, with no run-time dependency", () => {
      for (const t of result.types) {
        const mod = t.namespace === "cognito-idp" ? idp : identity;
        for (const prefix of ["is", "validate", "assert"]) expect(typeof mod[prefix + t.name], `${t.namespace}:${prefix}${t.name}`).toBe("function");
      }
      const pkg = JSON.parse(result.files["package.json"]!) as Record<string, unknown>;
      expect(pkg.dependencies).toBeUndefined();
      for (const [path, text] of Object.entries(result.files)) {
        if (!path.endsWith(".js")) continue;
        for (const m of text.matchAll(/^(?:import|export)[^"\n]*from "([^"]+)"/gm)) expect(m[1], `${path} imports ${m[1]}`).toMatch(/^\.\.?\//);
      }
    });

    it("reports the seed's bad request at /UserPoolId (pattern) and /ChallengeName (enum)", () => {
      const r = idp.validateAdminRespondToAuthChallengeRequest!({ UserPoolId: "x", ClientId: "c", ChallengeName: "NOPE" }) as Result;
      expect(r.valid).toBe(false);
      expect(r.errors!.map((e) => [e.instancePath, e.keyword])).toEqual([
        ["/UserPoolId", "pattern"],
        ["/ChallengeName", "enum"],
      ]);
      expect(r.errors![0]!.schemaPath).toBe("#/properties/UserPoolId/allOf/0/$ref/pattern");
      expect(r.errors![1]!.params.allowedValues).toContain("SMS_MFA");
      const first = idp.validateAdminRespondToAuthChallengeRequest!({ UserPoolId: "x", ClientId: "c", ChallengeName: "NOPE" }, { allErrors: false }) as Result;
      expect(first.errors).toHaveLength(1);
    });

    it("accepts a valid request, and the type guard and assertion agree", () => {
      const ok = { UserPoolId: "us-east-1_Abc123", ClientId: "client1", ChallengeName: "NEW_PASSWORD_REQUIRED", ChallengeResponses: { USERNAME: "ana", NEW_PASSWORD: "s3cret!" } };
      expect(idp.validateAdminRespondToAuthChallengeRequest!(ok)).toEqual({ valid: true, value: ok });
      expect(idp.isAdminRespondToAuthChallengeRequest!(ok)).toBe(true);
      expect(() => idp.assertAdminRespondToAuthChallengeRequest!(ok)).not.toThrow();
      expect(idp.isAdminRespondToAuthChallengeRequest!({ ...ok, ClientId: undefined })).toBe(false);
    });

    it("points errors at the offending member deep in the value", () => {
      const r = idp.validateAdminInitiateAuthRequest!({
        UserPoolId: "us-east-1_Abc123",
        ClientId: "client1",
        AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "ana", PASSWORD: 42 },
        ContextData: { IpAddress: "10.0.0.1", ServerName: "s", ServerPath: "/", HttpHeaders: [{ headerName: "a", headerValue: 1 }] },
      }) as Result;
      expect(r.errors!.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(["/AuthParameters/PASSWORD type", "/ContextData/HttpHeaders/0/headerValue type"]);
      expect(() => idp.assertAdminInitiateAuthRequest!({})).toThrow(/not a valid AdminInitiateAuthRequest:\n {2}\(root\): must have required property 'UserPoolId'/);
    });

    it("counts characters, not UTF-16 units, for lengths", () => {
      // UserPoolIdType: 1 to 55 characters and the (unanchored) pattern [\w-]+_[0-9a-zA-Z]+.
      // "a_b" and 52 astral characters are 55 characters but 107 UTF-16 units.
      expect(idp.isUserPoolIdType!("a_b" + "😀".repeat(52))).toBe(true);
      expect((idp.validateUserPoolIdType!("a_b" + "😀".repeat(53)) as Result).errors!.map((e) => e.keyword)).toEqual(["maxLength"]);
      expect((idp.validateUserPoolIdType!("_" + "😀".repeat(10)) as Result).errors!.map((e) => e.keyword)).toEqual(["pattern"]);
    });

    it("type-checks: the guards narrow to the generated types", () => {
      const consumer = [
        'import { isAdminRespondToAuthChallengeRequest, assertUserPoolIdType, validateChallengeNameType, type ValidationError } from "./index.js";',
        "declare const input: unknown;",
        "if (isAdminRespondToAuthChallengeRequest(input)) { const id: string = input.UserPoolId; void id; }",
        "const r = validateChallengeNameType(input);",
        'if (r.valid) { const c: "SMS_MFA" | string = r.value; void c; } else { const e: ValidationError[] = r.errors; void e; }',
        "declare const v: unknown; assertUserPoolIdType(v); const s: string = v; void s;",
      ].join("\n");
      expect(typeCheck({ ...result.files, "consumer.ts": consumer })).toEqual([]);
    });
  },
  cognitoJsonSchemaDir,
);

it("schemas/ in this repository agree with the corpus on what the validators accept (the generated package)", async () => {
  const generated = join(process.cwd(), "generated");
  const files = readdirSync(join(generated, "validators"));
  expect(files).toContain("cognito-idp.js");
  const mod = (await import(pathToFileURL(join(generated, "cognito-idp.js")).href)) as Module;
  expect(mod.isChallengeNameType!("SMS_MFA")).toBe(true);
  expect(mod.isChallengeNameType!("sms_mfa")).toBe(false);
  expect(readFileSync(join(generated, "index.d.ts"), "utf8")).toContain("ValidationFailure");
});
