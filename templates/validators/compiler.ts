/**
 * The validator compiler: canonical schema nodes → plain JavaScript functions, one per schema node, shared by
 * every reference to that node and recursing through named functions (nothing is inlined forever, and
 * generation does not grow the stack with the schema's recursion). Each keyword file contributes its check.
 *
 * Every generated node function has the signature `(d, p, sp, E, A, S) → boolean`:
 * d the value; p its instance path and sp the schema path so far (only built when E is set); E the error sink
 * (`null` for a plain boolean check, else `{ errors, all }`); A the annotation record the node adds to
 * (unevaluated*), or null; S the dynamic scope (resources entered), or null.
 */
import { nestsQuantifiers } from "./backtracking.js";
import { compileLinear } from "./linear.js";
import { memoized } from "../../src/util/memo.js";
import { js, lines, name, Code } from "../../src/emit/js-code.js";
import { propertyKey } from "../../src/emit/ts-syntax.js";
import { escapeToken } from "../../src/load/document.js";
import type { SchemaGraph, SchemaSite } from "../../src/model/graph.js";
import { isSchemaObject } from "../../src/resolve/walk.js";
import { admitsNullFirst } from "../../src/normalize/openapi30.js";
import type { AnnotationMode, CallOptions, InstanceType, KeywordContext } from "./context.js";
import { KEYWORDS, UNEVALUATED } from "./keywords/index.js";
import { FORMATS } from "./runtime/formats.js";
import { HELPERS } from "./runtime/helpers.js";

export interface CompilerOptions {
  formats: "assert" | "annotate";
  /** `linear`: patterns run on the linear-time engine (`linear` helper) where they can; `native` (default): RegExp. */
  patterns?: "native" | "linear";
  /** Compile annotation tracking (only needed when some schema uses unevaluated*). */
  annotations: boolean;
  /** Compile the dynamic scope (only needed when some schema uses $dynamicRef or $recursiveRef). */
  dynamic: boolean;
  /** TypeScript output (`--format ts`): node functions get parameter and return types. */
  typed?: boolean;
}

export interface CompilerReport {
  (code: "pattern-invalid" | "pattern-not-unicode" | "pattern-not-linear" | "pattern-backtracking", site: SchemaSite, tokens: (string | number)[], message: string): void;
}

/**
 * "u" when the pattern compiles in Unicode mode, "" when only in legacy mode, undefined when not at all. Answered
 * once per pattern: schemas repeat their patterns, and compiling one with `\p{…}` classes is not cheap.
 */
export const regexFlags = memoized((pattern: string): "u" | "" | undefined => {
  try {
    new RegExp(pattern, "u");
    return "u";
  } catch {
    try {
      new RegExp(pattern);
      return "";
    } catch {
      return undefined;
    }
  }
});

/** A pattern's linear-time program (or why it has none), once per pattern. */
const linearProgram = memoized((pattern: string) => compileLinear(pattern));

/** Longest `$ref` chain one call skips (see `follow`). */
const MAX_HOPS = 32;

/** Where a call can go instead: nothing to check (`"true"`), another site with the schema path to it, or nowhere. */
type Shortcut = "true" | { site: SchemaSite; sp: string } | undefined;

interface Fn {
  id: string;
  site: SchemaSite;
  code?: Code;
}

/** Keywords of the validation vocabulary. @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6 */
const VALIDATION_VOCABULARY = new Set([
  "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength",
  "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties", "minProperties", "required",
  "dependentRequired",
]);

const KEYWORD_BY_NAME = new Map(KEYWORDS.map((k) => [k.keyword, k]));

const GUARDS: Record<InstanceType, string> = {
  string: 'typeof d === "string"',
  number: 'typeof d === "number"',
  array: "Array.isArray(d)",
  object: 'typeof d === "object" && d !== null && !Array.isArray(d)',
};

export class ValidatorCompiler {
  private readonly fns = new Map<string, Fn>();
  private readonly queue: Fn[] = [];
  private readonly constants = new Map<string, string>();
  private readonly constantOrder: { id: string; init: Code }[] = [];
  readonly helpersUsed = new Set<string>();
  readonly formatsUsed = new Set<string>();
  private readonly resources = new Map<string, number>();
  private readonly tables = new Map<string, string>();
  private readonly shortcuts = new Map<string, Shortcut>();

