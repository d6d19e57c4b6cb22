/**
 * The Cognito corpus end to end: the 575 one-shape-per-file schemas, the two OpenAPI documents they were cut
 * from, and the seed (not valid JSON) alone and with --components.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../src/pipeline.js";
import { forEachNode } from "../../src/passes/map.js";
import { cognitoJsonSchemaDir, cognitoOpenApiDir, describeShared, seedFile, cognitoDir } from "../helpers/shared.js";
import { typeCheck } from "../helpers/tsc.js";

/** The shapes (namespace:name) that are in `targets` or reach one of them through references. */
function reaching(r: GenerateResult, targets: Set<string>): Set<string> {
  const model = r.model!;
  const key = (id: string) => {
    const d = model.byId.get(id)!;
    return `${d.namespace}:${d.name}`;
  };
  const refs = new Map<string, string[]>();
  for (const d of model.declarations) {
    const out: string[] = [];
    forEachNode(d.type, (n) => n.kind === "ref" && out.push(key(n.target)));
    refs.set(`${d.namespace}:${d.name}`, out);
  }
  const result = new Set(targets);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, to] of refs) if (!result.has(name) && to.some((t) => result.has(t))) changed = result.add(name).size > 0;
  }
  return result;
}

/**
 * The OpenAPI components that bound an array's length (`minItems`/`maxItems`, typed as tuples) — where the JSON
 * Schema cut has no bound. Read from the corpus files, not from our output.
 */
function arrayBoundsLostInCut(r: GenerateResult): Set<string> {
  const docs = new Map<string, Record<string, unknown>>();
  const lost = new Set<string>();
  const cutFiles = readdirSync(cognitoJsonSchemaDir).map((f) => readFileSync(join(cognitoJsonSchemaDir, f), "utf8"));
  for (const d of r.model!.declarations) {
    const m = /^\/components\/schemas\/([^/]+)$/.exec(d.source.pointer);
    if (!m) continue;
    if (!docs.has(d.source.uri)) docs.set(d.source.uri, parseYaml(readFileSync(d.source.uri, "utf8")) as Record<string, unknown>);
    const schemas = (docs.get(d.source.uri)!.components as { schemas: Record<string, Record<string, unknown>> }).schemas;
    const schema = schemas[m[1]!]!;
    if (!("minItems" in schema) && !("maxItems" in schema)) continue;
    const cut = cutFiles.find((text) => (JSON.parse(text) as { title?: string }).title === m[1]);
    expect(cut, `${m[1]} in the JSON Schema cut`).toBeDefined();
    expect(cut).not.toMatch(/"m(in|ax)Items"/);
    lost.add(`${d.namespace}:${d.name}`);
  }
  return lost;
}

const errorsOf = (r: GenerateResult) => r.diagnostics.filter((d) => d.severity === "error");

