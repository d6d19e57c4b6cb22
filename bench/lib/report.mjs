// Turn measured results into a console report and a Markdown report.
//
// A result is { job, status: 'ok' | 'skipped' | 'failed', message?, samples, rss, median, min,
// peakRssKb, output? } — see run.mjs.
import { fmtRatio, fmtRss, fmtSec } from './stats.mjs';

/** Per-group analysis: peers, the faster (fastest) peer, ratios and target verdicts. */
export function analyse(group, results) {
  const rows = results.filter((r) => r.job.group === group.id);
  const peers = rows.filter((r) => r.job.role === 'peer' && r.status === 'ok');
  const fasterPeer = peers.reduce((best, r) => (!best || r.median < best.median ? r : best), null);
  const ratios = (r) =>
    r.status === 'ok' ? peers.map((p) => ({ peer: p.job.name, ratio: r.median / p.median })) : [];
  const verdicts = rows
    .filter((r) => r.job.role === 'ours')
    .map((r) => {
      if (r.status !== 'ok' || !fasterPeer || !group.target) return { row: r, verdict: 'not measured' };
      const ratio = r.median / fasterPeer.median;
      return { row: r, ratio, verdict: ratio <= group.target.ratio ? 'PASS' : 'FAIL' };
    });
  return { group, rows, peers, fasterPeer, ratios, verdicts };
}

function describeOutput(o) {
  if (!o) return '';
  const dups = o.numberedDuplicates.length;
  const dupText = dups ? `${dups} numbered dup. (${o.numberedDuplicates.slice(0, 3).join(', ')}${dups > 3 ? ', …' : ''})` : '0 numbered dup.';
  return `${o.files} file${o.files === 1 ? '' : 's'}, ${Math.round(o.bytes / 1024)} KiB, ${o.exports} exports, ${dupText}`;
}

/** Table cells for one row; status other than ok spans the message. */
function cells(a, r) {
  if (r.status !== 'ok') return [r.job.name, r.message];
  return [
    r.job.name,
    fmtSec(r.median),
    fmtSec(r.min),
    fmtRss(r.peakRssKb),
    ...a.peers.map((p) => fmtRatio(r.median / p.median)),
    describeOutput(r.output),
  ];
}

const headers = (a) => ['job', 'median', 'min', 'peak RSS', ...a.peers.map((p) => `vs ${p.job.name}`), 'output'];

/** "schemaforge types (json-schema corpus)  median 0.62 s  = 0.41× openapi-typescript, 0.12× …" */
function ratioLine(a, r, width) {
  const label = r.job.name.padEnd(width);
  if (r.status !== 'ok') return `${label}  ${r.message}`;
  const vs = a.ratios(r).map((x) => `${fmtRatio(x.ratio)} ${x.peer}`).join(', ');
  return `${label}  median ${fmtSec(r.median)}${vs ? `  = ${vs}` : ''}`;
}

function targetLines(a) {
  const t = a.group.target;
  if (!t) return [];
  return a.verdicts.map(({ row, ratio, verdict }) =>
    verdict === 'not measured'
      ? `target (${t.text}): ${row.job.name}: not measured${row.message ? ` — ${row.message}` : ''}`
      : `target (${t.text}): ${row.job.name}: ${verdict} (${fmtRatio(ratio)} ${a.fasterPeer.job.name})`,
  );
}

function fasterPeerLine(a) {
  return a.fasterPeer
    ? `faster peer: ${a.fasterPeer.job.name} (median ${fmtSec(a.fasterPeer.median)})`
    : 'faster peer: none measured';
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
      fasterPeerLine(a),
      ...targetLines(a),
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
    out.push('', `- ${fasterPeerLine(a)}`, ...targetLines(a).map((l) => `- ${l}`), '', `Commands${a.group.legend ? ` (${a.group.legend.replaceAll('<', '&lt;')})` : ''}:`, '');
    for (const r of a.rows) out.push(`- ${r.job.name}: \`${r.job.how}\`${r.job.note ? ` — ${r.job.note}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}
