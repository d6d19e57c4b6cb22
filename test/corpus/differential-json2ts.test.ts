/**
 * Differential test: our types against json-schema-to-typescript (v16) on the whole Cognito corpus
 * (../shared/corpora/aws-cognito/json-schema, 575 one-shape-per-file schemas in two namespaces).
 *
 * 1. json2ts cannot follow the corpus' cross-file `#/components/schemas/X` references, so for each namespace
 *    (`cognito-identity-*`, `cognito-idp-*`) it gets one schema whose `definitions` hold every shape of the
 *    namespace under its title (`$id`/`$schema` removed), with the references rewritten to `#/definitions/X` and
 *    the `allOf: [{$ref}, {description}]` property pattern folded into `{$ref, description}` first (else json2ts
 *    emits `X & {…}` intersections). The root of that schema is a closed object with one required property per
 *    title, so `Root["<title>"]` is json2ts's type for that shape whatever name it gave it (it appends numeric
 *    suffixes to the copies its $ref parser makes of referenced schemas that carry a sibling description).
 * 2. Our types come from `generate()` in memory; each shape is found through `types[].source` (its file), so the
 *    mapping is by file/title on both sides, never by guessing identifiers.
 * 3. One TypeScript program per variant (compiler API, in-process, `strict`) imports both and checks, per shape,
 *    assignability in both directions — mutual assignability, the relation of
 *    `[A] extends [B] ? ([B] extends [A] ? true : false) : false`, written as two functions so that a failure
 *    comes with TypeScript's explanation and its direction — and that neither side is `any` (which would make
 *    the check vacuous).
 * 4. A shape that differs must be listed in EXCEPTIONS (an explained difference, whose premise is checked against
 *    the schema) or OUR_BUGS (a defect of our generator, kept red until fixed). An exception that no longer
 *    differs fails as stale.
 *
 * Three variants: the first two answer the "index signature" question both ways, so neither tool is judged by the
 * other's default:
 * - closed: our default (`indexSignatures: false`: open objects get no index signature) against json2ts with
 *   `additionalProperties: false` (an object without an explicit `additionalProperties` gets no index signature);
 * - open: ours with `indexSignatures: true` against json2ts's default (`[k: string]: unknown` on such objects);
 * - closed, enums repaired: as closed, with the corpus' impossible enum values taken out of json2ts's input, which
 *   proves they are the only difference of the shapes excused for them.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { compile, type JSONSchema, type Options as Json2TsOptions } from "json-schema-to-typescript";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerateOptions } from "../../src/config/options.js";
import { moduleBase } from "../../src/emit/template.js";
import { generate } from "../../src/pipeline.js";
import { cognitoJsonSchemaDir, describeShared } from "../helpers/shared.js";
import { removeTemp, writeTemp } from "../helpers/tsc.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The source families of the corpus (file-name prefixes); titles are unique within each. */
const NAMESPACES = ["cognito-identity", "cognito-idp"] as const;
type Namespace = (typeof NAMESPACES)[number];
const MIN_COMPARED = 560;
const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;

/** Keywords that only annotate: an `allOf` member made of these alone adds no constraint. */
const ANNOTATION_KEYWORDS = new Set(["description", "title", "examples", "example", "default", "deprecated", "readOnly", "writeOnly", "$comment"]);
/** What an annotation-only corpus file holds at its root. */
const ROOT_ANNOTATIONS = new Set(["$schema", "$id", "title", "description"]);

/**
 * json2ts options shared by all variants, chosen so that both tools answer the same question:
 * - bannerComment "": no generated-file banner (text only).
 * - unreachableDefinitions: emit every definition even if nothing references it (the root references all of them
 *   anyway; belt and braces).
 * - strictIndexSignatures false (its default): no `| undefined` on index signatures, as ours.
 * - unknownAny true (its default): `unknown` rather than `any`, so the comparison is never vacuous.
 * - enableConstEnums / inferStringEnumKeysFromValues false (defaults): string enums become literal unions as ours;
 *   a TypeScript `enum` is nominal and could never be mutually assignable with a union.
 * - format false: skip Prettier; only the types are compared, never the text (and it is much faster).
 * `additionalProperties` is set per variant (see VARIANTS).
 */
