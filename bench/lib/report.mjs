// Turn measured results into a console report and a Markdown report.
//
// A result is { job, status: 'ok' | 'skipped' | 'failed', message?, samples, rss, median, min, max,
// peakRssKb, output?, detail? } — see run.mjs. A group's metric is 'wall' (seconds, lower is better) or
// 'throughput' (validations/s reported by the process itself, higher is better).
import { fmtOps, fmtRatio, fmtRss, fmtSec } from './stats.mjs';

const better = (group) => ((group.metric ?? 'wall') === 'throughput' ? 'higher' : 'lower');
const fmtValue = (group, v) => ((group.metric ?? 'wall') === 'throughput' ? fmtOps(v) : fmtSec(v));

/** Per-group analysis: peers, the yardstick peer, ratios and target verdicts. */
export function analyse(group, results) {
  const rows = results.filter((r) => r.job.group === group.id);
  const peers = rows.filter((r) => r.job.role === 'peer' && r.status === 'ok');
  const isBetter = better(group) === 'higher' ? (a, b) => a > b : (a, b) => a < b;
  const bestPeer = peers.reduce((best, r) => (!best || isBetter(r.median, best.median) ? r : best), null);
  const against = group.target?.against;
  const yardstick = against ? (peers.find((p) => p.job.id === against) ?? null) : bestPeer;
  const ratios = (r) =>
    r.status === 'ok' ? peers.map((p) => ({ peer: p.job.name, ratio: r.median / p.median })) : [];
  const verdicts = rows
    .filter((r) => r.job.role === 'ours')
    .map((r) => {
      if (r.status !== 'ok' || !yardstick || !group.target) return { row: r, verdict: 'not measured' };
      const ratio = r.median / yardstick.median;
      const t = group.target;
      const pass = better(group) === 'higher' ? ratio >= t.ratio : t.strict ? ratio < t.ratio : ratio <= t.ratio;
      return { row: r, ratio, verdict: pass ? 'PASS' : 'FAIL' };
    });
  return { group, rows, peers, bestPeer, yardstick, ratios, verdicts };
}

function describeOutput(o) {
  if (!o) return '';
  if (o.numberedDuplicates === undefined) return `${o.files} file${o.files === 1 ? '' : 's'}, ${Math.round(o.bytes / 1024)} KiB`;
  const dups = o.numberedDuplicates.length;
  const dupText = dups ? `${dups} numbered dup. (${o.numberedDuplicates.slice(0, 3).join(', ')}${dups > 3 ? ', …' : ''})` : '0 numbered dup.';
  return `${o.files} file${o.files === 1 ? '' : 's'}, ${Math.round(o.bytes / 1024)} KiB, ${o.exports} exports, ${dupText}`;
}

function describeDetail(d) {
  if (!d) return '';
  const wrong = d.disagree ? `${d.disagree} wrong answer${d.disagree === 1 ? '' : 's'} (e.g. ${d.disagreeExamples[0]})` : '0 wrong answers';
  return `${d.validationsPerPass} validations/pass over ${d.cases}/${d.casesTotal} ${d.set === 'cognito' ? 'shapes' : 'cases'}; ${wrong}`;
}

const isThroughput = (a) => (a.group.metric ?? 'wall') === 'throughput';

/** Table cells for one row; status other than ok spans the message. */
function cells(a, r) {
  if (r.status !== 'ok') return [r.job.name, r.message];
  const vs = a.peers.map((p) => fmtRatio(r.median / p.median));
  if (isThroughput(a)) return [r.job.name, fmtOps(r.median), fmtOps(r.min), fmtOps(r.max), fmtOps(r.best), ...vs, describeDetail(r.detail)];
  const row = [r.job.name, fmtSec(r.median), fmtSec(r.min), fmtRss(r.peakRssKb), ...vs];
  return a.group.inspect === 'none' ? row : [...row, describeOutput(r.output)];
}

const headers = (a) =>
  isThroughput(a)
    ? ['job', 'median', 'min', 'max', 'best sample', ...a.peers.map((p) => `vs ${p.job.name}`), 'what was run']
    : ['job', 'median', 'min', 'peak RSS', ...a.peers.map((p) => `vs ${p.job.name}`), ...(a.group.inspect === 'none' ? [] : ['output'])];

/** "schemaforge types (json-schema corpus)  median 0.62 s  = 0.41× openapi-typescript, 0.12× …" */
function ratioLine(a, r, width) {
  const label = r.job.name.padEnd(width);
  if (r.status !== 'ok') return `${label}  ${r.message}`;
  const vs = a.ratios(r).map((x) => `${fmtRatio(x.ratio)} ${x.peer}`).join(', ');
  const best = isThroughput(a) && a.peers.length
    ? `; best samples: ${fmtOps(r.best)} = ${a.peers.map((p) => `${fmtRatio(r.best / p.best)} ${p.job.name}`).join(', ')}`
    : '';
  return `${label}  median ${fmtValue(a.group, r.median)}${vs ? `  = ${vs}` : ''}${best}`;
}

