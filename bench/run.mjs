#!/usr/bin/env node
// schemaforge benchmark: every job in bench/jobs.mjs, one report.
//
//   npm run bench                      # = node bench/run.mjs
//   BENCH_RUNS=10 npm run bench        # timed runs per job (default 5), after 1 warm-up run
//   BENCH_ONLY='openapi|json' npm run bench   # only jobs whose id, name or group matches the regex
//   BENCH_KEEP=1 npm run bench         # keep the scratch dir (generated outputs) for inspection
//   BENCH_RSS=time|preload|off         # force the peak-RSS method (default: GNU time if present)
//
// Every iteration is a fresh process (child_process.spawn). Runs are interleaved round-robin
// (job A, B, C, A, B, C, …) so machine-load drift hits all jobs alike. Groups of metric 'wall' report the
// wall-clock time of the process (median and min); groups of metric 'throughput' report the validations/s the
// process measured itself and printed as `BENCH_RESULT <json>` (median over the processes). Ratios are against
// the peers of the same group, and each group's target is checked. Jobs may need a preparation (`prepare`,
// untimed, run once before everything else). Writes bench/.out/results.md and results.json. Exit code 1 only if
// a job that ran failed.
import { cpus, tmpdir } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { groups, jobs, prepares } from './jobs.mjs';
import { OUT, ROOT } from './lib/paths.mjs';
import { detectRssMethod, runProcess } from './lib/measure.mjs';
import { inspectFiles, inspectTsOutput } from './lib/outputs.mjs';
import { consoleReport, markdownReport, analyse } from './lib/report.mjs';
import { max, median, min } from './lib/stats.mjs';

const runs = Number.parseInt(process.env.BENCH_RUNS ?? '5', 10);
if (!(runs >= 1)) throw new Error(`BENCH_RUNS must be a positive integer, got ${process.env.BENCH_RUNS}`);
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
const rssMethod = detectRssMethod();
const scratch = mkdtempSync(join(tmpdir(), 'schemaforge-bench-'));
// Prepared artifacts live inside the repo: ajv's standalone modules `require("ajv/dist/runtime/…")` and
// `require("ajv-formats/…")`, which resolve from the module's own folder up to node_modules/.
mkdirSync(OUT, { recursive: true });
const preparedDir = mkdtempSync(join(OUT, 'prepared-'));

const groupOf = new Map(groups.map((g) => [g.id, g]));
const metricOf = (job) => groupOf.get(job.group)?.metric ?? 'wall';
const runsOf = (job) => Math.max(runs, groupOf.get(job.group)?.minRuns ?? 0);

const selected = jobs.filter((j) => !only || only.test(j.id) || only.test(j.name) || only.test(j.group));
const results = selected.map((job) => {
  const missing = (job.requires ?? []).find((r) => !existsSync(r.path));
  return missing
    ? { job, status: 'skipped', message: missing.message, samples: [], rss: [] }
    : { job, status: 'ok', samples: [], rss: [], details: [] };
});

/** The processes of one iteration of `job` (one, or several for `steps` jobs). */
function processesOf(job, ctx) {
  if (job.steps) return job.steps(ctx);
  return [{ cmd: job.cmd, args: typeof job.args === 'function' ? job.args(ctx) : job.args }];
}

/** The `BENCH_RESULT {json}` line a throughput driver prints, or null. */
function benchResult(stdout) {
  const line = stdout.split('\n').findLast((l) => l.startsWith('BENCH_RESULT '));
  return line ? JSON.parse(line.slice('BENCH_RESULT '.length)) : null;
}

/** One iteration: fresh output dir, untimed setup, then the timed process(es). */
async function iterate(result) {
  const { job } = result;
  const workDir = join(scratch, job.id);
  const outDir = join(workDir, 'out');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const ctx = { outDir, workDir, preparedDir };
  await job.setup?.(ctx);
  let ms = 0;
  let rssKb = null;
  let detail = null;
  let processes;
  try {
    processes = processesOf(job, ctx);
  } catch (err) {
    Object.assign(result, { status: 'failed', message: `cannot build its command: ${String(err?.message ?? err).split('\n')[0]}` });
    return null;
  }
  for (const p of processes) {
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
    if (metricOf(job) === 'throughput') {
      detail = benchResult(r.stdout);
      if (!detail) {
        Object.assign(result, {
          status: 'failed',
          message: 'printed no BENCH_RESULT line; its output is printed after the report',
          output_tail: `$ ${p.cmd} ${p.args.join(' ')}\n${r.output}`,
        });
        return null;
      }
    }
  }
  return { ms, rssKb, outDir, detail, value: detail ? detail.value : ms };
}

