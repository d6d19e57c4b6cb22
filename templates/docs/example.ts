/**
 * Example values from the model: the schema's own `examples`/`default` where it has them, else a value built
 * from the type and its constraints (required members, the first enum value, bounds, lengths, formats, and
 * patterns through randexp with a seeded generator, so the same input gives the same example). The caller
 * checks every candidate with the compiled validator and shows only one that passes.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type { Constraints, Declaration, Model, TypeNode } from "../../src/model/ir.js";
import { regexFlags } from "../validators/compiler.js";
import { memoized } from "../../src/util/memo.js";

class NoExample extends Error {}

type RandExpClass = typeof import("randexp").default;
let RandExp: RandExpClass | undefined;

const FORMAT_SAMPLES: Record<string, string> = {
  "date-time": "2024-01-15T09:30:00Z",
  date: "2024-01-15",
  time: "09:30:00Z",
  duration: "P1D",
  email: "user@example.com",
  "idn-email": "user@example.com",
  hostname: "example.com",
  "idn-hostname": "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  uri: "https://example.com/",
  "uri-reference": "https://example.com/",
  iri: "https://example.com/",
  "iri-reference": "https://example.com/",
  "uri-template": "https://example.com/{id}",
  uuid: "123e4567-e89b-12d3-a456-426614174000",
  "json-pointer": "/a/b",
  "relative-json-pointer": "0/a",
  regex: "^[a-z]+$",
};

/** Candidate examples for a declaration, best first (at most a handful; generated lazily). */
export function* exampleCandidates(decl: Declaration, model: Model): Generator<unknown> {
  for (const ex of decl.type.docs?.examples ?? []) yield ex;
  if (decl.type.docs?.default) yield decl.type.docs.default.value;
  for (const full of [true, false]) {
    const value = new ExampleBuilder(model, decl.id, full).build(decl.type);
    if (value !== NONE) yield value;
  }
}

const NONE = Symbol("none");

class ExampleBuilder {
  private readonly stack: string[] = [];

  constructor(
    private readonly model: Model,
    private readonly seed: string,
    /** Optional members of the top-level object too (else required members only). */
    private readonly full: boolean,
  ) {}

  build(t: TypeNode): unknown {
    try {
      return this.value(t, 0, "", 0, codeSpansOf(t.docs?.description));
    } catch (e) {
      if (e instanceof NoExample) return NONE;
      throw e;
    }
  }