  constructor(
    private readonly graph: SchemaGraph,
    private readonly options: CompilerOptions,
    private readonly report: CompilerReport,
  ) {}

  /** The function name for a site (compiled on demand). */
  fnName(site: SchemaSite): string {
    const key = this.graph.key(site);
    let fn = this.fns.get(key);
    if (!fn) {
      fn = { id: `v${this.fns.size}`, site };
      this.fns.set(key, fn);
      this.queue.push(fn);
    }
    return fn.id;
  }

  /**
   * Calls that can skip a function: a schema that asserts nothing is `true`; a schema that is only a `$ref` (or
   * an `allOf` with one asserting member) is its target, with the schema path extended. Not used when the
   * unit needs the dynamic scope, where every resource entered counts.
   */
  shortcut(site: SchemaSite): Shortcut {
    if (this.options.dynamic) return undefined;
    const key = this.graph.key(site);
    if (!this.shortcuts.has(key)) this.shortcuts.set(key, this.follow(site, new Set()));
    return this.shortcuts.get(key);
  }

  /**
   * Follows `$ref`-only and single-member `allOf` links in a loop (a chain of 10,000 `$ref`s is no deeper a
   * stack). The sites passed on a chain of plain `$ref`s that ends without a cycle share its end, so their
   * shortcuts are cached on the way: every chain is walked once (linear, not quadratic, in its length). A
   * shortcut spans at most MAX_HOPS links, so the schema paths baked into calls stay short on any chain (the
   * function at the last hop goes on from there, with the path added at run time).
   */
  private follow(site: SchemaSite, seen: Set<string>): Shortcut {
    let current = site;
    let sp = "";
    const passed: { key: string; sp: string }[] = [];
    let plain = true;
    let result: Shortcut;
    for (let hops = 0; ; hops++) {
      const key = this.graph.key(current);
      if (hops === MAX_HOPS) {
        result = { site: current, sp };
        break;
      }
      if (current !== site && this.shortcuts.has(key)) {
        const known = this.shortcuts.get(key);
        result = known === "true" ? "true" : known === undefined ? { site: current, sp } : { site: known.site, sp: sp + known.sp };
        break;
      }
      if (seen.has(key)) plain = false;
      const next = this.step(current, seen);
      if (next === "true") {
        result = "true";
        break;
      }
      if (next === undefined) {
        result = current === site ? undefined : { site: current, sp };
        break;
      }
      if (!next.sp.endsWith("$ref")) plain = false;
      if (current !== site) passed.push({ key, sp });
      current = next.site;
      sp += next.sp;
    }
    if (plain) {
      for (const p of passed) {
        if (this.shortcuts.has(p.key)) continue;
        this.shortcuts.set(p.key, result === "true" ? "true" : result && result.site !== site ? { site: result.site, sp: result.sp.slice(p.sp.length) } : undefined);
      }
    }
    return result;
  }

  private step(site: SchemaSite, seen: Set<string>): Shortcut {
    const key = this.graph.key(site);
    if (seen.has(key)) return undefined;
    seen.add(key);
    if (site.raw === true) return "true";
    const canonical = this.graph.canonical(site);
    if (!canonical) return undefined;
    // The one asserting keyword, if there is exactly one.
    let only: string | undefined;
    for (const k of Object.keys(canonical.schema)) {
      if (this.inert(k, site)) continue;
      if (only !== undefined) return undefined;
      only = k;
    }
    if (only === undefined) return "true";
    if (only === "$ref" && typeof canonical.schema.$ref === "string") {
      const target = this.graph.resolve(canonical.schema.$ref, site);
      return target ? { site: target, sp: "/" + (canonical.origin.$ref ?? "$ref") } : undefined;
    }
    if (only === "allOf" && Array.isArray(canonical.schema.allOf)) {
      const members = canonical.schema.allOf.map((_, i) => this.graph.sub(site, ["allOf", i]));
      const asserting = members.filter((m) => this.follow(m, new Set(seen)) !== "true");
      if (asserting.length === 0) return "true";
      if (asserting.length === 1) return { site: asserting[0]!, sp: asserting[0]!.pointer.slice(site.pointer.length) };
    }
    return undefined;
  }

