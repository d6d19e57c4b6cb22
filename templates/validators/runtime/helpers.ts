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

/**
 * `--patterns linear`: a pattern compiled at generation time (templates/validators/linear.ts) into a Thompson NFA,
 * as data — `prog` holds triples `op, a, b` per state (entry 0; ops: 0 code point a, 1 character set a, 2 split to
 * a and b, 3 assertion a (0 `^`, 1 `$`, 2 `\b`, 3 `\B`), 4 match; b is the next state), `classes` the sources of
 * the character sets. Returns an object whose `test(s)` is an unanchored search by state-set simulation: every
 * state is visited at most once per position, so time is linear in `s` (O(length × states)) for any pattern.
 * Character sets are tested one code point at a time with a sticky single-character RegExp (`u` semantics,
 * constant time per character). `steps` is the number of state visits of the last `test`.
 */
export function linear(prog: number[], classes: string[]): any {
  const n = prog.length / 3;
  const sets = classes.map((c) => new RegExp(c, "uy"));
  // Membership of ASCII code points, per set, as learnt: 0 not yet tested, 1 no, 2 yes.
  const ascii = new Uint8Array(128 * sets.length);
  // The last test of each set at the current position (`gen` stamps a position), for other code points.
  const setAt = new Int32Array(sets.length);
  const setIs = new Uint8Array(sets.length);
  const anchored = prog[0] === 3 && prog[1] === 0;
  let listA: Int32Array | null = null;
  let listB = new Int32Array(0);
  let mark = new Int32Array(0);
  let stack = new Int32Array(0);
  let gen = 0;
  let s = "";
  let len = 0;
  let found = false;
  let steps = 0;
  const self = { steps: 0, test };
  function isWord(i: number): boolean {
    if (i < 0 || i >= len) return false;
    const c = s.charCodeAt(i);
    return c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  }
  function inSet(k: number, cp: number, i: number): boolean {
    if (cp < 128) {
      const known = ascii[128 * k + cp];
      if (known !== 0) return known === 2;
    } else if (setAt[k] === gen) return setIs[k] === 1;
    const re = sets[k]!;
    re.lastIndex = i;
    const ok = re.test(s);
    if (cp < 128) ascii[128 * k + cp] = ok ? 2 : 1;
    else {
      setAt[k] = gen;
      setIs[k] = ok ? 1 : 0;
    }
    return ok;
  }
  // Adds the closure of state `from` at position `pos` to `list`, which holds `count` states; returns the new count.
  function add(list: Int32Array, count: number, from: number, pos: number): number {
    let top = 0;
    stack[top++] = from;
    while (top > 0) {
      const pc = stack[--top]!;
      if (mark[pc] === gen) continue;
      mark[pc] = gen;
      steps++;
      const op = prog[3 * pc]!;
      if (op === 2) {
        stack[top++] = prog[3 * pc + 2]!;
        stack[top++] = prog[3 * pc + 1]!;
      } else if (op === 3) {
        const kind = prog[3 * pc + 1];
        const holds = kind === 0 ? pos === 0 : kind === 1 ? pos === len : (isWord(pos - 1) !== isWord(pos)) === (kind === 2);
        if (holds) stack[top++] = prog[3 * pc + 2]!;
      } else if (op === 4) {
        found = true;
        return count;
      } else list[count++] = pc;
    }
    return count;
  }
  function test(str: string): boolean {
    if (listA === null) {
      listA = new Int32Array(n);
      listB = new Int32Array(n);
      mark = new Int32Array(n);
      stack = new Int32Array(2 * n + 2);
    }
    s = str;
    len = str.length;
    found = false;
    steps = 0;
    if (gen > 0x3fffffff - len) {
      mark.fill(0);
      setAt.fill(0);
      gen = 0;
    }
    let a: Int32Array = listA;
    let b: Int32Array = listB;
    gen++;
    let count = add(a, 0, 0, 0);
    for (let i = 0; i < len && !found; ) {
      if (count === 0 && anchored) break;
      let cp = str.charCodeAt(i);
      let j = i + 1;
      if (cp >= 0xd800 && cp <= 0xdbff && j < len) {
        const lo = str.charCodeAt(j);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
          j++;
        }
      }
      gen++;
      let next = 0;
      for (let k = 0; k < count && !found; k++) {
        const pc = a[k]!;
        const arg = prog[3 * pc + 1]!;
        if (prog[3 * pc] === 0 ? arg === cp : inSet(arg, cp, i)) next = add(b, next, prog[3 * pc + 2]!, j);
      }
      if (!anchored && !found) next = add(b, next, 0, j);
      const t = a;
      a = b;
      b = t;
      count = next;
      i = j;
    }
    self.steps = steps;
    s = "";
    return found;
  }
  return self;
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
  linear,
};

/** Helpers only some options use: emitted into `runtime.js` only when a validator module calls them. */
export const OPTIONAL_HELPERS: ReadonlySet<string> = new Set(["linear"]);
