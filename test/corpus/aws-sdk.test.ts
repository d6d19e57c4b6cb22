/**
 * Our Cognito types compared structurally with the official AWS SDK v3 types
 * (`@aws-sdk/client-cognito-identity-provider` ↔ namespace `cognito-idp`,
 * `@aws-sdk/client-cognito-identity` ↔ namespace `cognito-identity`).
 *
 * Both sides are loaded into one strict `ts.Program` and read through the checker: for every SDK interface,
 * enum and exception class whose name we also export, the member names, optional/required, and member types
 * (normalized to string / number / boolean / Date / Uint8Array / Document / literal set / enum X / array<…> /
 * record<…> / ref X) are compared, and so are enum values and the keys of the enums' `as const` objects.
 *
 * Every difference must be explained by a rule, and each rule checks its claim against the corpus schema
 * itself (never against our output):
 *   (a) schema age — the SDK is newer than the corpus (members, shapes, enum values, requiredness);
 *   (b) SDK conventions the schema cannot express — Date, Uint8Array, `| undefined`, exception classes, …;
 *   (c) the corpus' YAML 1.1 defect — `false`/`true` in an enum where "OFF"/"ON" were meant;
 *   (d) anything else: a candidate bug in our generator. The test requires zero of these.
 * Known class (d) differences that are real generator bugs are listed in OUR_BUGS (each keeps a test red).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { generate } from "../../src/index.js";
import { cognitoJsonSchemaDir, describeShared, projectRoot } from "../helpers/shared.js";

/** Our namespace ↔ SDK package, and the file-name prefix of that family in the corpus. */
const SERVICES = [
  { namespace: "cognito-idp", sdkPackage: "@aws-sdk/client-cognito-identity-provider", filePrefix: "cognito-idp-" },
  { namespace: "cognito-identity", sdkPackage: "@aws-sdk/client-cognito-identity", filePrefix: "cognito-identity-" },
] as const;

/** Exact number of same-named shapes (interfaces, enums, exception classes) compared, over both services. */
const EXPECTED_SHAPES_COMPARED = 395;

// ---------------------------------------------------------------------------------------------------------
// Differences and the rules that explain them
// ---------------------------------------------------------------------------------------------------------

type DiffClass = "a" | "b" | "c" | "d";
type DiffKind =
  /** The SDK declares a shape that we do not export. */
  | "sdk-only-shape"
  /** We export a shape that the SDK does not declare. */
  | "ours-only-shape"
  /** Same name, different kind of declaration (structure / enum / exception / map / alias / unknown). */
  | "shape-kind"
  | "member-missing"
  | "member-extra"
  | "optionality"
  /** The SDK adds `| undefined` to a member's declared type, we do not. */
  | "sdk-undefined"
  | "member-type"
  /** A string index signature on one side only, or with different value types. */
  | "index-signature"
  /** One enum value the SDK has and we do not (one difference per value). */
  | "enum-value-missing"
  | "enum-value-extra"
  /** The keys of the enum's `as const` object differ. */
  | "enum-keys";

interface Difference {
  namespace: string;
  shape: string;
  member?: string;
  kind: DiffKind;
  sdk: string;
  ours: string;
}

interface Rule {
  id: string;
  class: Exclude<DiffClass, "d">;
  reason: string;
  applies(d: Difference, ctx: Context): boolean;
}

/** What rules may consult: the corpus, the SDK's enums, and our diagnostics. */
interface Context {
  corpus: Corpus;
  sdkEnumValues(namespace: string, name: string): string[] | undefined;
  diagnostics: Diagnostic[];
}

const YAML11_FALSE = new Set(["n", "no", "false", "off"]);
const YAML11_TRUE = new Set(["y", "yes", "true", "on"]);
/** How a YAML 1.1 parser reads an unquoted scalar: a boolean for the words above, else undefined. */
function yaml11Boolean(word: string): boolean | undefined {
  const w = word.toLowerCase();
  if (YAML11_FALSE.has(w)) return false;
  if (YAML11_TRUE.has(w)) return true;
  return undefined;
}

/** `enum X` inside a description, replaced by the SDK's literal set for X (to compare with an inlined enum). */
function inlineSdkEnums(desc: string, namespace: string, ctx: Context): string {
  return desc.replace(/enum ([A-Za-z0-9_]+)/g, (whole, name: string) => {
    const values = ctx.sdkEnumValues(namespace, name);
    return values ? literals(values) : whole;
  });
}

/** The corpus schema of a member (after following `$ref` and `allOf`), or undefined. */
function corpusMember(d: Difference, ctx: Context): JsonObject | undefined {
  return d.member === undefined ? undefined : ctx.corpus.property(d.namespace, d.shape, d.member);
}