  /** Keywords that assert nothing for the validators (annotations, identifiers, unknown keywords). */
  private inert(keyword: string, site: SchemaSite): boolean {
    if (keyword === "format") return this.options.formats === "annotate";
    if (keyword === "$ref" || keyword === "$dynamicRef" || keyword === "$recursiveRef") return false;
    if (keyword === "nullable") return site.doc.dialect !== "openapi-3.0";
    if (keyword === "then" || keyword === "else" || keyword === "minContains" || keyword === "maxContains") return true;
    const known = KEYWORD_BY_NAME.get(keyword);
    return known === undefined || known.notIn?.includes(site.doc.dialect) === true || (UNEVALUATED.has(keyword) && !this.options.annotations);
  }

  private dynamicResourceSet: Set<string> | undefined;

  /** Whether the site's resource declares a dynamic (or recursive) anchor. */
  isDynamicResource(site: SchemaSite): boolean {
    this.dynamicResourceSet ??= this.graph.dynamicResources();
    return this.dynamicResourceSet.has(this.graph.resourceOf(site));
  }

  /** The dynamic scope a validation of `site` starts with (a module constant; no allocation per call). */
  rootScope(site: SchemaSite): Code {
    if (!this.options.dynamic || !this.isDynamicResource(site)) return js`null`;
    return this.constant(js`Object.freeze({ r: ${this.resourceId(site)}, up: null })`, "scope");
  }

  /** Resource number of a site's schema resource (for the dynamic scope). */
  resourceId(site: SchemaSite): number {
    const uri = this.graph.resourceOf(site);
    let id = this.resources.get(uri);
    if (id === undefined) this.resources.set(uri, (id = this.resources.size));
    return id;
  }

  /** Compiles everything queued; returns constants and functions in a stable order. */
  finish(): { constants: Code[]; functions: Code[] } {
    for (let i = 0; i < this.queue.length; i++) {
      const fn = this.queue[i]!;
      fn.code = this.compileFunction(fn);
    }
    return {
      constants: this.constantOrder.map((c) => js`const ${name(c.id)} = ${c.init};`),
      functions: this.queue.map((f) => f.code!),
    };
  }

  private constant(init: Code, hint: string): Code {
    let id = this.constants.get(init.text);
    if (!id) {
      id = `${hint.replace(/[^A-Za-z0-9_]/g, "")}${this.constantOrder.length}`;
      this.constants.set(init.text, id);
      this.constantOrder.push({ id, init });
    }
    return name(id);
  }

