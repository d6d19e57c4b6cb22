/**
 * A string built by many `+=` steps is, in V8, a tree of pieces (a "cons string") until something reads it
 * character by character; each piece costs a heap object of its own. A generated file held that way until the
 * write stage costs many times its length (measured: 10,000 synthetic schemas held ~380 MB of such trees).
 * Reading one character makes V8 copy the tree into one flat string and drop the pieces: done here, once,
 * for every text that is kept until the end of a run.
 */
export function flat(s: string): string {
  if (s.length > 0) s.charCodeAt(0);
  return s;
}
