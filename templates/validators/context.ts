/**
 * What a keyword file sees while compiling one schema node: the node's canonical schema, the data variable,
 * and builders for failures, subschema calls and module constants. Keyword files return code; they never
 * build text except through `js`.
 */
import type { Code } from "../../src/emit/js-code.js";
import type { Dialect } from "../../src/load/document.js";
import type { SchemaSite } from "../../src/model/graph.js";
import type { SchemaObject } from "../../src/resolve/walk.js";

export type InstanceType = "string" | "number" | "array" | "object";

/** How a subschema call treats annotations (for unevaluated*): share ours, none, or a given record. */
export type AnnotationMode = "share" | "none" | Code;

export interface CallOptions {
  /** Validate without recording errors (a probe: `contains`, `not`, `if`, `propertyNames` counting). */
  silent?: boolean;
}

export interface KeywordContext {
  schema: SchemaObject;
  site: SchemaSite;
  dialect: Dialect;
  /** The keyword's value. */
  value: unknown;
  /** Failure snippet: records an error (keyword, params, message) and stops or continues as the mode says. */
  fail(params: Code, message: Code, keyword?: string, schemaPathSuffix?: Code): Code;
  /**
   * The same for an error known at generation time: params (JSON values, or module constants) and message are
   * kept in one frozen module constant, shared by every failure that reports it.
   */
  failStatic(params: Record<string, unknown>, message: string, keyword?: string): Code;
  /**
   * A boolean expression validating `data` (at instance path `p` + `pathSuffix`) against the subschema at
   * `tokens` (canonical keyword first).
   */
  sub(tokens: (string | number)[], data: Code, pathSuffix: Code | null, annotations: AnnotationMode, options?: CallOptions): Code;
  /** A boolean expression calling the function of an already-resolved site. */
  call(site: SchemaSite, data: Code, pathSuffix: Code | null, schemaPathSuffix: string, annotations: AnnotationMode, options?: CallOptions): Code;
  /** A boolean expression calling a function value `fn` (chosen at run time) with the current scope. */
  callValue(fn: Code, data: Code, schemaPathSuffix: string, annotations: AnnotationMode): Code;
  /** A module-level constant holding `init` (deduplicated); returns its name. */
  constant(init: Code, hint: string): Code;
  /**
   * A module-level constant whose `.test(string)` checks a pattern (the `u` flag): a `RegExp`, or under
   * `--patterns linear` the linear-time engine's matcher; undefined after reporting one JavaScript cannot compile.
   */
  regex(pattern: string, keywordPath: (string | number)[]): Code | undefined;
  /** A run-time helper by name. */
  helper(name: string): Code;
  /** A local variable name, unique in the function. */
  local(prefix: string): Code;
  /** Whether annotation tracking (unevaluated*) is compiled in this unit. */
  annotations: boolean;
  formats: "assert" | "annotate";
  /** Resolves a reference written at this node. */
  resolve(ref: string): SchemaSite | undefined;
  reportUnresolved(keyword: string, ref: string): void;
  /** For `$dynamicRef`/`$recursiveRef`: the module constant mapping scope resources to functions. */
  dynamicTable(anchor: string): Code;
  /** For the dynamic scope: the expression for the scope when entering `target` from here. */
  scopeFor(target: SchemaSite): Code;
  /** A format check function by format name (emitted once), or undefined when unknown. */
  format(name: string): Code | undefined;
}

export interface Keyword {
  /** The canonical (2020-12) keyword. */
  keyword: string;
  /** Keywords this file handles together with `keyword` (e.g. `then`/`else` with `if`). */
  with?: readonly string[];
  /** The instance type the keyword constrains; its check is placed under a guard for that type. */
  instance?: InstanceType;
  /** Dialects where the keyword does not exist (it is then ignored, as unknown keywords are). */
  notIn?: readonly Dialect[];
  compile(cx: KeywordContext): Code | undefined;
}