  /**
   * `hints`: values written in code in the descriptions that apply (the member's, then its type's), tried for
   * strings that have a pattern ("for example `us-east-1_EXAMPLE`") and, when they look like constants, as map keys.
   */
  private value(t: TypeNode, depth: number, path: string, variant: number, hints: readonly string[] = []): unknown {
    if (depth > 12) throw new NoExample();
    const own = t.docs?.examples?.[0];
    if (own !== undefined && variant === 0) return own;
    if (t.docs?.default && variant === 0) return t.docs.default.value;
    switch (t.kind) {
      case "primitive":
        if (t.type === "string") return stringValue(t.constraints ?? {}, variant, hints);
        if (t.type === "number" || t.type === "integer") return number(t.constraints ?? {}, t.type === "integer", variant);
        if (t.type === "boolean") return variant % 2 === 0;
        return null;
      case "literal":
        return t.value;
      case "enum": {
        const values = t.values.filter((v) => v !== null);
        if (values.length === 0) return t.values.length > 0 ? null : this.never();
        return values[variant % values.length];
      }
      case "array": {
        if (t.constraints?.maxItems === 0) return [];
        const n = Math.min(Math.max(t.constraints?.minItems ?? 0, depth > 3 ? 0 : 1), t.constraints?.maxItems ?? Infinity);
        return Array.from({ length: n }, (_, i) => this.value(t.items, depth + 1, `${path}/${i}`, variant + i));
      }
      case "tuple":
        // Each position its own variant, as for arrays: a bounded array is a tuple too, and uniqueItems wants
        // different items.
        return t.items.slice(0, Math.max(t.minItems, depth === 0 && this.full ? t.items.length : 0)).map((item, i) => this.value(item, depth + 1, `${path}/${i}`, variant + i));
      case "object": {
        const out: Record<string, unknown> = {};
        // Optional members: all of them at the top; a few in nested objects that would otherwise be empty.
        const nestedOptional = this.full && depth > 0 && depth <= 2 && !t.properties.some((p) => p.required) ? 3 : 0;
        let optional = 0;
        for (const p of t.properties) {
          if (!p.required && !(this.full && depth === 0) && optional >= nestedOptional) continue;
          if (!p.required && depth > 0) optional++;
          if (!p.required && this.reachesStack(p.type)) continue;
          const v = this.value(p.type, depth + 1, `${path}/${p.name}`, variant, codeSpansOf(p.docs?.description));
          Object.defineProperty(out, p.name, { value: v, enumerable: true, writable: true, configurable: true });
        }
        const min = t.constraints?.minProperties ?? 0;
        const wantEntry = t.additional !== undefined && t.additional !== false && t.additional.kind !== "never" && t.properties.length === 0 && depth < 4;
        for (let i = 0; Object.keys(out).length < Math.max(min, wantEntry ? 1 : 0); i++) {
          if (i > 8) throw new NoExample();
          const constants = hints.filter((h) => /^[A-Z][A-Z0-9_]*$/.test(h));
          const key = constants[i] ?? (i === 0 ? "key" : `key${i + 1}`);
          if (key in out) continue;
          const item: TypeNode = t.additional ? t.additional : { kind: "primitive", type: "string" };
          out[key] = this.value(item, depth + 1, `${path}/${key}`, variant + i);
        }
        return out;
      }
      case "union": {
        const members = t.members.filter((m) => !(m.kind === "primitive" && m.type === "null") && !(m.kind === "literal" && m.value === null));
        return this.value(members[0] ?? t.members[0] ?? this.never(), depth, path, variant, hints);
      }
      case "intersection": {
        const parts = t.members.map((m) => this.value(m, depth, path, variant, hints));
        if (parts.every((p) => p !== null && typeof p === "object" && !Array.isArray(p))) return Object.assign({}, ...parts);
        return parts[0];
      }
      case "ref": {
        const target = this.model.byId.get(t.target);
        if (!target || this.stack.filter((s) => s === t.target).length > 1) throw new NoExample();
        this.stack.push(t.target);
        try {
          return this.value(target.type, depth, path, variant, [...hints, ...codeSpansOf(target.type.docs?.description)]);
        } finally {
          this.stack.pop();
        }
      }
      case "unknown":
        return {};
      case "never":
        return this.never();
    }
  }

  private never(): never {
    throw new NoExample();
  }

  /** Whether an optional member's type leads straight back into a declaration being built (a cycle). */
  private reachesStack(t: TypeNode): boolean {
    return t.kind === "ref" && (t.target === this.seed || this.stack.includes(t.target));
  }
}

function seedOf(text: string): number {
  return createHash("sha1").update(text).digest().readUInt32LE(0);
}

function codePoints(s: string): number {
  return [...s].length;
}

function lengthOk(s: string, c: Constraints): boolean {
  const n = codePoints(s);
  return n >= (c.minLength ?? 0) && n <= (c.maxLength ?? Infinity);
}

function fitLength(s: string, c: Constraints): string {
  let out = s === "" ? "a" : s;
  while (codePoints(out) < (c.minLength ?? 0)) out += s === "" ? "a" : s;
  if (c.maxLength !== undefined && codePoints(out) > c.maxLength) out = [...out].slice(0, c.maxLength).join("");
  return out;
}