const RULES: Rule[] = [
  // (a) schema age: the SDK is newer than the corpus --------------------------------------------------------
  {
    id: "newer-shape",
    class: "a",
    reason: "the SDK declares a shape that the corpus has no schema for (added to the API after the corpus was made)",
    applies: (d, ctx) => d.kind === "sdk-only-shape" && ctx.corpus.shape(d.namespace, d.shape) === undefined,
  },
  {
    id: "newer-member",
    class: "a",
    reason: "the SDK has a member that the corpus schema of the shape does not list",
    applies: (d, ctx) => d.kind === "member-missing" && ctx.corpus.shape(d.namespace, d.shape) !== undefined && corpusMember(d, ctx) === undefined,
  },
  {
    id: "newer-enum-value",
    class: "a",
    reason: "the SDK enum has a value that the corpus enum does not list",
    applies: (d, ctx) => {
      if (d.kind !== "enum-value-missing") return false;
      const values = ctx.corpus.enumValues(d.namespace, d.shape);
      return values !== undefined && !values.includes(d.sdk) && yaml11Boolean(d.sdk) === undefined;
    },
  },
  {
    id: "requiredness-changed",
    class: "a",
    reason: "the SDK changed whether the member is required (e.g. passwordless sign-up made Password optional); ours follows the corpus' `required`",
    applies: (d, ctx) => {
      if (d.kind !== "optionality" || d.member === undefined) return false;
      const required = ctx.corpus.required(d.namespace, d.shape);
      return required !== undefined && required.includes(d.member) === (d.ours === "required");
    },
  },
  // (b) SDK modelling conventions the schema cannot express ------------------------------------------------
  {
    id: "sdk-undefined",
    class: "b",
    reason: "the SDK declares every member as `T | undefined` (required members too: requiredness is validated by the service, not the client)",
    applies: (d) => d.kind === "sdk-undefined",
  },
  {
    id: "timestamp",
    class: "b",
    reason: "the SDK deserializes Smithy timestamps to `Date`; in JSON the corpus has a `format: date-time` string (or epoch-seconds number)",
    applies: (d, ctx) => {
      if (d.kind !== "member-type" || d.sdk !== "Date" || !(d.ours === "string" || d.ours === "number")) return false;
      const s = corpusMember(d, ctx);
      if (s === undefined) return false;
      return d.ours === "string" ? s["type"] === "string" && s["format"] === "date-time" : s["type"] === "number" || s["type"] === "integer";
    },
  },
  {
    id: "blob",
    class: "b",
    reason: "the SDK types Smithy blobs as `Uint8Array`; in JSON a blob is a (base64) string",
    applies: (d, ctx) => d.kind === "member-type" && d.sdk === "Uint8Array" && d.ours === "string" && corpusMember(d, ctx)?.["type"] === "string",
  },
  {
    id: "document",
    class: "b",
    reason: "the SDK types Smithy documents as `__DocumentType`; JSON Schema has no such type (any JSON value)",
    applies: (d) => d.kind === "member-type" && d.sdk === "Document" && (d.ours === "unknown" || d.ours === "any"),
  },
  {
    id: "enum-widened",
    class: "b",
    reason: "the SDK widens an enum member with `| string` (forward compatibility)",
    applies: (d) => {
      const parts = d.sdk.split(" | ");
      return d.kind === "member-type" && parts.includes("string") && parts.filter((p) => p !== "string").join(" | ") === d.ours;
    },
  },
  {
    id: "inline-enum",
    class: "b",
    reason: "the corpus inlines the enum of a list's items (no $ref), so the schema cannot name it; the values are the SDK enum's",
    applies: (d, ctx) => {
      if (d.kind !== "member-type" || !d.ours.includes("literals(")) return false;
      const s = corpusMember(d, ctx);
      const items = s?.["items"];
      const inlined = isObject(items) && Array.isArray(items["enum"]) && items["$ref"] === undefined;
      return inlined && inlineSdkEnums(d.sdk, d.namespace, ctx) === d.ours;
    },
  },
  {
    id: "exception-class",
    class: "b",
    reason: "the SDK models errors as classes extending ServiceException; the corpus' exception schemas are typeless (no type, no properties)",
    applies: (d, ctx) => {
      if (d.kind !== "shape-kind" || !d.sdk.startsWith("exception") || d.ours !== "unknown") return false;
      const s = ctx.corpus.shape(d.namespace, d.shape);
      return s !== undefined && s["type"] === undefined && s["properties"] === undefined && s["$ref"] === undefined && s["allOf"] === undefined;
    },
  },
  {
    id: "open-empty-structure",
    class: "b",
    reason:
      "an empty Smithy structure is an empty interface in the SDK; the corpus has `type: object, properties: {}`, which JSON Schema leaves open to any property",
    applies: (d, ctx) => {
      if (d.kind !== "index-signature" || d.sdk !== "none" || d.ours !== "record<unknown>") return false;
      const s = ctx.corpus.shape(d.namespace, d.shape);
      const props = s?.["properties"];
      return s !== undefined && s["type"] === "object" && isObject(props) && Object.keys(props).length === 0 && s["additionalProperties"] === undefined;
    },
  },
  {
    id: "named-simple-shape",
    class: "b",
    reason: "the SDK inlines simple shapes, lists and maps into members (`string`, `X[]`, `Record<string, X>`); the corpus names them and so do we",
    applies: (d, ctx) =>
      d.kind === "ours-only-shape" &&
      /^(alias|map) /.test(d.ours) &&
      !/^alias (enum|ref) /.test(d.ours) &&
      ctx.corpus.shape(d.namespace, d.shape) !== undefined,
  },
  {
    id: "enum-keys",
    class: "b",
    reason: 'the SDK\'s enum object keys are Smithy member names (e.g. BOOLEAN: "Boolean"); a JSON Schema enum has values only, so our keys are the values',
    applies: (d) => {
      if (d.kind !== "enum-keys") return false;
      return Object.entries(JSON.parse(d.ours) as Record<string, string>).every(([key, value]) => key === value);
    },
  },
  // (c) the corpus' YAML 1.1 defect -------------------------------------------------------------------------
  {
    id: "yaml11-boolean",
    class: "c",
    reason:
      "the corpus enum has a boolean where this word was meant (YAML 1.1 reads unquoted OFF/ON as false/true); we drop it with an enum-type-mismatch warning",
    applies: (d, ctx) => {
      if (d.kind !== "enum-value-missing") return false;
      const meant = yaml11Boolean(d.sdk);
      const file = ctx.corpus.fileOf(d.namespace, d.shape);
      const values = ctx.corpus.rawEnum(d.namespace, d.shape);
      return (
        meant !== undefined &&
        file !== undefined &&
        values !== undefined &&
        values.includes(meant) &&
        ctx.diagnostics.some((g) => g.code === "enum-type-mismatch" && g.uri !== undefined && g.uri.endsWith(file))
      );
    },
  },
];

