/**
 * `f`, answered once per key for the rest of the process: for pure functions of a string that a run asks again
 * and again (a pattern's flags, whether a base URL is normalized). The keys come from the inputs, so the table
 * grows with them and no further.
 */
export function memoized<T>(f: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key)!;
    const value = f(key);
    known.set(key, value);
    return value;
  };
}