const JSON2TS_COMMON: Partial<Json2TsOptions> = {
  bannerComment: "",
  unreachableDefinitions: true,
  strictIndexSignatures: false,
  unknownAny: true,
  enableConstEnums: false,
  inferStringEnumKeysFromValues: false,
  format: false,
};

type VariantName = "closed" | "open" | "closed, enums repaired";
interface Variant {
  name: VariantName;
  ours: Partial<GenerateOptions>;
  json2ts: Partial<Json2TsOptions>;
  /** A rewrite of each corpus schema before json2ts sees it (after $id/$schema removal, before folding). */
  repair?: (schema: JsonObject) => JsonObject;
}

const VARIANTS: readonly Variant[] = [
  // Our default: an object that allows other members gets no index signature. json2ts by default gives every
  // object without an explicit `additionalProperties` a `[k: string]: unknown`; its `additionalProperties: false`
  // option makes it list exactly the declared members too. An explicit `additionalProperties: <schema>` (the
  // corpus' maps) still gives an index signature on both sides.
  { name: "closed", ours: { indexSignatures: false }, json2ts: { ...JSON2TS_COMMON, additionalProperties: false } },
  // Both add `[key: string]: unknown` to objects that allow other members.
  { name: "open", ours: { indexSignatures: true }, json2ts: { ...JSON2TS_COMMON, additionalProperties: true } },
  // As "closed", but json2ts is given the schemas with the impossible enum values (booleans in a `type: string`
  // enum) removed, as we read them. The shapes excused by the two YAML groups below must then agree entirely,
  // which proves that the boolean values are their only difference (TypeScript reports only the first
  // incompatible member, so the message alone could hide a second one).
  {
    name: "closed, enums repaired",
    ours: { indexSignatures: false },
    json2ts: { ...JSON2TS_COMMON, additionalProperties: false },
    repair: (schema) =>
      isStringEnumWithBoolean(schema) ? { ...schema, enum: (schema["enum"] as Json[]).filter((v) => typeof v !== "boolean") } : schema,
  },
];

interface Corpus {
  shapes: Shape[];
  schemas: Map<string, JsonObject>;
}

interface Shape {
  /** `<namespace>/<title>`. */
  key: string;
  namespace: Namespace;
  title: string;
  file: string;
}

interface ExceptionGroup {
  reason: string;
  /** The variants in which these shapes differ; in the others they must agree. */
  variants: readonly VariantName[];
  /** The fact about the schema the reason rests on, checked for every listed shape so the list excuses nothing else. */
  holds: (schema: JsonObject, key: string, corpus: Corpus) => boolean;
  /** Every failure message of a listed shape matches this: it differs in the explained way, not in another. */
  signature: RegExp;
  shapes: readonly string[];
}

/**
 * Shapes whose types differ for a reason that lies in the schema or in json2ts, not in our generator.
 * Every listed shape must still differ in each listed variant (a stale entry fails).
 */