function targetLines(a) {
  const t = a.group.target;
  if (!t) return [];
  const rss = a.group.rssTarget;
  const rssLines = rss
    ? a.verdicts.map(({ row }) =>
        row.status === 'ok' && row.peakRssKb
          ? `target (${rss.text}): ${row.job.name}: ${row.peakRssKb <= rss.kb ? 'PASS' : 'FAIL'} (${fmtRss(row.peakRssKb)})`
          : `target (${rss.text}): ${row.job.name}: not measured`,
      )
    : [];
  return [...rssLines, ...a.verdicts.map(({ row, ratio, verdict }) =>
    verdict === 'not measured'
      ? `target (${t.text}): ${row.job.name}: not measured${row.message ? ` — ${row.message}` : !a.yardstick ? ' — yardstick peer not measured' : ''}`
      : `target (${t.text}): ${row.job.name}: ${verdict} (${fmtRatio(ratio)} ${a.yardstick.job.name})`,
  )];
}

function yardstickLine(a) {
  const word = better(a.group) === 'higher' ? 'higher' : 'lower';
  const kind = a.group.target?.against ? 'yardstick' : better(a.group) === 'higher' ? 'faster peer' : 'faster peer';
  const y = a.yardstick;
  return y
    ? `${kind}: ${y.job.name} (median ${fmtValue(a.group, y.median)}); ratios are ours / peer, ${word} is better`
    : `${kind}: none measured`;
}

/** Throughput groups: which cases were left out, and why (from the drivers' result). */
function skippedLines(a, max = 12) {
  if (!isThroughput(a)) return [];
  const d = a.rows.find((r) => r.status === 'ok' && r.detail)?.detail;
  if (!d) return [];
  const out = [];
  for (const [tool, list] of Object.entries(d.skippedDetail ?? {})) {
    if (d.skipped?.[tool] === null) {
      out.push(`skipped by ${tool}: n/a (not prepared)`);
      continue;
    }
    out.push(`skipped by ${tool} (cannot compile, or throws on an instance): ${list.length}`);
    for (const s of list.slice(0, max)) out.push(`  ${s.length > 200 ? `${s.slice(0, 197)}…` : s}`);
    if (list.length > max) out.push(`  … ${list.length - max} more (bench/.out/results.json)`);
  }
  return out;
}

function textTable(head, rows) {
  const full = rows.filter((r) => r.length > 2);
  const widths = head.map((h, i) =>
    Math.max(h.length, ...(i === 0 ? rows : full).map((r) => String(r[i] ?? '').length)),
  );
  const line = (r) =>
    r.length === 2 // a skipped/failed row: name + message
      ? `${r[0].padEnd(widths[0])}  ${r[1]}`
      : r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function consoleReport(meta, analyses) {
  const out = [`schemaforge benchmark — ${meta.summary}`];
  for (const a of analyses) {
    const width = Math.max(...a.rows.map((r) => r.job.name.length));
    out.push(
      '',
      `## ${a.group.title}`,
      textTable(headers(a), a.rows.map((r) => cells(a, r))),
      '',
      ...a.rows.filter((r) => r.job.role === 'ours').map((r) => ratioLine(a, r, width)),
      yardstickLine(a),
      ...targetLines(a),
      ...skippedLines(a),
      ...(a.group.notes ?? []),
      '',
      `how each job runs${a.group.legend ? ` (${a.group.legend})` : ''}:`,
      ...a.rows.map((r) => `  ${r.job.name}: ${r.job.how}${r.job.note ? `\n    (${r.job.note})` : ''}`),
    );
  }
  const failed = analyses.flatMap((a) => a.rows).filter((r) => r.status === 'failed');
  for (const r of failed) out.push('', `--- ${r.job.name} failed; last output:`, r.output_tail ?? '');
  return out.join('\n');
}

const mdEscape = (s) => String(s).replaceAll('|', '\\|');

export function markdownReport(meta, analyses) {
  const out = ['# schemaforge benchmark results', '', meta.summary];
  for (const a of analyses) {
    const head = headers(a);
    out.push('', `## ${a.group.title}`, '', `| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i === 0 || i === head.length - 1 ? '---' : '---:')).join(' | ')} |`);
    for (const r of a.rows) {
      const c = cells(a, r);
      const row = c.length === 2 ? [c[0], `*${c[1]}*`, ...Array(head.length - 2).fill('')] : c;
      out.push(`| ${row.map(mdEscape).join(' | ')} |`);
    }
    out.push(
      '',
      `- ${yardstickLine(a)}`,
      ...targetLines(a).map((l) => `- ${l}`),
      ...skippedLines(a).map((l) => (l.startsWith('  ') ? `  - ${mdEscape(l.trim())}` : `- ${l}`)),
      ...(a.group.notes ?? []).map((l) => `- ${l}`),
      '',
      `Commands${a.group.legend ? ` (${a.group.legend.replaceAll('<', '&lt;')})` : ''}:`,
      '',
    );
    for (const r of a.rows) out.push(`- ${r.job.name}: \`${r.job.how}\`${r.job.note ? ` — ${r.job.note}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}
