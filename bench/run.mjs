#!/usr/bin/env node
// schemaforge benchmark: whole-process wall-clock time of each job in bench/jobs.mjs.
//
//   npm run bench                      # = node bench/run.mjs
//   BENCH_RUNS=10 npm run bench        # timed runs per job (default 5), after 1 warm-up run
//   BENCH_ONLY='openapi|json' npm run bench   # only jobs whose id or name matches the regex
//   BENCH_KEEP=1 npm run bench         # keep the scratch dir (generated outputs) for inspection
//   BENCH_RSS=time|preload|off         # force the peak-RSS method (default: GNU time if present)
//
// Every iteration is a fresh process (child_process.spawn). Runs are interleaved round-robin
// (job A, B, C, A, B, C, …) so machine-load drift hits all jobs alike. Reports median and min,
// peak RSS (max over runs), ratios against the peers of the same group, and the group's target;
// writes bench/.out/results.md and results.json. Exit code 1 only if a job that ran failed.
import { cpus, tmpdir } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { groups, jobs } from './jobs.mjs';
import { OUT, ROOT } from './lib/paths.mjs';
import { detectRssMethod, runProcess } from './lib/measure.mjs';
import { inspectTsOutput } from './lib/outputs.mjs';
import { consoleReport, markdownReport, analyse } from './lib/report.mjs';
import { max, median, min } from './lib/stats.mjs';

const runs = Number.parseInt(process.env.BENCH_RUNS ?? '5', 10);
if (!(runs >= 1)) throw new Error(`BENCH_RUNS must be a positive integer, got ${process.env.BENCH_RUNS}`);
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
const rssMethod = detectRssMethod();
const scratch = mkdtempSync(join(tmpdir(), 'schemaforge-bench-'));

const selected = jobs.filter((j) => !only || only.test(j.id) || only.test(j.name));
const results = selected.map((job) => {
  const missing = (job.requires ?? []).find((r) => !existsSync(r.path));
  return missing
    ? { job, status: 'skipped', message: missing.message, samples: [], rss: [] }
    : { job, status: 'ok', samples: [], rss: [] };
});

/** The processes of one iteration of `job` (one, or several for `steps` jobs). */
function processesOf(job, ctx) {
  if (job.steps) return job.steps(ctx);
  return [{ cmd: job.cmd, args: typeof job.args === 'function' ? job.args(ctx) : job.args }];
}

/** One iteration: fresh output dir, untimed setup, then the timed process(es). */
async function iterate(result) {
  const { job } = result;
  const workDir = join(scratch, job.id);
  const outDir = join(workDir, 'out');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const ctx = { outDir, workDir };
  await job.setup?.(ctx);
  let ms = 0;
  let rssKb = null;
  for (const p of processesOf(job, ctx)) {
    const r = await runProcess({ cwd: ROOT, ...p }, { rssMethod, scratch });
    if (r.code !== 0) {
      Object.assign(result, {
        status: 'failed',
        message: `failed (exit ${r.code}); its output is printed after the report`,
        output_tail: `$ ${p.cmd} ${p.args.join(' ')}\n${r.output}`,
      });
      return null;
    }
    ms += r.ms;
    if (r.rssKb != null) rssKb = Math.max(rssKb ?? 0, r.rssKb);
  }
  return { ms, rssKb, outDir };
}

const active = () => results.filter((r) => r.status === 'ok');
const progress = (s) => process.stderr.write(s);

try {
  progress(`warm-up:`);
  for (const r of active()) {
    progress(` ${r.job.id}`);
    await iterate(r);
  }
  progress('\n');
  for (let i = 1; i <= runs; i++) {
    progress(`run ${i}/${runs}:`);
    for (const r of active()) {
      const it = await iterate(r);
      if (!it) continue;
      r.samples.push(it.ms);
      if (it.rssKb != null) r.rss.push(it.rssKb);
      r.lastOutDir = it.outDir;
      progress(` ${r.job.id}=${(it.ms / 1000).toFixed(2)}s`);
    }
    progress('\n');
  }
  for (const r of active()) {
    r.median = median(r.samples);
    r.min = min(r.samples);
    r.peakRssKb = r.rss.length ? max(r.rss) : null;
    r.output = inspectTsOutput(r.lastOutDir);
  }

  const cpu = cpus();
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: `${cpu[0]?.model ?? 'unknown CPU'} ×${cpu.length}`,
    runs,
    rssMethod,
  };
  meta.summary =
    `${meta.date.slice(0, 16).replace('T', ' ')} UTC · node ${meta.node} · ${meta.cpu} · ` +
    `wall clock of a fresh process, median/min of ${runs} run${runs === 1 ? '' : 's'} after 1 warm-up · ` +
    `peak RSS via ${{ time: '/usr/bin/time -v', preload: 'process.resourceUsage() preload', off: 'not measured (BENCH_RSS=off)' }[rssMethod] ?? rssMethod}`;

  const analyses = groups.map((g) => analyse(g, results));
  console.log(consoleReport(meta, analyses));

  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'results.md'), markdownReport(meta, analyses));
  writeFileSync(
    join(OUT, 'results.json'),
    `${JSON.stringify(
      {
        meta,
        results: results.map(({ job, status, message, samples, rss, median, min, peakRssKb, output }) => ({
          id: job.id, name: job.name, group: job.group, role: job.role, how: job.how,
          status, message, samples, rss, median, min, peakRssKb, output,
        })),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${join('bench/.out', 'results.md')} and results.json`);
  if (results.some((r) => r.status === 'failed')) process.exitCode = 1;
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept scratch dir ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