describeShared(
  "Cognito one-shape-per-file corpus",
  () => {
    let result: GenerateResult;
    const titles = new Map<string, { namespace: string; file: string }[]>();
    beforeAll(async () => {
      result = await generate({ inputs: [cognitoJsonSchemaDir] });
      for (const file of readdirSync(cognitoJsonSchemaDir)) {
        const json = JSON.parse(readFileSync(join(cognitoJsonSchemaDir, file), "utf8")) as { title: string };
        const namespace = file.startsWith("cognito-idp-") ? "cognito-idp" : "cognito-identity";
        titles.set(json.title, [...(titles.get(json.title) ?? []), { namespace, file }]);
      }
    });

    it("generates with no errors; the only warnings are the corpus's impossible enum values", () => {
      expect(errorsOf(result)).toEqual([]);
      const warnings = result.diagnostics.filter((d) => d.severity === "warning");
      expect(warnings.map((w) => `${w.code} ${w.uri?.split("/").pop()} ${w.pointer}`).sort()).toEqual([
        "enum-type-mismatch cognito-idp-advanced-security-mode-type-schema.json /enum/0",
        "enum-type-mismatch cognito-idp-user-pool-mfa-type-schema.json /enum/0",
        "enum-type-mismatch cognito-idp-user-pool-mfa-type-schema.json /enum/1",
      ]);
    });

    it("makes every one of the 575 schemas a type named by its title within its namespace", () => {
      const files = readdirSync(cognitoJsonSchemaDir);
      expect(files).toHaveLength(575);
      expect(result.types).toHaveLength(575);
      const got = new Set(result.types.map((t) => `${t.namespace}:${t.name}`));
      for (const [title, sources] of titles) {
        for (const s of sources) expect(got, `${s.file} → ${s.namespace}:${title}`).toContain(`${s.namespace}:${title}`);
      }
      expect(new Set(result.types.map((t) => t.namespace))).toEqual(new Set(["cognito-idp", "cognito-identity"]));
    });

    it("exports no numbered duplicate: every exported name is a schema title", () => {
      const exported = new Set<string>();
      for (const [path, text] of Object.entries(result.files)) {
        if (!path.startsWith("types/") || !path.endsWith(".d.ts")) continue;
        for (const m of text.matchAll(/^export (?:interface|type|declare const) ([A-Za-z0-9_$]+)/gm)) exported.add(m[1]!);
      }
      for (const name of exported) expect(titles.has(name), `${name} is not a title`).toBe(true);
      expect(exported.size).toBe(titles.size);
    });

    it("re-exports from the root only the names one namespace declares", () => {
      const index = result.files["index.d.ts"]!;
      const shared = [...titles].filter(([, s]) => s.length > 1).map(([t]) => t);
      expect(shared).toHaveLength(15);
      for (const name of shared) expect(index).not.toMatch(new RegExp(`\\b${name}\\b`));
      expect(index).toMatch(/\bAdminRespondToAuthChallengeRequest\b/);
      expect(result.files["README.md"]).toContain("`DateType`");
    });

    it("type-checks under tsc --strict with node16 and bundler resolution", () => {
      for (const moduleResolution of ["node16", "bundler"] as const) {
        const consumer = [
          'import type { AdminRespondToAuthChallengeRequest } from "./index.js";',
          'import type { DateType as IdpDate } from "./cognito-idp.js";',
          'import type { DateType as IdentityDate } from "./cognito-identity.js";',
          'import { ChallengeNameType } from "./index.js";',
          'const r: AdminRespondToAuthChallengeRequest = { UserPoolId: "p", ClientId: "c", ChallengeName: ChallengeNameType.SMS_MFA };',
          "const d: IdpDate | IdentityDate = '2020-01-01T00:00:00Z';",
          "export { r, d };",
        ].join("\n");
        expect(typeCheck({ ...result.files, "consumer.ts": consumer }, { moduleResolution })).toEqual([]);
      }
    });

    it("types AdminRespondToAuthChallengeRequest as the issue says, each member with its own description", () => {
      const source = ts.createSourceFile("cognito-idp.d.ts", result.files["types/cognito-idp.d.ts"]!, ts.ScriptTarget.ES2022, true);
      const decl = source.statements.find(
        (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "AdminRespondToAuthChallengeRequest",
      )!;
      expect(decl).toBeDefined();
      const members = decl.members.filter(ts.isPropertySignature).map((m) => ({
        name: (m.name as ts.Identifier).text,
        type: m.type!.getText(source),
        optional: m.questionToken !== undefined,
        doc: ts.getJSDocCommentsAndTags(m).map((d) => d.getText(source)).join("\n"),
      }));
      expect(members.filter((m) => !m.optional).map((m) => [m.name, m.type])).toEqual([
        ["UserPoolId", "UserPoolIdType"],
        ["ClientId", "ClientIdType"],
        ["ChallengeName", "ChallengeNameType"],
      ]);
      expect(members.filter((m) => m.optional).map((m) => m.name)).toEqual([
        "ChallengeResponses",
        "Session",
        "AnalyticsMetadata",
        "ContextData",
        "ClientMetadata",
      ]);
      const corpus = JSON.parse(
        readFileSync(join(cognitoJsonSchemaDir, "cognito-idp-admin-respond-to-auth-challenge-request-schema.json"), "utf8"),
      ) as { properties: Record<string, { allOf: [unknown, { description: string }] }> };
      for (const m of members) {
        expect(m.doc, m.name).not.toMatch(/<\/?[a-z][a-z0-9]*[\s>/]/i);
        // The member's own description (from the allOf annotation), not the referenced type's.
        const firstWords = corpus.properties[m.name]!.allOf[1].description.replace(/<[^>]+>/g, "").trim().split(/\s+/).slice(0, 4).join(" ");
        expect(m.doc.replace(/\s*\*\s*/g, " "), m.name).toContain(firstWords.replace(/`/g, ""));
      }
      expect(members.find((m) => m.name === "ChallengeResponses")!.doc).toContain("`ChallengeName`");
    });

    it("puts constraints of a referenced shape on that shape's declaration", () => {
      const dts = result.files["types/cognito-idp.d.ts"]!;
      const block = dts.slice(dts.lastIndexOf("/**", dts.indexOf("export type UserPoolIdType ")), dts.indexOf("export type UserPoolIdType "));
      expect(block).toContain("@minLength 1");
      expect(block).toContain("@maxLength 55");
      expect(block).toContain("@pattern [\\w-]+_[0-9a-zA-Z]+");
    });

    it("is deterministic: a second run gives the same bytes", async () => {
      const again = await generate({ inputs: [cognitoJsonSchemaDir] });
      expect(again.files).toEqual(result.files);
    });
  },
  cognitoJsonSchemaDir,
);

describeShared(
  "Cognito OpenAPI originals",
  () => {
    let fromSchemas: GenerateResult;
    let fromOpenApi: GenerateResult;
    beforeAll(async () => {
      [fromSchemas, fromOpenApi] = await Promise.all([generate({ inputs: [cognitoJsonSchemaDir] }), generate({ inputs: [cognitoOpenApiDir] })]);
    });

    it("generates the same names in the same namespaces from the OpenAPI documents", () => {
      expect(errorsOf(fromOpenApi)).toEqual([]);
      const names = (r: GenerateResult) => r.types.map((t) => `${t.namespace}:${t.name}`).sort();
      expect(names(fromOpenApi)).toEqual(names(fromSchemas));
    });

    it("generates mutually assignable structures for every shape, except where the corpus lost enum values or array bounds", () => {
      // The JSON Schema cut of the corpus was made with a YAML 1.1 reader: "OFF"/"ON" became false/true, which
      // `type: string` makes impossible (reported as enum-type-mismatch). The OpenAPI original keeps the strings.
      // Every shape that reaches one of those two enums differs with them; all others must be the same.
      const yaml11Losses = reaching(fromSchemas, new Set(["cognito-idp:AdvancedSecurityModeType", "cognito-idp:UserPoolMfaType"]));
      expect([...yaml11Losses].sort()).toEqual([
        "cognito-idp:AdvancedSecurityModeType",
        "cognito-idp:CreateUserPoolRequest",
        "cognito-idp:CreateUserPoolResponse",
        "cognito-idp:DescribeUserPoolResponse",
        "cognito-idp:GetUserPoolMfaConfigResponse",
        "cognito-idp:SetUserPoolMfaConfigRequest",
        "cognito-idp:SetUserPoolMfaConfigResponse",
        "cognito-idp:UpdateUserPoolRequest",
        "cognito-idp:UserPoolAddOnsType",
        "cognito-idp:UserPoolMfaType",
        "cognito-idp:UserPoolType",
      ]);
      // The JSON Schema cut also lost every minItems/maxItems: there the OpenAPI original's type is narrower
      // (a tuple such as `[T, ...T[]]` against `T[]`, or the same where a bound is past the tuple cap), so it
      // must be assignable one way.
      const boundsLost = arrayBoundsLostInCut(fromOpenApi);
      expect(boundsLost.size).toBe(16);
      const narrower = new Set([...reaching(fromOpenApi, boundsLost)].filter((n) => !yaml11Losses.has(n)));
      const files: Record<string, string> = {};
      for (const [p, c] of Object.entries(fromSchemas.files)) files[`a/${p}`] = c;
      for (const [p, c] of Object.entries(fromOpenApi.files)) files[`b/${p}`] = c;
      const lines = ["type Same<X, Y> = [X] extends [Y] ? ([Y] extends [X] ? true : false) : false;"];
      const checked: string[] = [];
      for (const t of fromSchemas.types) {
        if (yaml11Losses.has(`${t.namespace}:${t.name}`)) continue;
        const alias = `${t.namespace.replace(/-/g, "_")}_${t.name}`;
        const a = `import("./a/${t.namespace}.js").${t.name}`;
        const b = `import("./b/${t.namespace}.js").${t.name}`;
        if (narrower.has(`${t.namespace}:${t.name}`)) lines.push(`export const ${alias}: [${b}] extends [${a}] ? true : false = true;`);
        else lines.push(`export const ${alias}: Same<${a}, ${b}> = true;`);
        checked.push(alias);
      }
      for (const name of yaml11Losses) {
        const [ns, n] = name.split(":");
        lines.push(`export const lost_${n}: Same<import("./a/${ns}.js").${n}, import("./b/${ns}.js").${n}> = false;`);
      }
      files["same.ts"] = lines.join("\n");
      files["package.json"] = '{ "type": "module" }';
      expect(checked.length).toBe(575 - yaml11Losses.size);
      expect(typeCheck(files, { roots: ["same.ts"] })).toEqual([]);
    });

    it("reads the seed's AdminRespondToAuthChallengeRequest shape the same way from OpenAPI", () => {
      const dts = fromOpenApi.files["types/cognito-idp.d.ts"]!;
      expect(dts).toMatch(/export interface AdminRespondToAuthChallengeRequest \{[^}]*UserPoolId: UserPoolIdType;/s);
    });
  },
  cognitoOpenApiDir,
);

describeShared(
  "the seed document (not valid JSON)",
  () => {
    it("loads with a warning that says where, and reports every unresolved ref with its location", async () => {
      const r = await generate({ inputs: [seedFile] });
      const fallback = r.diagnostics.filter((d) => d.code === "json-fallback-yaml");
      expect(fallback).toHaveLength(1);
      expect(fallback[0]).toMatchObject({ severity: "warning", line: 1, column: 587, uri: seedFile });
      expect(fallback[0]!.message).toContain("raw line break inside a string");
      const unresolved = errorsOf(r);
      expect(unresolved.map((d) => d.code)).toEqual(Array(8).fill("ref-unresolved"));
      const expectedProps = ["UserPoolId", "ClientId", "ChallengeName", "ChallengeResponses", "Session", "AnalyticsMetadata", "ContextData", "ClientMetadata"];
      expect(unresolved.map((d) => d.pointer).sort()).toEqual(expectedProps.map((p) => `/properties/${p}/allOf/0/$ref`).sort());
      const seedText = readFileSync(seedFile, "utf8").split("\n");
      for (const d of unresolved) {
        expect(d.uri).toBe(seedFile);
        // line:column point at the "$ref" key in the file as written.
        expect(seedText[d.line! - 1]!.slice(d.column! - 1)).toMatch(/^"\$ref"/);
      }
      expect(r.files).toEqual({});
    });

    it("types unresolved refs as unknown with --allow-unresolved", async () => {
      const r = await generate({ inputs: [seedFile], allowUnresolved: true });
      expect(errorsOf(r)).toEqual([]);
      expect(r.diagnostics.filter((d) => d.code === "ref-unresolved-allowed")).toHaveLength(8);
      expect(r.files["types/seed.d.ts"]).toMatch(/UserPoolId: unknown;/);
    });

    it("resolves everything with --components pointing at the corpus", async () => {
      const r = await generate({ inputs: [seedFile], components: [cognitoJsonSchemaDir] });
      expect(errorsOf(r)).toEqual([]);
      const dts = r.files["types/cognito-idp.d.ts"]!;
      expect(dts).toMatch(/UserPoolId: UserPoolIdType;/);
      expect(dts).toMatch(/export type ChallengeNameType =/);
      // Only the seed's type and what it reaches are generated, not the whole corpus.
      expect(r.types.length).toBeLessThan(20);
      expect(r.types.map((t) => t.name)).toContain("AdminRespondToAuthChallengeRequest");
      expect(typeCheck(r.files)).toEqual([]);
    });
  },
  cognitoDir,
);

describe("corpus data is what these tests assume", () => {
  it("names the seed file it reads", () => {
    expect(seedFile.endsWith("cognito-idp-admin-respond-to-auth-challenge-request-schema.json")).toBe(true);
  });
});