const EXCEPTIONS: Record<string, ExceptionGroup> = {
  "YAML 1.1 booleans in a string enum": {
    reason:
      '`type: string` with `enum: [false, "AUDIT", "ENFORCED"]` / `[false, true, "OPTIONAL"]`: a YAML 1.1 parser read the ' +
      "unquoted OFF/ON as booleans. No string equals `false`, so we leave the impossible values out with an " +
      'enum-type-mismatch warning (`"AUDIT" | "ENFORCED"`, `"OPTIONAL"`); json2ts keeps every enum value ' +
      '(`false | "AUDIT" | "ENFORCED"`, `false | true | "OPTIONAL"`).',
    variants: ["closed", "open"],
    holds: (schema) => isStringEnumWithBoolean(schema),
    signature: /^theirs→ours: [\s\S]*Type '(false|true)' is not assignable to type '[^']*'\.$/,
    shapes: [
      "cognito-idp/AdvancedSecurityModeType", "cognito-idp/UserPoolMfaType",
    ],
  },
  "reaches a YAML 1.1 boolean enum": {
    reason:
      "has a member (directly or through other shapes) typed by AdvancedSecurityModeType or UserPoolMfaType, which " +
      "differ as explained above; nothing else in these shapes differs (TypeScript's message points at that member).",
    variants: ["closed", "open"],
    holds: (_schema, key, corpus) => reaches(key, corpus, (s) => isStringEnumWithBoolean(s)),
    signature: /^theirs→ours: [\s\S]*Type '(false|true)' is not assignable to type '[^']*'\.$/,
    shapes: [
      "cognito-idp/CreateUserPoolRequest", "cognito-idp/CreateUserPoolResponse",
      "cognito-idp/DescribeUserPoolResponse", "cognito-idp/GetUserPoolMfaConfigResponse",
      "cognito-idp/SetUserPoolMfaConfigRequest", "cognito-idp/SetUserPoolMfaConfigResponse",
      "cognito-idp/UpdateUserPoolRequest", "cognito-idp/UserPoolAddOnsType", "cognito-idp/UserPoolType",
    ],
  },
  "annotation-only schema": {
    reason:
      "the schema is only `{ title, description }` (the service's exception shapes): it accepts every JSON value, and we " +
      "emit `unknown`. json2ts treats a schema without `type` as an object and emits `interface X { [k: string]: unknown }` " +
      "(even with `additionalProperties: false`), which rejects null, strings, numbers, booleans and arrays.",
    variants: ["closed", "open", "closed, enums repaired"],
    holds: (schema) => Object.keys(schema).every((k) => ROOT_ANNOTATIONS.has(k)),
    signature: /^ours→theirs: Type 'unknown' is not assignable to type '\w+'\.$/,
    shapes: [
      "cognito-identity/ConcurrentModificationException", "cognito-identity/DeveloperUserAlreadyRegisteredException",
      "cognito-identity/ExternalServiceException", "cognito-identity/InternalErrorException",
      "cognito-identity/InvalidIdentityPoolConfigurationException", "cognito-identity/InvalidParameterException",
      "cognito-identity/LimitExceededException", "cognito-identity/NotAuthorizedException",
      "cognito-identity/ResourceConflictException", "cognito-identity/ResourceNotFoundException",
      "cognito-identity/TooManyRequestsException", "cognito-idp/AliasExistsException",
      "cognito-idp/CodeDeliveryFailureException", "cognito-idp/CodeMismatchException",
      "cognito-idp/ConcurrentModificationException", "cognito-idp/DuplicateProviderException",
      "cognito-idp/EnableSoftwareTokenMFAException", "cognito-idp/ExpiredCodeException",
      "cognito-idp/ForbiddenException", "cognito-idp/GroupExistsException", "cognito-idp/InternalErrorException",
      "cognito-idp/InvalidEmailRoleAccessPolicyException", "cognito-idp/InvalidLambdaResponseException",
      "cognito-idp/InvalidOAuthFlowException", "cognito-idp/InvalidParameterException",
      "cognito-idp/InvalidPasswordException", "cognito-idp/InvalidSmsRoleAccessPolicyException",
      "cognito-idp/InvalidSmsRoleTrustRelationshipException", "cognito-idp/InvalidUserPoolConfigurationException",
      "cognito-idp/LimitExceededException", "cognito-idp/MFAMethodNotFoundException",
      "cognito-idp/NotAuthorizedException", "cognito-idp/PasswordResetRequiredException",
      "cognito-idp/PreconditionNotMetException", "cognito-idp/ResourceNotFoundException",
      "cognito-idp/ScopeDoesNotExistException", "cognito-idp/SoftwareTokenMFANotFoundException",
      "cognito-idp/TooManyFailedAttemptsException", "cognito-idp/TooManyRequestsException",
      "cognito-idp/UnauthorizedException", "cognito-idp/UnexpectedLambdaException",
      "cognito-idp/UnsupportedIdentityProviderException", "cognito-idp/UnsupportedOperationException",
      "cognito-idp/UnsupportedTokenTypeException", "cognito-idp/UnsupportedUserStateException",
      "cognito-idp/UserImportInProgressException", "cognito-idp/UserLambdaValidationException",
      "cognito-idp/UserNotConfirmedException", "cognito-idp/UserNotFoundException",
      "cognito-idp/UserPoolAddOnNotEnabledException", "cognito-idp/UserPoolTaggingException",
      "cognito-idp/UsernameExistsException",
    ],
  },
  "object without members (closed variants)": {
    reason:
      "`type: object` with no (or empty) `properties` and no `additionalProperties`: any object. We emit " +
      "`{ [key: string]: unknown }` whatever `indexSignatures` says, because `{}` would also accept strings and numbers; " +
      "json2ts under `additionalProperties: false` emits `interface X {}`, which accepts every non-nullish value and, " +
      "being an interface, has no implicit index signature. In the open variant both emit the index signature and agree.",
    variants: ["closed", "closed, enums repaired"],
    holds: (schema) =>
      schema["type"] === "object" &&
      Object.keys(isObject(schema["properties"]) ? schema["properties"] : {}).length === 0 &&
      !("additionalProperties" in schema) &&
      !("patternProperties" in schema),
    signature: /^theirs→ours: Type '[^']+' is not assignable to type '[^']+'\.\n\s*Index signature for type 'string' is missing in type '\w+'\.$/,
    shapes: [
      "cognito-identity/TagResourceResponse", "cognito-identity/UntagResourceResponse",
      "cognito-idp/AddCustomAttributesResponse", "cognito-idp/AdminConfirmSignUpResponse",
      "cognito-idp/AdminDeleteUserAttributesResponse", "cognito-idp/AdminDisableProviderForUserResponse",
      "cognito-idp/AdminDisableUserResponse", "cognito-idp/AdminEnableUserResponse",
      "cognito-idp/AdminLinkProviderForUserResponse", "cognito-idp/AdminResetUserPasswordResponse",
      "cognito-idp/AdminSetUserMFAPreferenceResponse", "cognito-idp/AdminSetUserPasswordResponse",
      "cognito-idp/AdminSetUserSettingsResponse", "cognito-idp/AdminUpdateAuthEventFeedbackResponse",
      "cognito-idp/AdminUpdateDeviceStatusResponse", "cognito-idp/AdminUpdateUserAttributesResponse",
      "cognito-idp/AdminUserGlobalSignOutResponse", "cognito-idp/ChangePasswordResponse",
      "cognito-idp/ConfirmForgotPasswordResponse", "cognito-idp/ConfirmSignUpResponse",
      "cognito-idp/DeleteUserAttributesResponse", "cognito-idp/DeleteUserPoolDomainResponse",
      "cognito-idp/GlobalSignOutResponse", "cognito-idp/RevokeTokenResponse",
      "cognito-idp/SetUserMFAPreferenceResponse", "cognito-idp/SetUserSettingsResponse",
      "cognito-idp/TagResourceResponse", "cognito-idp/UntagResourceResponse",
      "cognito-idp/UpdateAuthEventFeedbackResponse", "cognito-idp/UpdateDeviceStatusResponse",
      "cognito-idp/UpdateUserPoolResponse", "cognito-idp/VerifyUserAttributeResponse",
    ],
  },
};