const active = () => results.filter((r) => r.status === 'ok');
const progress = (s) => process.stderr.write(s);

/** Runs each preparation that an active job needs, once; jobs whose preparation failed are marked failed. */
async function prepareAll() {
  const needed = [...new Set(active().flatMap((r) => r.job.prepare ?? []))];
  for (const id of needed) {
    const prep = prepares[id];
    const missing = (prep.requires ?? []).find((r) => !existsSync(r.path));
    let failure = missing ? { message: missing.message } : null;
    if (!failure) {
      progress(`prepare ${id} (untimed): ${prep.name}\n`);
      for (const p of prep.steps({ preparedDir })) {
        const r = await runProcess({ cwd: ROOT, ...p }, { rssMethod: 'off', scratch });
        progress(r.output.split('\n').filter((l) => /^\s{2}\S/.test(l)).map((l) => `${l}\n`).join(''));
        if (r.code !== 0) {
          failure = { message: `preparation "${id}" failed (exit ${r.code}); its output is printed after the report`, tail: `$ ${p.cmd} ${p.args.join(' ')}\n${r.output}` };
          break;
        }
        progress(`  ${(r.ms / 1000).toFixed(1)} s\n`);
      }
    }
    if (failure) {
      for (const r of active().filter((x) => (x.job.prepare ?? []).includes(id))) {
        Object.assign(r, { status: missing ? 'skipped' : 'failed', message: failure.message, output_tail: failure.tail });
      }
    }
  }
}

try {
  await prepareAll();
  progress(`warm-up:`);
  for (const r of active()) {
    if (groupOf.get(r.job.group)?.harnessWarmup === false) continue; // warms up inside its own process
    progress(` ${r.job.id}`);
    await iterate(r);
  }
  progress('\n');
  const rounds = Math.max(0, ...active().map((r) => runsOf(r.job)));
  for (let i = 1; i <= rounds; i++) {
    progress(`run ${i}/${rounds}:`);
    for (const r of active()) {
      if (i > runsOf(r.job)) continue;
      const it = await iterate(r);
      if (!it) continue;
      r.samples.push(it.value);
      if (it.rssKb != null) r.rss.push(it.rssKb);
      if (it.detail) r.details.push(it.detail);
      r.lastOutDir = it.outDir;
      progress(` ${r.job.id}=${metricOf(r.job) === 'throughput' ? `${(it.value / 1e6).toFixed(2)}M/s` : `${(it.ms / 1000).toFixed(2)}s`}`);
    }
    progress('\n');
  }
  for (const r of active()) {
    r.median = median(r.samples);
    r.min = min(r.samples);
    r.max = max(r.samples);
    r.peakRssKb = r.rss.length ? max(r.rss) : null;
    const inspect = groupOf.get(r.job.group)?.inspect ?? 'ts';
    r.output = inspect === 'ts' ? inspectTsOutput(r.lastOutDir) : inspect === 'files' ? inspectFiles(r.lastOutDir) : null;
    r.detail = r.details.at(-1) ?? null;
    r.best = r.details.length ? max(r.details.map((d) => d.best)) : null;
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
    `fresh process per run, ${runs} run${runs === 1 ? '' : 's'} per job (more where a group says so), interleaved · ` +
    `peak RSS via ${{ time: '/usr/bin/time -v', preload: 'process.resourceUsage() preload', off: 'not measured (BENCH_RSS=off)' }[rssMethod] ?? rssMethod}`;

  const analyses = groups.map((g) => analyse(g, results)).filter((a) => a.rows.length > 0);
  console.log(consoleReport(meta, analyses));

  writeFileSync(join(OUT, 'results.md'), markdownReport(meta, analyses));
  writeFileSync(
    join(OUT, 'results.json'),
    `${JSON.stringify(
      {
        meta,
        results: results.map(({ job, status, message, samples, rss, median, min, max, best, peakRssKb, output, details }) => ({
          id: job.id, name: job.name, group: job.group, role: job.role, metric: metricOf(job), how: job.how,
          status, message, samples, rss, median, min, max, best, peakRssKb, output,
          details: details?.map(({ samples: s, skippedDetail, ...d }) => ({ ...d, samples: s })),
          skippedDetail: details?.at(-1)?.skippedDetail,
        })),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${join('bench/.out', 'results.md')} and results.json`);
  if (results.some((r) => r.status === 'failed')) process.exitCode = 1;
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept scratch dir ${scratch} and prepared dir ${preparedDir}`);
  else {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(preparedDir, { recursive: true, force: true });
  }
}
