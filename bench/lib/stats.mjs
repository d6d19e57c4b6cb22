// Small numeric helpers and formatters.

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export const min = (xs) => Math.min(...xs);
export const max = (xs) => Math.max(...xs);

/** milliseconds → "0.62 s" */
export const fmtSec = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** ratio → "0.41×" */
export const fmtRatio = (r) => `${r.toFixed(2)}×`;

/** kilobytes → "182 MB" (MiB, like `time -v`'s kbytes are KiB) */
export const fmtRss = (kb) => (kb == null ? 'n/a' : `${Math.round(kb / 1024)} MB`);