/**
 * Shapes that differ because of a defect in OUR generator: not excused, each is asserted to agree in every variant,
 * so the suite stays red until the generator is fixed (then delete the entry). Format:
 *   // OUR BUG: <what is wrong, minimal repro>
 *   "<namespace>/<Title>": "<one-line summary>",
 * None is known on this corpus.
 */
const OUR_BUGS: Record<string, string> = {};

interface Outcome {
  compared: string[];
  onlyOurs: string[];
  onlyTheirs: string[];
  /** Shape key → problems (each a direction and TypeScript's message). */
  failures: Map<string, string[]>;
  /** Diagnostics outside the checking lines: the generated outputs themselves do not compile. */
  outputErrors: string[];
  /** Titles json2ts emitted under another identifier (numeric suffix, casing), for the report. */
  renamedByJson2ts: number;
  ms: Record<string, number>;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringEnumWithBoolean(schema: JsonObject): boolean {
  const values = schema["enum"];
  return schema["type"] === "string" && Array.isArray(values) && values.some((v) => typeof v === "boolean");
}

/** Titles named by `#/components/schemas/X` anywhere in `value`. */
function referencedTitles(value: Json, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) referencedTitles(v, out);
  else if (isObject(value)) {
    for (const [k, child] of Object.entries(value)) {
      const m = k === "$ref" && typeof child === "string" ? COMPONENT_REF.exec(child) : null;
      if (m?.[1] !== undefined) out.add(m[1]);
      else referencedTitles(child, out);
    }
  }
  return out;
}

