/**
 * `--patterns linear`: a pattern compiled at generation time into a Thompson NFA program, which the run-time
 * helper `linear` (runtime/helpers.ts) runs by state-set simulation — time linear in the string, O(length ×
 * states), whatever the pattern: no catastrophic backtracking.
 *
 * The pattern is parsed with regexpp in Unicode mode (the `u` flag the validators use), so the language is
 * ECMA-262's: a literal is one code point; a character set (`.`, `\d`, `\w`, `\s`, `\p{…}`, `[…]`, negated or
 * not) is kept as its own source text and tested by the run time one code point at a time with a native
 * single-character RegExp (`uy` flags), which is exact and constant-time per character. Groups only group
 * (`test` needs no captures), lazy quantifiers match the same strings as greedy ones, `{n,m}` is expanded.
 * What a finite automaton cannot do — backreferences, lookaround, inline modifiers — is reported as the
 * feature, and the caller falls back to the native RegExp. So is a program that `{n,m}` blows up past
 * MAX_STATES.
 *
 * The program is data (numbers, and class sources that go through the escaping module): states are triples
 * `op, a, b`, numbered breadth-first from the entry (state 0), so the output is deterministic:
 *   0 CHAR    a = code point, b = next
 *   1 CLASS   a = index in the class list, b = next
 *   2 SPLIT   a, b = the two next states
 *   3 ASSERT  a = 0 `^`, 1 `$`, 2 `\b`, 3 `\B`; b = next
 *   4 MATCH
 */
import { createRequire } from "node:module";
import type { AST, RegExpParser } from "@eslint-community/regexpp";

/** Largest program compiled (states); past it the pattern stays native. */
export const MAX_STATES = 5000;

export const OP = { char: 0, class: 1, split: 2, assert: 3, match: 4 } as const;

export interface LinearProgram {
  /** Triples `op, a, b` per state; state 0 is the entry. */
  program: number[];
  /** Sources of the character sets, each matching one code point (compiled with the `uy` flags). */
  classes: string[];
}

/** Why a pattern cannot be compiled: the feature, as a person would name it. */
export interface NotLinear {
  feature: string;
}

class TooLarge extends Error {}
class Unsupported extends Error {}

let parser: RegExpParser | undefined;

/**
 * regexpp, loaded on first use: only `--patterns linear` needs it, and a run that does not should not pay for
 * reading it (it is left out of the CLI bundle, scripts/bundle-cli.mjs).
 */
function regexParser(): RegExpParser {
  const regexpp = createRequire(import.meta.url)("@eslint-community/regexpp") as typeof import("@eslint-community/regexpp");
  return (parser ??= new regexpp.RegExpParser({ ecmaVersion: 2025 }));
}

/** Compiles a pattern (one that JavaScript compiles with the `u` flag) into a linear-time program, or says why not. */
export function compileLinear(pattern: string, maxStates = MAX_STATES): LinearProgram | NotLinear {
  let ast: AST.Pattern;
  try {
    ast = regexParser().parsePattern(pattern, 0, pattern.length, { unicode: true });
  } catch (e) {
    return { feature: `syntax the linear engine's parser does not read (${(e as Error).message})` };
  }
  const b = new Builder(maxStates);
  let entry: number;
  try {
    entry = b.alternatives(ast.alternatives, b.state(OP.match, 0, 0));
  } catch (e) {
    if (e instanceof Unsupported) return { feature: e.message };
    if (e instanceof TooLarge) return { feature: `more than ${maxStates} states once its counted repetitions ({n,m}) are expanded` };
    throw e;
  }
  const compiled = b.renumber(entry);
  for (const source of compiled.classes) {
    try {
      new RegExp(source, "uy");
    } catch {
      return { feature: `a character set that does not compile on its own (${source})` };
    }
  }
  return compiled;
}

/** Builds states back to front: each node is compiled with its continuation (the state after it) known. */
class Builder {
  private readonly states: [number, number, number][] = [];
  private readonly classIndex = new Map<string, number>();
  readonly classes: string[] = [];

  constructor(private readonly maxStates: number) {}

  state(op: number, a: number, b: number): number {
    if (this.states.length >= this.maxStates) throw new TooLarge();
    this.states.push([op, a, b]);
    return this.states.length - 1;
  }