function number(c: Constraints, integer: boolean, variant: number): number {
  let v = 1 + variant;
  if (c.minimum !== undefined) v = Math.max(c.minimum, c.minimum + variant);
  else if (c.exclusiveMinimum !== undefined) v = c.exclusiveMinimum + 1 + variant;
  const max = c.maximum ?? (c.exclusiveMaximum !== undefined ? c.exclusiveMaximum - (integer ? 1 : 0.5) : undefined);
  if (max !== undefined && v > max) v = c.minimum === undefined && c.exclusiveMinimum === undefined ? Math.min(0, max) : max;
  if (integer) v = Math.ceil(v);
  if (c.multipleOf !== undefined && c.multipleOf > 0) v = Math.ceil(v / c.multipleOf) * c.multipleOf;
  return v;
}

const strings = new Map<string, string>();
const generators = new Map<string, InstanceType<RandExpClass> | null>();

/**
 * A string meeting the constraints: a format's sample, a hint, a plain word, or one randexp draws from the
 * pattern (seeded by the constraints, so the same schema gives the same string in every run). Memoized.
 */
function stringValue(c: Constraints, variant: number, hints: readonly string[]): string {
  // Hints only where a plain word would not do (a pattern), and never the format's own name ("its format is `password`").
  const usable = c.pattern === undefined ? [] : hints.filter((h) => h !== c.format);
  const key = JSON.stringify([c, variant, usable]);
  let out = strings.get(key);
  if (out === undefined) strings.set(key, (out = drawString(c, variant, usable)));
  return out;
}

function drawString(c: Constraints, variant: number, hints: readonly string[]): string {
  const candidates: string[] = [...hints];
  if (c.format && FORMAT_SAMPLES[c.format]) candidates.push(FORMAT_SAMPLES[c.format]!);
  candidates.push(variant === 0 ? "example" : `example${variant + 1}`, "string", "Example1", "a1");
  const re = c.pattern === undefined ? undefined : patternRegex(c.pattern);
  const fits = (s: string) => (re === undefined || re.test(s)) && lengthOk(s, c);
  for (const s of candidates) {
    const fitted = fitLength(s, c);
    if (fits(fitted)) return fitted;
  }
  for (const readable of [true, false]) {
    const gen = c.pattern === undefined ? undefined : generator(c.pattern, readable);
    if (!gen) continue;
    let state = seedOf(`${c.pattern}#${variant}`);
    gen.randInt = (a: number, b: number) => a + ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % (b - a + 1));
    for (let attempt = 0; attempt < 6; attempt++) {
      gen.max = 3 + attempt;
      const s = fitLength(gen.gen(), c);
      if (fits(s)) return s;
    }
  }
  return fitLength(candidates[0]!, c);
}

/** The pattern as the validators compile it (the u flag unless it needs legacy syntax), once per pattern. */
const patternRegex = memoized((pattern: string): RegExp | undefined => {
  const flags = regexFlags(pattern);
  return flags === undefined ? undefined : new RegExp(pattern, flags);
});

/**
 * randexp for a pattern (once per pattern and range; null when it cannot read it). randexp intersects every
 * class with its range: letters and digits first (readable), then all printable ASCII.
 */
function generator(pattern: string, readable: boolean): InstanceType<RandExpClass> | null {
  const key = `${readable ? "r" : "p"}${pattern}`;
  let gen = generators.get(key);
  if (gen === undefined) {
    RandExp ??= createRequire(import.meta.url)("randexp") as RandExpClass;
    try {
      gen = new RandExp(pattern);
      gen.defaultRange.subtract(0, 0x10ffff);
      if (readable) gen.defaultRange.add(0x30, 0x39).add(0x41, 0x5a).add(0x61, 0x7a);
      else gen.defaultRange.add(0x20, 0x7e);
    } catch {
      gen = null;
    }
    generators.set(key, gen);
  }
  return gen;
}

/** Text in code in a description (`<code>…</code>` or backticks): candidate values a writer gave as examples. */
function codeSpansOf(description: string | undefined): string[] {
  if (!description) return [];
  const out: string[] = [];
  for (const m of description.matchAll(/<code>([^<&]{1,200})<\/code>|`([^`\n]{1,200})`/g)) {
    const v = (m[1] ?? m[2])!.trim();
    if (v !== "" && !out.includes(v)) out.push(v);
  }
  return out;
}