/** Whether a shape other than `key` that satisfies `target` is reachable from `key` through references. */
function reaches(key: string, corpus: Corpus, target: (schema: JsonObject) => boolean): boolean {
  const ns = key.slice(0, key.indexOf("/"));
  const seen = new Set([key]);
  const todo = [key];
  for (let k = todo.pop(); k !== undefined; k = todo.pop()) {
    for (const title of referencedTitles(corpus.schemas.get(k) ?? {})) {
      const next = `${ns}/${title}`;
      const schema = corpus.schemas.get(next);
      if (seen.has(next) || !schema) continue;
      if (target(schema)) return true;
      seen.add(next);
      todo.push(next);
    }
  }
  return false;
}

function readCorpus(): Corpus {
  const shapes: Shape[] = [];
  const schemas = new Map<string, JsonObject>();
  for (const file of readdirSync(cognitoJsonSchemaDir).filter((f) => f.endsWith(".json")).sort()) {
    const namespace = NAMESPACES.find((ns) => file.startsWith(`${ns}-`));
    if (!namespace) throw new Error(`${file}: not in a known namespace (${NAMESPACES.join(", ")})`);
    const schema = JSON.parse(readFileSync(join(cognitoJsonSchemaDir, file), "utf8")) as Json;
    if (!isObject(schema) || typeof schema["title"] !== "string") throw new Error(`${file}: no string title`);
    const key = `${namespace}/${schema["title"]}`;
    if (schemas.has(key)) throw new Error(`${file}: title ${key} is not unique in its namespace`);
    shapes.push({ key, namespace, title: schema["title"], file });
    schemas.set(key, schema);
  }
  return { shapes, schemas };
}

interface FoldStats {
  folded: number;
  unfolded: string[];
}

/** `#/components/schemas/X` → `#/definitions/X`, and `allOf: [{$ref}, {annotations…}]` → `{$ref, annotations}`. */
function forJson2ts(value: Json, stats: FoldStats, where: string): Json {
  if (Array.isArray(value)) return value.map((v, i) => forJson2ts(v, stats, `${where}/${i}`));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, child] of Object.entries(value)) {
    out[k] =
      k === "$ref" && typeof child === "string"
        ? child.replace(COMPONENT_REF, "#/definitions/$1")
        : forJson2ts(child, stats, `${where}/${k}`);
  }
  const allOf = out["allOf"];
  if (Array.isArray(allOf)) {
    const refs = allOf.filter((m) => isObject(m) && Object.keys(m).length === 1 && typeof m["$ref"] === "string");
    const others = allOf.filter((m) => !refs.includes(m));
    const annotationsOnly = others.every((m) => isObject(m) && Object.keys(m).every((k) => ANNOTATION_KEYWORDS.has(k)));
    if (refs.length === 1 && annotationsOnly) {
      const { allOf: _allOf, ...siblings } = out;
      stats.folded++;
      return Object.assign({}, siblings, ...(others as JsonObject[]), refs[0]) as JsonObject;
    }
    stats.unfolded.push(where);
  }
  return out;
}