  alternatives(alts: readonly AST.Alternative[], next: number): number {
    let entry = this.sequence(alts[alts.length - 1]!.elements, next);
    for (let i = alts.length - 2; i >= 0; i--) entry = this.state(OP.split, this.sequence(alts[i]!.elements, next), entry);
    return entry;
  }

  private sequence(elements: readonly AST.Element[], next: number): number {
    let entry = next;
    for (let i = elements.length - 1; i >= 0; i--) entry = this.element(elements[i]!, entry);
    return entry;
  }

  private element(node: AST.Element, next: number): number {
    switch (node.type) {
      case "Character":
        return this.state(OP.char, node.value, next);
      case "CharacterSet":
      case "CharacterClass":
        return this.state(OP.class, this.classOf(node.raw), next);
      case "Group":
        if (node.modifiers) throw new Unsupported(`an inline modifier group (${node.raw.slice(0, node.raw.indexOf(":") + 1)}…)`);
        return this.alternatives(node.alternatives, next);
      case "CapturingGroup":
        return this.alternatives(node.alternatives, next);
      case "Quantifier":
        return this.quantifier(node, next);
      case "Assertion":
        switch (node.kind) {
          case "start":
            return this.state(OP.assert, 0, next);
          case "end":
            return this.state(OP.assert, 1, next);
          case "word":
            return this.state(OP.assert, node.negate ? 3 : 2, next);
          case "lookahead":
            throw new Unsupported(`a ${node.negate ? "negative " : ""}lookahead (${node.negate ? "?!" : "?="}…)`);
          case "lookbehind":
            throw new Unsupported(`a ${node.negate ? "negative " : ""}lookbehind (${node.negate ? "?<!" : "?<="}…)`);
        }
        break;
      case "Backreference":
        throw new Unsupported(`a backreference (${node.raw})`);
    }
    throw new Unsupported(`${(node as { type: string }).type} (${(node as { raw: string }).raw})`);
  }

  /** `e{min,max}`: min copies of e, then max − min optional ones (each may stop there), or a loop when unbounded. */
  private quantifier(node: AST.Quantifier, next: number): number {
    let tail = next;
    let min = node.min;
    if (node.max === Infinity) {
      // `e*`: split → (e → split | next). `e+` (and the last mandatory copy of `e{n,}`): e → split → (e | next).
      const loop = this.state(OP.split, 0, next);
      const body = this.element(node.element, loop);
      this.states[loop]![1] = body;
      if (min > 0) {
        tail = body;
        min--;
      } else tail = loop;
    } else {
      for (let k = node.min; k < node.max; k++) {
        const body = this.element(node.element, tail);
        // A body that is only empty matches (`(?:)`, `(?:^)`) changes nothing when repeated.
        if (body === tail) break;
        tail = this.state(OP.split, body, next);
      }
    }
    for (let k = 0; k < min; k++) {
      const body = this.element(node.element, tail);
      if (body === tail) break;
      tail = body;
    }
    return tail;
  }

  private classOf(source: string): number {
    let i = this.classIndex.get(source);
    if (i === undefined) {
      i = this.classes.length;
      this.classes.push(source);
      this.classIndex.set(source, i);
    }
    return i;
  }

  /** States reachable from the entry, numbered breadth-first from it (entry 0); classes in order of first use. */
  renumber(entry: number): LinearProgram {
    const order: number[] = [entry];
    const id = new Map<number, number>([[entry, 0]]);
    const visit = (s: number) => {
      if (!id.has(s)) {
        id.set(s, order.length);
        order.push(s);
      }
    };
    for (let i = 0; i < order.length; i++) {
      const [op, a, b] = this.states[order[i]!]!;
      if (op === OP.split) visit(a);
      if (op !== OP.match) visit(b);
    }
    const classIds = new Map<number, number>();
    const classes: string[] = [];
    const program: number[] = [];
    for (const s of order) {
      const [op, a, b] = this.states[s]!;
      let x = a;
      if (op === OP.split) x = id.get(a)!;
      else if (op === OP.class) {
        if (!classIds.has(a)) {
          classIds.set(a, classes.length);
          classes.push(this.classes[a]!);
        }
        x = classIds.get(a)!;
      }
      program.push(op, x, op === OP.match ? 0 : id.get(b)!);
    }
    return { program, classes };
  }
}
