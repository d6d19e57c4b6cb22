// Shared by the prepare scripts: a validator that throws on one of an entry's instances (a stack overflow,
// say) cannot be timed, so the entry is recorded as failed for that tool.

/** Returns `ok` when `fn` runs on every test of `entry` without throwing, else `{ error }`. */
export function runCheck(fn, entry, ok) {
  for (const [k, t] of entry.tests.entries()) {
    try {
      fn(structuredClone(t.data));
    } catch (err) {
      return { error: `throws on test ${k}: ${String(err?.message ?? err).split('\n')[0].slice(0, 200)}` };
    }
  }
  return ok;
}
