/**
 * Patterns prone to catastrophic backtracking: a repetition that can take a varying number of characters
 * nested inside another one (`(a+)+`, `(\d*)*`, `([a-z]+\.?)*`). JavaScript's backtracking engine can take
 * exponential time on some inputs to such a pattern, so a validator fed a long hostile string hangs.
 *
 * This is the star-height heuristic (as in safe-regex): fast, no false negatives on nesting, but it does not
 * see ambiguity without nesting (`(a|aa)+`), and nesting is not always exponential. Parsed with `ret`; a
 * pattern `ret` cannot read is not judged.
 */
import ret, { type Token, type Tokens } from "ret";
import { memoized } from "../../src/util/memo.js";

// `ret` is CommonJS: `module.exports` is the tokenizer itself, with `types` hung on it.
const tokenizer = ret as unknown as typeof import("ret").tokenizer;
const { types } = ret as unknown as typeof import("ret");

/** Whether `pattern` nests one variable-length repetition inside another (answered once per pattern). */
export const nestsQuantifiers = memoized((pattern: string): boolean => {
  let root: Tokens;
  try {
    root = tokenizer(pattern);
  } catch {
    return false;
  }
  // Iterative walk: (token, number of variable repetitions around it).
  const stack: [Token | Tokens, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [token, height] = stack.pop()!;
    if (token.type === types.REPETITION) {
      const variable = token.max !== token.min && token.max > 1;
      const h = variable ? height + 1 : height;
      if (h > 1) return true;
      stack.push([token.value, h]);
      continue;
    }
    if (token.type === types.ROOT || token.type === types.GROUP) {
      for (const t of token.stack ?? []) stack.push([t, height]);
      for (const option of token.options ?? []) for (const t of option) stack.push([t, height]);
    }
  }
  return false;
});
