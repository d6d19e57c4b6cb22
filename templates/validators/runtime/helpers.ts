/**
 * The run-time helpers of generated validators. Each is emitted into the generated package with
 * `Function.prototype.toString`, so each must be self-contained: built-ins only, and other helpers by the
 * names they are emitted under (listed in `HELPERS`). No imports, no module state.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Records an error; returns whether validation goes on (all errors) or stops (first error). */
export function report(E: any, instancePath: string, schemaPath: string, keyword: string, params: any, message: string): boolean {
  E.errors.push({ instancePath, schemaPath: "#" + schemaPath, keyword, params, message });
  return E.all;
}

/** Records an error known at generation time: `[schemaPathSuffix, keyword, params, message]`. */
export function fail(E: any, instancePath: string, schemaPath: string, e: any): boolean {
  E.errors.push({ instancePath, schemaPath: "#" + schemaPath + e[0], keyword: e[1], params: e[2], message: e[3] });
  return E.all;
}

/**
 * `validateX`: every error (or the first, with `allErrors: false`), or the value. Data nested deeper than the
 * JavaScript stack allows (a recursive schema, a hostile value) is invalid with one error, not an exception.
 */
export function validate(fn: any, value: any, options: any, scope: any): any {
  const E: any = { errors: [], all: options === undefined || options.allErrors !== false };
  try {
    return fn(value, "", "", E, null, scope) ? { valid: true, value } : { valid: false, errors: E.errors };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { valid: false, errors: [{ instancePath: "", schemaPath: "#", keyword: "$depth", params: {}, message: "is nested too deeply to validate (the JavaScript stack ran out)" }] };
  }
}

/** `assertX`: returns when valid; else throws a ValidationFailure with every error (as `validateX` finds them). */
export function assert(fn: any, value: any, typeName: string, scope: any): void {
  try {
    if (fn(value, null, null, null, null, scope)) return;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  throw new ValidationFailure(typeName, validate(fn, value, undefined, scope).errors ?? []);
}

/** A JSON pointer token. */
export function esc(key: string | number): string {
  return typeof key === "number" ? String(key) : key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Length in Unicode code points (JSON Schema counts characters, not UTF-16 units). */
export function ucs2length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    n++;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** Equality of JSON values (1.0 equals 1; key order does not matter). */
export function equal(a: any, b: any): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || !equal(a[k], b[k])) return false;
  return true;
}

/** Index of the first item equal to an earlier one, or -1 (pairwise for short arrays, keyed for long ones). */
export function duplicateIndex(items: any[]): number {
  const n = items.length;
  if (n <= 24) {
    for (let i = 1; i < n; i++) {
      const v = items[i];
      const structured = typeof v === "object" && v !== null;
      for (let j = 0; j < i; j++) if (items[j] === v || (structured && equal(items[j], v))) return i;
    }
    return -1;
  }
  const seen = new Map<unknown, number>();
  for (let i = 0; i < n; i++) {
    const v = items[i];
    if (v === null || typeof v !== "object") {
      if (seen.has(v)) return i;
      seen.set(v, i);
    } else {
      for (let j = 0; j < i; j++) if (equal(items[j], v)) return i;
    }
  }
  return -1;
}

/**
 * Whether `x` is a multiple of `m`, exactly, for the decimal numbers JSON writes: safe integers by `%`, everything
 * else by comparing scaled decimal digits as BigInts (no binary floating-point error, no overflowing quotient).
 */
export function multipleOf(x: number, m: number): boolean {
  if (Number.isSafeInteger(x) && Number.isSafeInteger(m)) return x % m === 0;
  const dec = (n: number): [bigint, number] => {
    const s = String(Math.abs(n));
    const e = s.indexOf("e");
    const mant = e < 0 ? s : s.slice(0, e);
    const exp = e < 0 ? 0 : Number(s.slice(e + 1));
    const dot = mant.indexOf(".");
    const digits = dot < 0 ? mant : mant.slice(0, dot) + mant.slice(dot + 1);
    const scale = (dot < 0 ? 0 : mant.length - dot - 1) - exp;
    return [BigInt(digits), scale];
  };
  const [xd, xs] = dec(x);
  const [md, ms] = dec(m);
  const s = Math.max(xs, ms);
  const xi = xd * 10n ** BigInt(s - xs);
  const mi = md * 10n ** BigInt(s - ms);
  return mi !== 0n && xi % mi === 0n;
}

/** A fresh annotation record: evaluated properties (`true` = all), items evaluated from the start, contains matches. */
export function ann(): any {
  return { p: null, i: 0, c: null };
}

export function annMerge(into: any, from: any): void {
  if (from.p === true) into.p = true;
  else if (from.p !== null && into.p !== true) {
    if (into.p === null) into.p = Object.create(null);
    for (const k in from.p) into.p[k] = true;
  }
  if (from.i === true) into.i = true;
  else if (into.i !== true && from.i > into.i) into.i = from.i;
  if (from.c !== null) {
    if (into.c === null) into.c = Object.create(null);
    for (const k in from.c) into.c[k] = true;
  }
}

export function annProp(a: any, key: string): void {
  if (a.p === true) return;
  if (a.p === null) a.p = Object.create(null);
  a.p[key] = true;
}

export function annContains(a: any, index: number): void {
  if (a.c === null) a.c = Object.create(null);
  a.c[index] = true;
}

/**
 * Picks the function for a dynamic reference: the outermost resource in scope that defines the anchor. The
 * scope is a linked list from the innermost resource (`{ r, up }`), holding only resources with dynamic anchors.
 */
export function dynamic(scope: any, table: any, fallback: any): any {
  let found = fallback;
  for (let s = scope; s !== null; s = s.up) {
    const f = table.get(s.r);
    if (f !== undefined) found = f;
  }
  return found;
}

/** The error thrown by `assertX`: carries the validation errors and a readable message. */
export class ValidationFailure extends Error {
  errors: any[];
  constructor(typeName: string, errors: any[]) {
    const lines = errors.slice(0, 10).map((e: any) => `  ${e.instancePath || "(root)"}: ${e.message} (${e.schemaPath})`);
    if (errors.length > 10) lines.push(`  … and ${errors.length - 10} more`);
    super(`value is not a valid ${typeName}:\n${lines.join("\n")}`);
    this.name = "ValidationFailure";
    this.errors = errors;
  }
}

/** Every helper by the name generated code calls it. */
export const HELPERS: Record<string, (...a: any[]) => any> = {
  report,
  fail,
  validate,
  assert,
  esc,
  ucs2length,
  equal,
  duplicateIndex,
  multipleOf,
  ann,
  annMerge,
  annProp,
  annContains,
  dynamic,
};