/** The json2ts input for one namespace: its shapes as `definitions`, and one required root property per title. */
function json2tsRoot(shapes: Shape[], corpus: Corpus, stats: FoldStats, repair = (s: JsonObject) => s): JsonObject {
  const definitions: JsonObject = {};
  for (const s of shapes) {
    const { $id: _id, $schema: _schema, ...rest } = corpus.schemas.get(s.key)!;
    definitions[s.title] = forJson2ts(repair(rest), stats, s.file);
  }
  const titles = shapes.map((s) => s.title);
  return {
    type: "object",
    properties: Object.fromEntries(titles.map((t) => [t, { $ref: `#/definitions/${t}` }])),
    required: titles,
    additionalProperties: false,
    definitions,
  };
}

interface Check {
  shape: string;
  kind: "ours→theirs" | "theirs→ours" | "any";
}

async function runVariant(variant: Variant, corpus: Corpus): Promise<Outcome> {
  const ms: Record<string, number> = {};
  const timed = async <T>(label: string, f: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      ms[label] = Math.round(performance.now() - t0);
    }
  };
  const { shapes } = corpus;
  const byFile = new Map(shapes.map((s) => [join(cognitoJsonSchemaDir, s.file), s]));

  // Ours: every type whose source is the root of a corpus file.
  const ours = await timed("generate", () =>
    generate({ inputs: [cognitoJsonSchemaDir], namespaceBy: "prefix", ...variant.ours }),
  );
  const errors = ours.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`generate() reported errors: ${errors.map((d) => d.message).join("; ")}`);
  const ourType = new Map<string, { name: string; module: string }>();
  for (const t of ours.types) {
    const shape = t.source.pointer === "" ? byFile.get(t.source.uri) : undefined;
    if (shape) ourType.set(shape.key, { name: t.name, module: moduleBase(t.namespace) });
  }

  // Theirs: one json2ts run per namespace; the root interface lists `<title>: <json2ts identifier>`.
  const theirs: Record<string, string> = {};
  const theirTitles = new Set<string>();
  let renamedByJson2ts = 0;
  await timed("json2ts", async () => {
    for (const ns of NAMESPACES) {
      const input = json2tsRoot(shapes.filter((s) => s.namespace === ns), corpus, { folded: 0, unfolded: [] }, variant.repair);
      const source = await compile(input as JSONSchema, "Root", variant.json2ts);
      theirs[`theirs/${ns}.ts`] = source;
      const root = /^export interface Root \{\n([\s\S]*?)\n\}/m.exec(source)?.[1] ?? "";
      for (const m of root.matchAll(/^"?([^":?\n]+)"?: ([^\n]+)$/gm)) {
        theirTitles.add(`${ns}/${m[1]}`);
        if (m[1] !== m[2]) renamedByJson2ts++;
      }
    }
  });

  const compared = shapes.filter((s) => ourType.has(s.key) && theirTitles.has(s.key));
  const onlyOurs = shapes.filter((s) => ourType.has(s.key) && !theirTitles.has(s.key)).map((s) => s.key);
  const onlyTheirs = shapes.filter((s) => !ourType.has(s.key) && theirTitles.has(s.key)).map((s) => s.key);

  // The checking program: line i is checks[i] (undefined for the preamble).
  const alias = (ns: string) => ns.replace(/\W/g, "_");
  const lines = ["type IsAny<T> = 0 extends 1 & T ? true : false;"];
  for (const ns of NAMESPACES) {
    lines.push(`import type * as Ours_${alias(ns)} from "./ours/${moduleBase(ns)}.js";`);
    lines.push(`import type { Root as Theirs_${alias(ns)} } from "./theirs/${ns}.js";`);
  }
  const checks: (Check | undefined)[] = lines.map(() => undefined);
  compared.forEach((s, i) => {
    const { name, module } = ourType.get(s.key)!;
    const ourNs = NAMESPACES.find((ns) => moduleBase(ns) === module);
    if (ourNs === undefined) throw new Error(`${s.key}: our type is in module ${module}, not one of ${NAMESPACES.join(", ")}`);
    const o = `Ours_${alias(ourNs)}.${name}`;
    const t = `Theirs_${alias(s.namespace)}[${JSON.stringify(s.title)}]`;
    lines.push(`export const s${i}_a = (v: ${o}): ${t} => v;`);
    checks.push({ shape: s.key, kind: "ours→theirs" });
    lines.push(`export const s${i}_b = (v: ${t}): ${o} => v;`);
    checks.push({ shape: s.key, kind: "theirs→ours" });
    lines.push(`export const s${i}_c: [IsAny<${o}>, IsAny<${t}>] = [false, false];`);
    checks.push({ shape: s.key, kind: "any" });
  });

  const files: Record<string, string> = { "package.json": '{ "type": "module" }\n', "check.ts": lines.join("\n") + "\n", ...theirs };
  for (const [path, contents] of Object.entries(ours.files)) files[`ours/${path}`] = contents;
  const dir = writeTemp(files, "sf-differential-json2ts-");
  const failures = new Map<string, string[]>();
  const outputErrors: string[] = [];
  try {
    await timed("type-check", () => {
      const checkFile = join(dir, "check.ts");
      const program = ts.createProgram([checkFile], {
        strict: true,
        // Stricter than `strict`: `a?: T` and `a?: T | undefined` differ, as they do for such consumers.
        exactOptionalPropertyTypes: true,
        noEmit: true,
        skipLibCheck: false,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.Node16,
        moduleResolution: ts.ModuleResolutionKind.Node16,
        lib: ["lib.es2022.d.ts"],
        types: [],
      });
      const checkSource = program.getSourceFile(checkFile);
      for (const d of ts.getPreEmitDiagnostics(program)) {
        const message = ts.flattenDiagnosticMessageText(d.messageText, "\n  ").replace(/import\("[^"]*"(, \{[^)]*\})?\)\./g, "");
        if (d.file === undefined || d.start === undefined) {
          outputErrors.push(message);
          continue;
        }
        const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
        const check = d.file === checkSource ? checks[line] : undefined;
        if (!check) {
          outputErrors.push(`${d.file.fileName.slice(dir.length + 1)}(${line + 1},${character + 1}): ${message}`);
          continue;
        }
        failures.set(check.shape, [...(failures.get(check.shape) ?? []), `${check.kind}: ${message}`]);
      }
    });
  } finally {
    removeTemp(dir);
  }
  return { compared: compared.map((s) => s.key), onlyOurs, onlyTheirs, failures, outputErrors, renamedByJson2ts, ms };
}