  private compileFunction(fn: Fn): Code {
    const site = fn.site;
    const head = this.options.typed
      ? js`function ${name(fn.id)}(d: any, p: any, sp: any, E: any, A: any, S: any): boolean`
      : js`function ${name(fn.id)}(d, p, sp, E, A, S)`;
    if (site.raw === true || (isSchemaObject(site.raw) && Object.keys(site.raw).length === 0)) return js`${head} { return true; }`;
    if (site.raw === false) {
      return js`${head} { if (E !== null) ${this.helper("report")}(E, p, sp, "false schema", {}, "boolean schema is false"); return false; }`;
    }
    const canonical = this.graph.canonical(site);
    if (!canonical) return js`${head} { return true; }`;
    const schema = canonical.schema;
    const vocabularies = this.graph.vocabularies(site.doc);
    const assertions = vocabularies === undefined || [...vocabularies].some((v) => /\/vocab\/validation$/.test(v));
    let locals = 0;
    const groups = new Map<InstanceType | "any" | "last", Code[]>();
    for (const keyword of KEYWORDS) {
      if (!(keyword.keyword in schema)) continue;
      if (keyword.notIn?.includes(site.doc.dialect)) continue;
      if (UNEVALUATED.has(keyword.keyword) && !this.options.annotations) continue;
      // A metaschema without the validation vocabulary turns its assertions off (`type`, bounds, `required`, …).
      if (!assertions && VALIDATION_VOCABULARY.has(keyword.keyword)) continue;
      const cx = this.context(site, schema, keyword.keyword, canonical.origin, () => `${++locals}`);
      const code = keyword.compile(cx);
      if (!code || code.text.trim() === "") continue;
      const group = UNEVALUATED.has(keyword.keyword) ? "last" : (keyword.instance ?? "any");
      const list = groups.get(group) ?? [];
      if (group === "last") list.push(js`if (${new Code(GUARDS[keyword.instance!])}) { ${code} }`);
      else list.push(code);
      groups.set(group, list);
    }
    const body: Code[] = [];
    // OpenAPI 3.0 `nullable` that `type`/`enum` could not carry: null is valid, whatever the rest says.
    if (admitsNullFirst(schema, site.doc.dialect)) body.push(js`if (d === null) return true;`);
    const unevaluated = groups.has("last");
    if (unevaluated) body.push(js`const AA = A; A = ${this.helper("ann")}();`);
    body.push(js`let ok = true;`);
    const typeAt = body.length;
    for (const t of ["string", "number", "array", "object"] as const) {
      const list = groups.get(t);
      if (list) body.push(js`if (${new Code(GUARDS[t])}) {\n${lines(list)}\n}`);
    }
    const any = groups.get("any");
    if (any) {
      // The type check goes first (and stops at the first error); applicators follow the per-type checks.
      const [first, ...rest] = any;
      if ("type" in schema && first) body.splice(typeAt, 0, first);
      else if (first) body.push(first);
      body.push(...rest);
    }
    const last = groups.get("last");
    if (last) body.push(...last, js`if (ok && AA !== null) ${this.helper("annMerge")}(AA, A);`);
    body.push(js`return ok;`);
    return js`${head} {\n${lines(body)}\n}`;
  }