/**
 * Known class (d) differences that are bugs in our generator. Each entry keeps the "known generator bugs"
 * test red until the generator is fixed (then delete the entry). Empty when there are none.
 */
const OUR_BUGS: { id: string; matches(d: Difference): boolean; repro: string }[] = [];

function classify(d: Difference, ctx: Context): { class: DiffClass; rule?: string } {
  for (const rule of RULES) if (rule.applies(d, ctx)) return { class: rule.class, rule: rule.id };
  return { class: "d" };
}

function formatDiff(d: Difference): string {
  return `${d.namespace} ${d.shape}${d.member === undefined ? "" : "." + d.member} [${d.kind}] sdk: ${d.sdk || "—"} | ours: ${d.ours || "—"}`;
}

// ---------------------------------------------------------------------------------------------------------
// The corpus, read directly (rules check their claims against it, never against our output)
// ---------------------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

class Corpus {
  private readonly byTitle = new Map<string, { file: string; schema: JsonObject }>();

  constructor(dir: string) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      const service = SERVICES.find((s) => file.startsWith(s.filePrefix));
      if (!service) continue;
      const schema = JSON.parse(readFileSync(join(dir, file), "utf8")) as Json;
      if (!isObject(schema) || typeof schema["title"] !== "string") continue;
      this.byTitle.set(`${service.namespace}/${schema["title"]}`, { file, schema });
    }
  }

  shape(namespace: string, title: string): JsonObject | undefined {
    return this.byTitle.get(`${namespace}/${title}`)?.schema;
  }

  fileOf(namespace: string, title: string): string | undefined {
    return this.byTitle.get(`${namespace}/${title}`)?.file;
  }

  /** The schema with `$ref` (to a sibling component, by title) and `allOf` followed and merged. */
  deref(namespace: string, schema: Json | undefined, depth = 0): JsonObject | undefined {
    if (!isObject(schema) || depth > 20) return undefined;
    let out: JsonObject = {};
    const ref = schema["$ref"];
    if (typeof ref === "string") {
      const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
      const target = m?.[1] === undefined ? undefined : this.deref(namespace, this.shape(namespace, m[1]), depth + 1);
      if (target) out = { ...target };
    }
    const allOf = schema["allOf"];
    if (Array.isArray(allOf)) for (const part of allOf) out = { ...out, ...this.deref(namespace, part, depth + 1) };
    for (const [k, v] of Object.entries(schema)) if (k !== "$ref" && k !== "allOf") out[k] = v;
    return out;
  }

  property(namespace: string, title: string, member: string): JsonObject | undefined {
    const shape = this.deref(namespace, this.shape(namespace, title));
    const props = shape?.["properties"];
    return isObject(props) && props[member] !== undefined ? this.deref(namespace, props[member]) : undefined;
  }

  required(namespace: string, title: string): string[] | undefined {
    const shape = this.deref(namespace, this.shape(namespace, title));
    if (!shape) return undefined;
    const req = shape["required"];
    return Array.isArray(req) ? req.filter((r): r is string => typeof r === "string") : [];
  }

  rawEnum(namespace: string, title: string): Json[] | undefined {
    const e = this.deref(namespace, this.shape(namespace, title))?.["enum"];
    return Array.isArray(e) ? e : undefined;
  }

  enumValues(namespace: string, title: string): string[] | undefined {
    return this.rawEnum(namespace, title)?.filter((v): v is string => typeof v === "string");
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reading both sides through the TypeScript checker
// ---------------------------------------------------------------------------------------------------------

interface Member {
  optional: boolean;
  /** The declared type includes `undefined` explicitly. */
  undefinedAdded: boolean;
  type: string;
}

type Shape =
  | { kind: "structure"; members: Map<string, Member>; /** The string index signature's value type, if any. */ index?: string }
  | { kind: "enum"; values: string[]; keys: Record<string, string> }
  | { kind: "exception"; members: Map<string, Member> }
  /** An object with only a string index signature (a map, or an open object): `record<…>`. */
  | { kind: "map"; type: string }
  | { kind: "unknown" }
  /** Anything else: a primitive, list, literal or union alias. */
  | { kind: "alias"; type: string };

function shapeKind(s: Shape): string {
  switch (s.kind) {
    case "structure":
      return s.members.size === 0 && s.index === undefined ? "structure{}" : "structure";
    case "enum":
      return "enum";
    case "exception":
      return `exception(${[...s.members.keys()].join(",")})`;
    case "map":
      return `map ${s.type}`;
    case "unknown":
      return "unknown";
    case "alias":
      return `alias ${s.type}`;
  }
}

function literals(values: readonly string[]): string {
  return `literals(${[...values]
    .sort()
    .map((v) => JSON.stringify(v))
    .join("|")})`;
}

class Reader {
  constructor(
    private readonly program: ts.Program,
    private readonly checker = program.getTypeChecker(),
  ) {}

  private resolve(symbol: ts.Symbol | undefined): ts.Symbol | undefined {
    return symbol && symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
  }

  /** An enum: a type alias merged with a same-named const, whose type is one or more string literals. */
  isEnum(symbol: ts.Symbol): boolean {
    if (!(symbol.flags & ts.SymbolFlags.TypeAlias) || !(symbol.flags & ts.SymbolFlags.Variable)) return false;
    return this.stringLiterals(this.checker.getDeclaredTypeOfSymbol(symbol)) !== undefined;
  }

  private stringLiterals(type: ts.Type): string[] | undefined {
    const parts = type.isUnion() ? type.types : [type];
    if (!parts.every((t) => t.isStringLiteral())) return undefined;
    return parts.map((t) => (t as ts.StringLiteralType).value);
  }

  private isLibType(type: ts.Type, name: string): boolean {
    const symbol = type.getSymbol();
    return symbol?.name === name && (symbol.declarations ?? []).some((d) => this.program.isSourceFileDefaultLibrary(d.getSourceFile()));
  }

  /** A normalized description of a type; `node` (its declaration) keeps enum names that unions flatten away. */
  describe(type: ts.Type, node?: ts.TypeNode): string {
    const checker = this.checker;
    if (node) {
      if (ts.isParenthesizedTypeNode(node)) return this.describe(checker.getTypeFromTypeNode(node.type), node.type);
      const literal = openObjectLiteral(node);
      if (literal) return this.describe(checker.getTypeFromTypeNode(literal), literal);
      if (ts.isUnionTypeNode(node)) {
        const parts = node.types.filter((n) => n.kind !== ts.SyntaxKind.UndefinedKeyword);
        if (parts.length === 1 && parts[0]) return this.describe(checker.getTypeFromTypeNode(parts[0]), parts[0]);
        if (!parts.every((p) => ts.isLiteralTypeNode(p))) {
          return parts
            .map((p) => this.describe(checker.getTypeFromTypeNode(p), p))
            .sort()
            .join(" | ");
        }
      }
      if (ts.isArrayTypeNode(node)) return `array<${this.describe(checker.getTypeFromTypeNode(node.elementType), node.elementType)}>`;
      if (ts.isTypeReferenceNode(node)) {
        const symbol = this.resolve(checker.getSymbolAtLocation(node.typeName));
        if (symbol && this.isEnum(symbol)) return `enum ${symbol.name}`;
        const args = node.typeArguments ?? [];
        if (symbol?.name === "Record" && args.length === 2 && args[0] && args[1] && checker.getTypeFromTypeNode(args[0]).flags & ts.TypeFlags.String) {
          return `record<${this.describe(checker.getTypeFromTypeNode(args[1]), args[1])}>`;
        }
        if (symbol?.name === "DocumentType") return "Document";
        const alias = symbol && symbol.flags & ts.SymbolFlags.TypeAlias ? symbol.declarations?.find(ts.isTypeAliasDeclaration) : undefined;
        if (alias && args.length === 0 && openObjectLiteral(alias.type)) return `ref ${symbol!.name}`;
        if (alias && args.length === 0) return this.describe(checker.getTypeFromTypeNode(alias.type), alias.type);
      }
    }
    return this.describeType(type);
  }

  private describeType(type: ts.Type): string {
    const checker = this.checker;
    if (type.aliasSymbol?.name === "DocumentType") return "Document";
    const f = type.flags;
    if (f & ts.TypeFlags.String) return "string";
    if (f & ts.TypeFlags.Number) return "number";
    if (f & ts.TypeFlags.Boolean) return "boolean";
    if (f & ts.TypeFlags.Unknown) return "unknown";
    if (f & ts.TypeFlags.Any) return "any";
    if (f & ts.TypeFlags.Null) return "null";
    if (f & ts.TypeFlags.BooleanLiteral) return checker.typeToString(type);
    if (f & ts.TypeFlags.NumberLiteral) return checker.typeToString(type);
    const strings = this.stringLiterals(type);
    if (strings) return literals(strings);
    if (type.isUnion()) {
      const parts = type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined));
      const booleans = parts.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
      const others = parts.filter((t) => !(t.flags & ts.TypeFlags.BooleanLiteral));
      const out = others.map((t) => this.describeType(t));
      if (booleans.length === 2) out.push("boolean");
      else out.push(...booleans.map((t) => checker.typeToString(t)));
      return out.sort().join(" | ");
    }
    if (checker.isArrayType(type)) {
      const [element] = checker.getTypeArguments(type as ts.TypeReference);
      return `array<${element ? this.describeType(element) : "?"}>`;
    }
    if (f & ts.TypeFlags.Object) {
      if (this.isLibType(type, "Date")) return "Date";
      if (this.isLibType(type, "Uint8Array")) return "Uint8Array";
      const props = checker.getPropertiesOfType(type);
      const index = checker.getIndexInfosOfType(type);
      const only = index[0];
      if (props.length === 0 && index.length === 1 && only && only.keyType.flags & ts.TypeFlags.String) {
        return `record<${this.describe(only.type, only.declaration?.type)}>`;
      }
      const symbol = type.getSymbol();
      if (symbol && symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class)) return `ref ${symbol.name}`;
      if (props.length === 0 && index.length === 0) return "{}";
      return `object{${props.map((p) => `${p.name}${p.flags & ts.SymbolFlags.Optional ? "?" : ""}: ${this.memberOf(p).type}`).join("; ")}}`;
    }
    return `?${checker.typeToString(type)}`;
  }

  private memberOf(p: ts.Symbol): Member {
    const d = p.valueDeclaration;
    const node = d && (ts.isPropertySignature(d) || ts.isPropertyDeclaration(d)) ? d.type : undefined;
    const type = node ? this.checker.getTypeFromTypeNode(node) : this.checker.getTypeOfSymbol(p);
    const undefinedAdded = node
      ? ts.isUnionTypeNode(node) && node.types.some((n) => n.kind === ts.SyntaxKind.UndefinedKeyword)
      : type.isUnion() && type.types.some((t) => t.flags & ts.TypeFlags.Undefined);
    return { optional: (p.flags & ts.SymbolFlags.Optional) !== 0, undefinedAdded, type: this.describe(type, node) };
  }

  members(type: ts.Type, skip: (p: ts.Symbol) => boolean = () => false): Map<string, Member> {
    const out = new Map<string, Member>();
    for (const p of this.checker.getPropertiesOfType(type)) if (!skip(p)) out.set(p.name, this.memberOf(p));
    return out;
  }

  private structure(type: ts.Type): Shape {
    const index = this.checker.getIndexInfosOfType(type).find((i) => i.keyType.flags & ts.TypeFlags.String);
    const members = this.members(type);
    return index ? { kind: "structure", members, index: this.describe(index.type, index.declaration?.type) } : { kind: "structure", members };
  }

  private enumShape(symbol: ts.Symbol): Shape {
    const values = this.stringLiterals(this.checker.getDeclaredTypeOfSymbol(symbol)) ?? [];
    const keys: Record<string, string> = {};
    for (const p of this.checker.getPropertiesOfType(this.checker.getTypeOfSymbol(symbol))) {
      const t = this.checker.getTypeOfSymbol(p);
      keys[p.name] = t.isStringLiteral() ? t.value : this.checker.typeToString(t);
    }
    return { kind: "enum", values, keys };
  }

  /** The SDK's shapes in its model files: interfaces, enums (enums.d.ts), exception classes (errors.d.ts). */
  sdkShapes(files: string[]): Map<string, Shape> {
    const out = new Map<string, Shape>();
    for (const file of files) {
      const source = this.program.getSourceFile(file);
      if (!source) throw new Error(`${file} is not in the program`);
      for (const statement of source.statements) {
        if (!(ts.isInterfaceDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isTypeAliasDeclaration(statement))) continue;
        if (!statement.name) continue;
        const symbol = this.checker.getSymbolAtLocation(statement.name);
        if (!symbol) continue;
        const name = statement.name.text;
        if (ts.isInterfaceDeclaration(statement)) {
          out.set(name, this.structure(this.checker.getDeclaredTypeOfSymbol(symbol)));
        } else if (ts.isClassDeclaration(statement)) {
          // Only the members the model declares: not `name`/`$fault`/`shapeId` and not those of ServiceException.
          const notModelled = (p: ts.Symbol): boolean => !(p.declarations ?? []).some((d) => d.parent === statement) || ["name", "$fault"].includes(p.name);
          out.set(name, { kind: "exception", members: this.members(this.checker.getDeclaredTypeOfSymbol(symbol), notModelled) });
        } else if (this.isEnum(symbol)) {
          out.set(name, this.enumShape(symbol));
        } else {
          out.set(name, { kind: "alias", type: this.describe(this.checker.getDeclaredTypeOfSymbol(symbol), statement.type) });
        }
      }
    }
    return out;
  }

  /** Every type we export from one namespace module. */
  ourShapes(file: string): Map<string, Shape> {
    const source = this.program.getSourceFile(file);
    const module = source && this.checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`${file}: not a module`);
    const out = new Map<string, Shape>();
    for (const symbol of this.checker.getExportsOfModule(module)) {
      if (!(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))) continue;
      if (this.isEnum(symbol)) {
        out.set(symbol.name, this.enumShape(symbol));
        continue;
      }
      const type = this.checker.getDeclaredTypeOfSymbol(symbol);
      const alias = symbol.declarations?.find(ts.isTypeAliasDeclaration);
      const described = this.describe(type, alias?.type);
      if (type.flags & ts.TypeFlags.Unknown) out.set(symbol.name, { kind: "unknown" });
      else if (described.startsWith("record<")) out.set(symbol.name, { kind: "map", type: described });
      else if (symbol.flags & ts.SymbolFlags.Interface || described.startsWith("object{") || openObjectLiteral(alias?.type)) {
        out.set(symbol.name, this.structure(type));
      } else out.set(symbol.name, { kind: "alias", type: described });
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------------------------------------

