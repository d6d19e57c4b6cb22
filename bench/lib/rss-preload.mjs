// Fallback peak-RSS probe, used only when /usr/bin/time is missing: preloaded into a `node` child
// with `--import`, it writes process.resourceUsage().maxRSS (KiB) to $BENCH_RSS_FILE at exit.
// It sees only that process (not workers' own processes or grandchildren).
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // never let the probe change the child's exit status
    }
  });
}