  private context(site: SchemaSite, schema: Record<string, unknown>, keyword: string, origin: Record<string, string>, fresh: () => string): KeywordContext {
    const rawKeyword = (k: string) => origin[k] ?? k;
    const compiler = this;
    const callArgs = (data: Code, pathSuffix: Code | null, spSuffix: string, annotations: AnnotationMode, options: CallOptions | undefined, scope: Code) => {
      const silent = options?.silent === true;
      const p = silent ? js`null` : pathSuffix === null ? js`p` : js`E && p + ${pathSuffix}`;
      const sp = silent ? js`null` : js`E && sp + ${spSuffix}`;
      const e = silent ? js`null` : js`E`;
      const a = annotations === "share" ? js`A` : annotations === "none" ? js`null` : annotations;
      return js`(${data}, ${p}, ${sp}, ${e}, ${a}, ${scope})`;
    };
    const scopeFor = (target: SchemaSite): Code => {
      if (!compiler.options.dynamic) return js`S`;
      const from = compiler.resourceId(site);
      const to = compiler.resourceId(target);
      // Only resources that declare a dynamic anchor can answer a dynamic reference: only those enter the scope.
      return from === to || !compiler.isDynamicResource(target) ? js`S` : js`{ r: ${to}, up: S }`;
    };
    return {
      schema,
      site,
      dialect: site.doc.dialect,
      value: schema[keyword],
      annotations: this.options.annotations,
      formats: this.options.formats,
      failStatic(params, message, kw = keyword) {
        const entries = Object.entries(params).map(([k, v]) => `${propertyKey(k)}: ${v instanceof Code ? v.text : js`${v}`.text}`);
        const descriptor = compiler.constant(
          js`Object.freeze([${"/" + escapeToken(rawKeyword(kw))}, ${rawKeyword(kw)}, Object.freeze(${new Code(`{ ${entries.join(", ")} }`)}), ${message}])`,
          "err",
        );
        return js`if (E === null || !${compiler.helper("fail")}(E, p, sp, ${descriptor})) return false; ok = false;`;
      },
      fail(params, message, kw = keyword, spSuffix) {
        const path = spSuffix ?? js`${"/" + escapeToken(rawKeyword(kw))}`;
        return js`if (E === null || !${compiler.helper("report")}(E, p, sp + ${path}, ${rawKeyword(kw)}, ${params}, ${message})) return false; ok = false;`;
      },
      sub(tokens, data, pathSuffix, annotations, options) {
        const target = compiler.graph.sub(site, tokens);
        return this.call(target, data, pathSuffix, target.pointer.slice(site.pointer.length), annotations, options);
      },
      call(target, data, pathSuffix, spSuffix, annotations, options) {
        const direct = compiler.shortcut(target);
        if (direct === "true") return js`true`;
        const final = direct?.site ?? target;
        const sp = direct ? spSuffix + direct.sp : spSuffix;
        return js`${name(compiler.fnName(final))}${callArgs(data, pathSuffix, sp, annotations, options, scopeFor(final))}`;
      },
      callValue(fn, data, spSuffix, annotations) {
        return js`${fn}${callArgs(data, null, spSuffix, annotations, undefined, js`S`)}`;
      },
      constant: (init, hint) => compiler.constant(init, hint),
      regex(pattern, tokens) {
        const flags = regexFlags(pattern);
        if (flags === undefined) {
          compiler.report("pattern-invalid", site, tokens, `pattern ${JSON.stringify(pattern)} is not an ECMA-262 regular expression JavaScript can compile`);
          return undefined;
        }
        if (flags === "") {
          compiler.report("pattern-not-unicode", site, tokens, `pattern ${JSON.stringify(pattern)} only compiles without the u flag (it uses legacy syntax such as a literal "{" or "\\-"); it is checked in that mode, where "." and classes see UTF-16 units`);
        }
        if (compiler.options.patterns === "linear") {
          const linear = flags === "u" ? linearProgram(pattern) : { feature: "legacy (non-Unicode) syntax" };
          if ("program" in linear) return compiler.constant(js`${compiler.helper("linear")}(${linear.program}, ${linear.classes})`, "re");
          compiler.report("pattern-not-linear", site, tokens, `pattern ${JSON.stringify(pattern)} uses ${linear.feature}, which the linear-time engine cannot run; it is checked with JavaScript's RegExp instead`);
        }
        if (nestsQuantifiers(pattern)) {
          compiler.report("pattern-backtracking", site, tokens, `pattern ${JSON.stringify(pattern)} nests a repetition inside another; JavaScript's engine can take exponential time on some strings`);
        }
        return compiler.constant(js`new RegExp(${pattern}, ${flags})`, "re");
      },
      helper: (n) => compiler.helper(n),
      local: (prefix) => name(`${prefix}${fresh()}`),
      resolve: (ref) => compiler.graph.resolve(ref, site),
      reportUnresolved() {
        // The resolver has reported it at this site already (as an error, or a warning under --allow-unresolved);
        // the reference then constrains nothing.
      },
      dynamicTable(anchor) {
        let id = compiler.tables.get(anchor);
        if (!id) {
          const entries = [...compiler.graph.dynamicAnchors(anchor)].map(([, s]) => `[${compiler.resourceId(s)}, ${compiler.fnName(s)}]`);
          id = compiler.constant(new Code(`new Map([${entries.join(", ")}])`), "dyn").text;
          compiler.tables.set(anchor, id);
        }
        return name(id);
      },
      scopeFor,
      format(formatName) {
        const known = Object.prototype.hasOwnProperty.call(FORMATS, formatName) ? FORMATS[formatName] : undefined;
        if (!known) return undefined;
        compiler.formatsUsed.add(formatName);
        return name(known.fn.name);
      },
    };
  }

  /** The linear-time program of a pattern (compiled once per unit), or why it has none. */
  /** A run-time helper (imported from validators/runtime.js as `R_<name>`). */
  helper(helperName: string): Code {
    if (!(helperName in HELPERS) && helperName !== "ValidationFailure") throw new Error(`unknown runtime helper ${helperName}`);
    this.helpersUsed.add(helperName);
    return name(`R_${helperName}`);
  }
}