interface Comparison {
  compared: number;
  /** Shapes compared, by the SDK's kind of declaration. */
  comparedByKind: Record<string, number>;
  /** Member types that agree, by normalized description (shape names replaced by X): what the comparison saw. */
  agreed: Map<string, number>;
  differences: { diff: Difference; class: DiffClass; rule?: string }[];
  sdkVersions: Record<string, string>;
}

function compareShapes(namespace: string, name: string, sdk: Shape, oursShape: Shape, out: Difference[], agreed: Map<string, number>): void {
  let ours = oursShape;
  const diff = (kind: DiffKind, sdkText: string, oursText: string, member?: string): void => {
    out.push({ namespace, shape: name, kind, sdk: sdkText, ours: oursText, ...(member === undefined ? {} : { member }) });
  };
  // A map (an object with only an index signature) stands for a structure with no members where the SDK has one.
  if (sdk.kind === "structure" && ours.kind === "map") ours = { kind: "structure", members: new Map(), index: ours.type.slice("record<".length, -1) };
  if (sdk.kind === "structure" && ours.kind === "structure") {
    if (sdk.index !== ours.index)
      diff("index-signature", sdk.index === undefined ? "none" : `record<${sdk.index}>`, ours.index === undefined ? "none" : `record<${ours.index}>`);
    for (const [member, s] of sdk.members) {
      const o = ours.members.get(member);
      if (!o) {
        diff("member-missing", s.type, "", member);
        continue;
      }
      if (s.optional !== o.optional) diff("optionality", s.optional ? "optional" : "required", o.optional ? "optional" : "required", member);
      if (s.undefinedAdded && !o.undefinedAdded) diff("sdk-undefined", `${s.type} | undefined`, o.type, member);
      if (s.type !== o.type) diff("member-type", s.type, o.type, member);
      else agreed.set(s.type.replace(/(ref|enum) \w+/g, "$1 X"), (agreed.get(s.type.replace(/(ref|enum) \w+/g, "$1 X")) ?? 0) + 1);
    }
    for (const [member, o] of ours.members) if (!sdk.members.has(member)) diff("member-extra", "", o.type, member);
  } else if (sdk.kind === "enum" && ours.kind === "enum") {
    for (const v of sdk.values) if (!ours.values.includes(v)) diff("enum-value-missing", v, "");
    for (const v of ours.values) if (!sdk.values.includes(v)) diff("enum-value-extra", "", v);
    const keys = (k: Record<string, string>): string => JSON.stringify(Object.fromEntries(Object.entries(k).sort(([a], [b]) => a.localeCompare(b))));
    if (keys(sdk.keys) !== keys(ours.keys)) diff("enum-keys", keys(sdk.keys), keys(ours.keys));
  } else if (shapeKind(sdk) !== shapeKind(ours)) {
    diff("shape-kind", shapeKind(sdk), shapeKind(ours));
  }
}

