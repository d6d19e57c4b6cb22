// Small numeric helpers and formatters.

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export const min = (xs) => Math.min(...xs);
export const max = (xs) => Math.max(...xs);

/** milliseconds → "1.62 s", or "0.123 s" below one second (start-up times need the third digit) */
export const fmtSec = (ms) => `${(ms / 1000).toFixed(ms < 1000 ? 3 : 2)} s`;

/** validations per second → "13.2 M/s" */
export const fmtOps = (v) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)} M/s` : `${(v / 1e3).toFixed(0)} k/s`);

/** ratio → "0.41×" */
export const fmtRatio = (r) => `${r.toFixed(2)}×`;

/** kilobytes → "182 MB" (MiB, like `time -v`'s kbytes are KiB) */
export const fmtRss = (kb) => (kb == null ? 'n/a' : `${Math.round(kb / 1024)} MB`);
