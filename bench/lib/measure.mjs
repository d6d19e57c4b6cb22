// Spawn one fresh process and measure its wall-clock time and peak RSS.
//
// Wall time: performance.now() around spawn() → 'close', measured here in the parent.
// Peak RSS: preferably GNU time (`/usr/bin/time -v -o <file> cmd …`, "Maximum resident set size",
// from wait4(): the child and the descendants it waited for). It adds only a fork/exec (~1 ms) to
// the measured wall time. Without /usr/bin/time, `node` children get `--import rss-preload.mjs`
// instead (see that file); other commands then report no RSS. BENCH_RSS=time|preload|off forces one.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const PRELOAD = pathToFileURL(new URL('./rss-preload.mjs', import.meta.url).pathname).href;

/** Which peak-RSS method this machine supports: 'time' | 'preload' | 'off'. */
export function detectRssMethod() {
  const forced = process.env.BENCH_RSS;
  if (forced) return forced;
  if (existsSync(GNU_TIME)) {
    // BusyBox/BSD time have no -v/-o; make sure this one does.
    const r = spawnSync(GNU_TIME, ['-v', '-o', '/dev/null', 'true']);
    if (r.status === 0) return 'time';
  }
  return 'preload';
}

const isNode = (cmd) => cmd === process.execPath || cmd === 'node';

/**
 * Run `cmd args` once. Resolves { ms, rssKb, code, output, stdout } — output is the tail of stdout+stderr
 * (kept for error messages), stdout the tail of stdout alone (throughput drivers print their result there).
 * Never rejects for a non-zero exit; the caller decides.
 */
export function runProcess({ cmd, args, cwd, env }, { rssMethod, scratch }) {
  const rssFile = join(scratch, `rss-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  let file = cmd;
  let argv = args;
  let childEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env };
  if (rssMethod === 'time') {
    file = GNU_TIME;
    argv = ['-v', '-o', rssFile, cmd, ...args];
  } else if (rssMethod === 'preload' && isNode(cmd)) {
    argv = ['--import', PRELOAD, ...args];
    childEnv = { ...childEnv, BENCH_RSS_FILE: rssFile };
  }

  return new Promise((resolvePromise) => {
    let output = '';
    let stdout = '';
    const keep = (chunk) => {
      output = (output + chunk).slice(-4000);
    };
    const t0 = performance.now();
    const child = spawn(file, argv, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => {
      keep(chunk);
      stdout = (stdout + chunk).slice(-65536);
    });
    child.stderr.on('data', keep);
    child.on('error', (err) => resolvePromise({ ms: NaN, rssKb: null, code: -1, output: String(err), stdout: '' }));
    child.on('close', (code, signal) => {
      const ms = performance.now() - t0;
      resolvePromise({ ms, rssKb: readRss(rssFile, rssMethod), code: signal ? 128 : code, output, stdout });
    });
  });
}

function readRss(rssFile, rssMethod) {
  if (!existsSync(rssFile)) return null;
  const text = readFileSync(rssFile, 'utf8');
  rmSync(rssFile, { force: true });
  if (rssMethod === 'time') {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
    return m ? Number(m[1]) : null;
  }
  const n = Number(text.trim());
  return Number.isFinite(n) ? n : null;
}