async function compare(): Promise<{ comparison: Comparison; files: Record<string, string>; diagnostics: Diagnostic[] }> {
  const result = await generate({ inputs: [cognitoJsonSchemaDir] });
  return { comparison: compareInTempDir(result.files, result.diagnostics), files: result.files, diagnostics: result.diagnostics };
}

function compareInTempDir(files: Record<string, string>, diagnostics: Diagnostic[]): Comparison {
  const dir = mkdtempSync(join(tmpdir(), "sf-aws-sdk-"));
  try {
    return compareFiles(files, diagnostics, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Compares generated `files` (as `generate()` returns them) with the SDK; `dir` receives our .d.ts files. */
function compareFiles(files: Record<string, string>, diagnostics: Diagnostic[], dir: string): Comparison {
  const sdkVersions: Record<string, string> = {};
  const sdkFiles = new Map<string, string[]>();
  const ourFiles = new Map<string, string>();
  for (const s of SERVICES) {
    const root = join(projectRoot, "node_modules", ...s.sdkPackage.split("/"));
    sdkVersions[s.sdkPackage] = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
    const models = join(root, "dist-types", "models");
    sdkFiles.set(
      s.namespace,
      readdirSync(models)
        .filter((f) => /^(models_\d+|enums|errors)\.d\.ts$/.test(f))
        .sort()
        .map((f) => join(models, f)),
    );
    const ours = `types/${s.namespace}.d.ts`;
    const contents = files[ours];
    if (contents === undefined) throw new Error(`generate() produced no ${ours} (files: ${Object.keys(files).join(", ")})`);
    writeFileSync(join(dir, `${s.namespace}.d.ts`), contents);
    ourFiles.set(s.namespace, join(dir, `${s.namespace}.d.ts`));
  }
  const program = ts.createProgram([...ourFiles.values(), ...[...sdkFiles.values()].flat()], {
    strict: true,
    noEmit: true,
    // Declaration files are what we compare, so they are checked (skipLibCheck would skip them all).
    skipLibCheck: false,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  });
  // Our files must compile, and the SDK's model files must resolve and check (an unresolved import would
  // silently read as `any`). Only these files are checked, not the rest of the SDK.
  const checked = [...ourFiles.values(), ...[...sdkFiles.values()].flat()];
  const errors = [
    ...program.getGlobalDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...checked.flatMap((f) => ts.getPreEmitDiagnostics(program, program.getSourceFile(f))),
  ]
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  if (errors.length > 0) throw new Error(`the compared declaration files do not type-check:\n${errors.slice(0, 20).join("\n")}`);

  const reader = new Reader(program);
  const corpus = new Corpus(cognitoJsonSchemaDir);
  const raw: Difference[] = [];
  const sdkByNamespace = new Map<string, Map<string, Shape>>();
  let compared = 0;
  const comparedByKind: Record<string, number> = {};
  const agreed = new Map<string, number>();
  for (const s of SERVICES) {
    const sdk = reader.sdkShapes(sdkFiles.get(s.namespace) ?? []);
    const ours = reader.ourShapes(ourFiles.get(s.namespace) ?? "");
    sdkByNamespace.set(s.namespace, sdk);
    for (const [name, sdkShape] of sdk) {
      const ourShape = ours.get(name);
      if (!ourShape) {
        raw.push({ namespace: s.namespace, shape: name, kind: "sdk-only-shape", sdk: shapeKind(sdkShape), ours: "" });
        continue;
      }
      compared++;
      comparedByKind[sdkShape.kind] = (comparedByKind[sdkShape.kind] ?? 0) + 1;
      compareShapes(s.namespace, name, sdkShape, ourShape, raw, agreed);
    }
    for (const [name, ourShape] of ours) {
      if (!sdk.has(name)) raw.push({ namespace: s.namespace, shape: name, kind: "ours-only-shape", sdk: "", ours: shapeKind(ourShape) });
    }
  }
  const ctx: Context = {
    corpus,
    diagnostics,
    sdkEnumValues: (namespace, name) => {
      const shape = sdkByNamespace.get(namespace)?.get(name);
      return shape?.kind === "enum" ? shape.values : undefined;
    },
  };
  return { compared, comparedByKind, sdkVersions, agreed, differences: raw.map((diff) => ({ diff, ...classify(diff, ctx) })) };
}

/**
 * Differences planted in our generated cognito-idp.d.ts (edits located through the TypeScript AST, so the
 * generator's formatting does not matter), each of which the comparison must report as class (d).
 */
const PLANTED: { expect: string[]; edit(source: ts.SourceFile): { start: number; end: number; text: string } }[] = [
  {
    expect: ["AdminCreateUserRequest.Username optionality"],
    edit: (sf) => ({ ...at(member(sf, "AdminCreateUserRequest", "Username").name, "end"), text: "?" }),
  },
  {
    expect: ["AdminCreateUserRequest.TemporaryPassword member-type"],
    edit: (sf) => ({ ...span(member(sf, "AdminCreateUserRequest", "TemporaryPassword").type), text: "number" }),
  },
  {
    expect: ["AdminCreateUserRequest.ValidationData member-missing"],
    edit: (sf) => ({ ...span(member(sf, "AdminCreateUserRequest", "ValidationData"), true), text: "" }),
  },
  { expect: ["UserType.UserCreateDate member-type"], edit: (sf) => ({ ...span(member(sf, "UserType", "UserCreateDate").type), text: "number" }) },
  { expect: ["MessageActionType enum-value-missing"], edit: (sf) => ({ ...span(enumLiteral(sf, "MessageActionType", "SUPPRESS")), text: "never" }) },
  {
    expect: ["AdminCreateUserResponse sdk-only-shape", "AdminCreateUserResponseRenamed ours-only-shape"],
    edit: (sf) => ({ ...at(declaration(sf, "AdminCreateUserResponse").name, "end"), text: "Renamed" }),
  },
];

/**
 * `{ … } & object`: how we print an open object whose members are all optional (TypeScript's weak-type rule
 * would otherwise reject values sharing none of them); the SDK declares the same shape as an interface.
 */
function openObjectLiteral(node: ts.TypeNode | undefined): ts.TypeLiteralNode | undefined {
  if (!node || !ts.isIntersectionTypeNode(node) || node.types.length !== 2) return undefined;
  if (!node.types.some((t) => t.kind === ts.SyntaxKind.ObjectKeyword)) return undefined;
  return node.types.find(ts.isTypeLiteralNode);
}

function declaration(sf: ts.SourceFile, name: string): ts.InterfaceDeclaration | ts.TypeAliasDeclaration {
  const found = sf.statements.find(
    (s): s is ts.InterfaceDeclaration | ts.TypeAliasDeclaration => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name.text === name,
  );
  if (!found) throw new Error(`cannot plant: ${name} is not declared in ${sf.fileName}`);
  return found;
}

function member(sf: ts.SourceFile, shape: string, name: string): ts.PropertySignature & { type: ts.TypeNode } {
  const d = declaration(sf, shape);
  const members = ts.isInterfaceDeclaration(d) ? d.members : openObjectLiteral(d.type)?.members;
  const m = members?.find((m) => m.name !== undefined && ts.isIdentifier(m.name) && m.name.text === name);
  if (!m || !ts.isPropertySignature(m) || !m.type) throw new Error(`cannot plant: ${shape}.${name} is not a property of an interface`);
  return m as ts.PropertySignature & { type: ts.TypeNode };
}

function enumLiteral(sf: ts.SourceFile, shape: string, value: string): ts.TypeNode {
  const d = declaration(sf, shape);
  const parts = ts.isTypeAliasDeclaration(d) && ts.isUnionTypeNode(d.type) ? d.type.types : [];
  const found = parts.find((p) => ts.isLiteralTypeNode(p) && ts.isStringLiteral(p.literal) && p.literal.text === value);
  if (!found) throw new Error(`cannot plant: ${shape} has no literal ${JSON.stringify(value)}`);
  return found;
}

function span(node: ts.Node, withComments = false): { start: number; end: number } {
  return { start: withComments ? node.getFullStart() : node.getStart(), end: node.getEnd() };
}

/** An empty span just after `node` (an insertion point). */
function at(node: ts.Node, where: "end"): { start: number; end: number } {
  return where === "end" ? { start: node.getEnd(), end: node.getEnd() } : { start: node.getStart(), end: node.getStart() };
}

function plant(text: string): string {
  const sf = ts.createSourceFile("cognito-idp.d.ts", text, ts.ScriptTarget.ES2022, true);
  const edits = PLANTED.map((p) => p.edit(sf)).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function summary(c: Comparison): string {
  const byClass: Record<DiffClass, number> = { a: 0, b: 0, c: 0, d: 0 };
  const byRule = new Map<string, number>();
  for (const d of c.differences) {
    byClass[d.class]++;
    const key = `(${d.class}) ${d.rule ?? "UNEXPLAINED"}`;
    byRule.set(key, (byRule.get(key) ?? 0) + 1);
  }
  const unused = RULES.filter((r) => !c.differences.some((d) => d.rule === r.id)).map((r) => r.id);
  return [
    `AWS SDK comparison (${Object.entries(c.sdkVersions)
      .map(([p, v]) => `${p}@${v}`)
      .join(", ")}): ${c.compared} shapes compared (${Object.entries(c.comparedByKind)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(", ")}), ${c.differences.length} differences`,
    `  (a) schema age: ${byClass.a}   (b) SDK conventions: ${byClass.b}   (c) YAML 1.1 corpus defect: ${byClass.c}   (d) unexplained: ${byClass.d}`,
    ...[...byRule].sort(([a], [b]) => a.localeCompare(b)).map(([rule, n]) => `    ${rule}: ${n}`),
    ...(unused.length > 0 ? [`  rules with nothing to explain: ${unused.join(", ")}`] : []),
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------------------

describeShared(
  "our Cognito types vs the AWS SDK v3 types",
  () => {
    let comparison: Comparison;
    let generated: Record<string, string>;
    let diagnostics: Diagnostic[];
    beforeAll(async () => {
      ({ comparison, files: generated, diagnostics } = await compare());
      console.log(summary(comparison));
      // Every difference with its class and rule, for review: AWS_SDK_COMPARE_REPORT=/tmp/report.txt npx vitest run …
      const report = process.env["AWS_SDK_COMPARE_REPORT"];
      if (report) {
        const lines = comparison.differences.map((d) => `(${d.class}) ${(d.rule ?? "UNEXPLAINED").padEnd(22)} ${formatDiff(d.diff)}`);
        const agreed = [...comparison.agreed].sort(([, a], [, b]) => b - a).map(([t, n]) => `  ${n} × ${t}`);
        writeFileSync(report, [summary(comparison), "", "member types that agree:", ...agreed, "", ...lines.sort(), ""].join("\n"));
      }
    });

    it(`compares exactly ${EXPECTED_SHAPES_COMPARED} same-named shapes`, () => {
      expect(comparison.compared).toBe(EXPECTED_SHAPES_COMPARED);
    });

    it("has no difference that the schema does not explain (class d)", () => {
      const unexplained = comparison.differences.filter((d) => d.class === "d" && !OUR_BUGS.some((b) => b.matches(d.diff)));
      expect(unexplained.map((d) => formatDiff(d.diff))).toEqual([]);
    });

    it("has none of the known generator bugs (OUR_BUGS) left", () => {
      const known = comparison.differences.filter((d) => d.class === "d" && OUR_BUGS.some((b) => b.matches(d.diff)));
      expect(known.map((d) => formatDiff(d.diff))).toEqual([]);
    });

    it("can fail: differences planted in our output are reported as unexplained (class d)", () => {
      const idp = generated["types/cognito-idp.d.ts"] ?? "";
      const planted = compareInTempDir({ ...generated, "types/cognito-idp.d.ts": plant(idp) }, diagnostics);
      const key = (d: Difference): string => `${d.shape}${d.member === undefined ? "" : "." + d.member} ${d.kind}`;
      const before = new Set(comparison.differences.filter((d) => d.class === "d").map((d) => key(d.diff)));
      const found = planted.differences.filter((d) => d.class === "d" && !before.has(key(d.diff))).map((d) => key(d.diff));
      expect(found.sort()).toEqual(PLANTED.flatMap((p) => p.expect).sort());
    });

    it("explains the corpus' YAML 1.1 enum defect (OFF/ON read as booleans) and nothing more with that rule", () => {
      const yaml = comparison.differences.filter((d) => d.rule === "yaml11-boolean").map((d) => `${d.diff.shape}:${d.diff.sdk}`);
      expect(yaml.sort()).toEqual(["AdvancedSecurityModeType:OFF", "UserPoolMfaType:OFF", "UserPoolMfaType:ON"]);
    });
  },
  cognitoJsonSchemaDir,
);