/** Shape key → group name, for the variant (or every variant). */
function exceptionsFor(variant?: VariantName): Map<string, string> {
  const out = new Map<string, string>();
  for (const [group, g] of Object.entries(EXCEPTIONS)) {
    if (variant === undefined || g.variants.includes(variant)) for (const key of g.shapes) out.set(key, group);
  }
  return out;
}

describeShared(
  "differential: our types vs json-schema-to-typescript on the Cognito corpus",
  () => {
    let corpus: Corpus;
    beforeAll(() => {
      corpus = readCorpus();
    });

    it("folds every allOf of the corpus into {$ref, description} for json2ts", () => {
      const stats: FoldStats = { folded: 0, unfolded: [] };
      for (const ns of NAMESPACES) json2tsRoot(corpus.shapes.filter((s) => s.namespace === ns), corpus, stats);
      expect(stats.unfolded).toEqual([]);
      expect(stats.folded).toBeGreaterThan(1000);
    });

    it("lists each exception once, for a shape of the corpus whose schema has the fact its reason names", () => {
      const seen = new Map<string, string>();
      const problems: string[] = [];
      for (const [group, g] of Object.entries(EXCEPTIONS)) {
        for (const key of g.shapes) {
          const schema = corpus.schemas.get(key);
          if (seen.has(key)) problems.push(`${key}: in "${seen.get(key)}" and "${group}"`);
          if (key in OUR_BUGS) problems.push(`${key}: both excused ("${group}") and listed as OUR BUG`);
          if (!schema) problems.push(`${key}: no such shape in the corpus`);
          else if (!g.holds(schema, key, corpus)) problems.push(`${key}: the premise of "${group}" does not hold`);
          seen.set(key, group);
        }
      }
      expect(problems).toEqual([]);
    });

    for (const variant of VARIANTS) {
      describe(`variant: ${variant.name}`, () => {
        let outcome: Outcome;
        let started = 0;
        beforeAll(async () => {
          started = performance.now();
          outcome = await runVariant(variant, corpus);
        });
        afterAll(() => {
          if (!outcome) return;
          const excused = exceptionsFor(variant.name);
          const failing = [...outcome.failures.keys()];
          console.info(
            `differential json2ts [${variant.name}]: ${outcome.compared.length} of ${corpus.shapes.length} shapes compared ` +
              `(json2ts named ${outcome.renamedByJson2ts} of them other than their title); ${failing.length} differ: ` +
              `${failing.filter((k) => excused.has(k)).length} explained exceptions, ` +
              `${failing.filter((k) => k in OUR_BUGS).length} known bugs of ours, ` +
              `${failing.filter((k) => !excused.has(k) && !(k in OUR_BUGS)).length} unexplained; ` +
              `ms ${JSON.stringify(outcome.ms)}, total ${Math.round(performance.now() - started)}`,
          );
        });

        it("both outputs compile on their own", () => {
          expect(outcome.outputErrors).toEqual([]);
        });

        it(`compares every shape of the corpus (at least ${MIN_COMPARED})`, () => {
          expect(outcome.onlyOurs, "shapes json2ts did not produce").toEqual([]);
          expect(outcome.onlyTheirs, "shapes we did not produce").toEqual([]);
          expect(outcome.compared.length).toBeGreaterThanOrEqual(MIN_COMPARED);
          expect(outcome.compared.length).toBe(corpus.shapes.length);
        });

        it("agrees with json2ts on every shape except the explained exceptions", () => {
          const excused = exceptionsFor(variant.name);
          const unexplained = Object.fromEntries(
            [...outcome.failures].filter(([key]) => !excused.has(key) && !(key in OUR_BUGS)),
          );
          expect(unexplained).toEqual({});
        });

        for (const [group, g] of Object.entries(EXCEPTIONS).filter(([, g]) => g.variants.includes(variant.name))) {
          it(`exception "${group}": every listed shape still differs, in the explained way (${g.shapes.length})`, () => {
            const stale = g.shapes.filter((key) => !outcome.failures.has(key));
            expect(stale, `no longer differ, remove from EXCEPTIONS["${group}"]: ${g.reason}`).toEqual([]);
            const otherwise = g.shapes.flatMap((key) =>
              (outcome.failures.get(key) ?? []).filter((m) => !g.signature.test(m)).map((m) => `${key}: ${m}`),
            );
            expect(otherwise, `differ otherwise than EXCEPTIONS["${group}"] explains`).toEqual([]);
          });
        }

        for (const [key, summary] of Object.entries(OUR_BUGS)) {
          it(`OUR BUG ${key}: ${summary}`, () => {
            expect(outcome.compared).toContain(key);
            expect(outcome.failures.get(key) ?? []).toEqual([]);
          });
        }
      });
    }
  },
  cognitoJsonSchemaDir,
);
