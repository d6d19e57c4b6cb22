/**
 * The model every template reads: declarations of `TypeNode`s, a small closed union. Each node carries its
 * docs and constraints; templates dispatch on `kind` through exhaustive registries.
 * @see DESIGN.md "Pipeline" (model)
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface Docs {
  title?: string;
  /** Raw description as written (may hold HTML); templates convert it. */
  description?: string;
  default?: { value: unknown };
  examples?: unknown[];
  deprecated?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  /** Keywords the model read but cannot express in types (for "widened" notes). */
  widened?: string[];
  /** Other facts a reader of the type should know (an unresolved reference typed as unknown, …). */
  notes?: string[];
  /** `x-` extension keywords as written (OpenAPI and JSON Schema alike), kept as annotations. */
  extensions?: Record<string, unknown>;
}

export interface Constraints {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  contentMediaType?: string;
  contentEncoding?: string;
}

export interface Source {
  /** Path (or URL) of the document, for people. */
  uri: string;
  /** Registry URL of the document. */
  url: string;
  pointer: string;
}

interface NodeBase {
  docs?: Docs;
  constraints?: Constraints;
  /** A verbatim TypeScript type (json-schema-to-typescript's `tsType`), already parsed and reprinted. */
  tsType?: string;
}

export type PrimitiveType = "string" | "number" | "integer" | "boolean" | "null";

export interface PrimitiveNode extends NodeBase {
  kind: "primitive";
  type: PrimitiveType;
}
export interface LiteralNode extends NodeBase {
  kind: "literal";
  value: JsonValue;
}
export interface EnumNode extends NodeBase {
  kind: "enum";
  values: JsonValue[];
  /** Member names for the enum's `as const` object, one per value (`tsEnumNames`); default: the values. */
  names?: string[];
}
export interface ArrayNode extends NodeBase {
  kind: "array";
  items: TypeNode;
}
export interface TupleNode extends NodeBase {
  kind: "tuple";
  items: TypeNode[];
  /** Type of items after the tuple; null when no more items are allowed. */
  rest: TypeNode | null;
  /** How many leading items are required. */
  minItems: number;
}
export interface PropertyNode {
  name: string;
  required: boolean;
  type: TypeNode;
  docs?: Docs;
}
export interface ObjectNode extends NodeBase {
  kind: "object";
  properties: PropertyNode[];
  /** `false`: no other members; a node: every other member's type; `undefined`: open (anything). */
  additional?: TypeNode | false;
  /** `patternProperties`: members whose name matches `pattern` have `type` (also folded into `additional`). */
  patterns?: { pattern: string; type: TypeNode }[];
}
export interface UnionNode extends NodeBase {
  kind: "union";
  members: TypeNode[];
}
export interface IntersectionNode extends NodeBase {
  kind: "intersection";
  members: TypeNode[];
}
export interface RefNode extends NodeBase {
  kind: "ref";
  /** Declaration id (`url#pointer`). */
  target: string;
}
export interface UnknownNode extends NodeBase {
  kind: "unknown";
}
export interface NeverNode extends NodeBase {
  kind: "never";
}

export type TypeNode =
  | PrimitiveNode
  | LiteralNode
  | EnumNode
  | ArrayNode
  | TupleNode
  | ObjectNode
  | UnionNode
  | IntersectionNode
  | RefNode
  | UnknownNode
  | NeverNode;

export type NodeKind = TypeNode["kind"];
export type NodeOf<K extends NodeKind> = Extract<TypeNode, { kind: K }>;

export type DeclarationOrigin = "root" | "component" | "def" | "referenced";

export interface Declaration {
  /** `url#pointer` of the schema it comes from. */
  id: string;
  namespace: string;
  /** Name candidates in order of preference: component key, title, file stem, path. */
  nameHints: string[];
  /** Assigned by the naming pass. */
  name: string;
  origin: DeclarationOrigin;
  type: TypeNode;
  source: Source;
  /** When set, this declaration is the same structure as another and is emitted as that one. */
  sameAs?: string;
}

export interface Model {
  declarations: Declaration[];
  byId: Map<string, Declaration>;
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
