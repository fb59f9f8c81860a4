import type { HistoryPoint } from './replay.js';

/**
 * history.html: one self-contained page (inline SVG and CSS, no script, nothing fetched) with
 * findings over time per rule and per project, and the latest fan-in/fan-out of each project.
 * The series itself is embedded as JSON, so the page is also the data.
 */
export function renderHtml(series: readonly HistoryPoint[]): string {
  const measured = series.filter((p) => p.error === undefined);
  const latest = measured.at(-1);
  const rules = keys(series.map((p) => p.findingsByRule));
  const projects = keys(series.map((p) => p.findingsByProject));
  const failed = series.filter((p) => p.error !== undefined);
  const data = JSON.stringify(series).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Boundaries over time</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #222; }
h1, h2 { font-weight: 600; }
table { border-collapse: collapse; }
td, th { border: 1px solid #ccc; padding: 2px 8px; text-align: right; }
td:first-child, th:first-child { text-align: left; }
.legend span { display: inline-block; margin-right: 1rem; }
.legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: middle; }
</style>
</head>
<body>
<h1>Boundaries over time</h1>
<p>${series.length} points, ${escape(series[0]?.date ?? '')} to ${escape(series.at(-1)?.date ?? '')}; today's <code>pnpm boundaries</code> checks replayed on each commit.${failed.length > 0 ? ` ${failed.length} commits could not be checked (gaps in the charts).` : ''}</p>
<h2>Findings per rule</h2>
${chart(series, rules, (p, rule) => p.findingsByRule[rule] ?? 0)}
<h2>Findings per project</h2>
${chart(series, projects, (p, project) => p.findingsByProject[project] ?? 0)}
<h2>Fan-in and fan-out${latest ? ` at ${escape(latest.commit.slice(0, 7))} (${escape(latest.date)})` : ''}</h2>
${latest ? fanTable(latest, series[0]) : '<p>No commit could be checked.</p>'}
<h2>Points</h2>
<table><tr><th>commit</th><th>date</th><th>subject</th><th>findings</th><th>note</th></tr>
${series.map((p) => `<tr><td><code>${escape(p.commit.slice(0, 7))}</code></td><td>${escape(p.date)}</td><td style="text-align:left">${escape(p.subject)}</td><td>${p.error === undefined ? p.findings : ''}</td><td style="text-align:left">${escape(p.error ?? (p.borrowedConfig.length > 0 ? `today's ${p.borrowedConfig.join(', ')} (not in this commit)` : ''))}</td></tr>`).join('\n')}
</table>
<script type="application/json" id="history-data">${data}</script>
</body>
</html>
`;
}

const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

/** A line chart, one line per name; points whose commit could not be checked are left out of the lines. */
function chart(series: readonly HistoryPoint[], names: readonly string[], value: (p: HistoryPoint, name: string) => number): string {
  if (names.length === 0) return '<p>No findings at any point.</p>';
  const width = 800;
  const height = 240;
  const pad = 30;
  const max = Math.max(1, ...series.filter((p) => p.error === undefined).flatMap((p) => names.map((n) => value(p, n))));
  const x = (i: number) => pad + (series.length === 1 ? 0 : (i * (width - 2 * pad)) / (series.length - 1));
  const y = (v: number) => height - pad - (v * (height - 2 * pad)) / max;
  const lines = names.map((name, n) => {
    const colour = COLOURS[n % COLOURS.length] ?? '#000';
    const points = series.map((p, i) => (p.error === undefined ? `${x(i).toFixed(1)},${y(value(p, name)).toFixed(1)}` : undefined)).filter((p) => p !== undefined);
    const dots = points.map((pt) => `<circle cx="${pt.split(',')[0]}" cy="${pt.split(',')[1]}" r="2.5" fill="${colour}"/>`).join('');
    return `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.join(' ')}"><title>${escape(name)}</title></polyline>${dots}`;
  });
  const axis = `<line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" stroke="#999"/><line x1="${pad}" y1="${pad}" x2="${pad}" y2="${height - pad}" stroke="#999"/>` +
    `<text x="${pad - 4}" y="${pad + 4}" text-anchor="end" font-size="11">${max}</text><text x="${pad - 4}" y="${height - pad + 4}" text-anchor="end" font-size="11">0</text>` +
    `<text x="${pad}" y="${height - 8}" font-size="11">${escape(series[0]?.commit.slice(0, 7) ?? '')}</text><text x="${width - pad}" y="${height - 8}" text-anchor="end" font-size="11">${escape(series.at(-1)?.commit.slice(0, 7) ?? '')}</text>`;
  const legend = names.map((name, n) => `<span><i style="background:${COLOURS[n % COLOURS.length]}"></i>${escape(name)}</span>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${axis}${lines.join('')}</svg>\n<div class="legend">${legend}</div>`;
}

/** Every project at the latest point, modules first, with its change since the first point. */
function fanTable(latest: HistoryPoint, first: HistoryPoint | undefined): string {
  const names = Object.keys(latest.fanIn).sort((a, b) => Number(latest.projectTypes[b] === 'module') - Number(latest.projectTypes[a] === 'module') || a.localeCompare(b));
  const delta = (now: number, then: number | undefined) => (then === undefined || then === now ? '' : ` (${now > then ? '+' : ''}${now - then})`);
  const rows = names.map((name) => {
    const fanIn = latest.fanIn[name] ?? 0;
    const fanOut = latest.fanOut[name] ?? 0;
    return `<tr><td>${escape(name)}</td><td style="text-align:left">${escape(latest.projectTypes[name] ?? '')}</td><td>${fanIn}${delta(fanIn, first?.fanIn[name])}</td><td>${fanOut}${delta(fanOut, first?.fanOut[name])}</td></tr>`;
  });
  return `<table><tr><th>project</th><th>type</th><th>fan-in</th><th>fan-out</th></tr>\n${rows.join('\n')}\n</table>\n<p>Fan-in: workspace projects depending on it; fan-out: workspace projects it depends on (Nx graph edges). In brackets: the change since the first point.</p>`;
}

function keys(records: readonly Record<string, number>[]): string[] {
  return [...new Set(records.flatMap((r) => Object.keys(r)))].sort();
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
