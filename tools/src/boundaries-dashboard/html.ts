import type { Dashboard } from './aggregate.js';

/**
 * history.html: the dashboard of boundary violations CI caught, one self-contained page (no
 * script, nothing fetched) with months as columns: violations per team (with totals) and per
 * module, where they were caught, the register of sanctioned cross-module reads, and each
 * project's fan-in/fan-out on main. The aggregated data is embedded as JSON.
 */
export function renderDashboard(dashboard: Dashboard, generatedAt: string): string {
  const { months } = dashboard;
  const teams = Object.keys(dashboard.teamTotals).sort((a, b) => (dashboard.teamTotals[b] ?? 0) - (dashboard.teamTotals[a] ?? 0) || a.localeCompare(b));
  const modules = [...new Set(months.flatMap((m) => Object.keys(dashboard.byModule[m] ?? {})))].sort();
  const fanProjects = Object.keys(dashboard.fan).sort((a, b) => Number(dashboard.types[b] === 'module') - Number(dashboard.types[a] === 'module') || a.localeCompare(b));
  const head = `<tr><th></th>${months.map((m) => `<th>${escape(m)}</th>`).join('')}`;
  const cells = (value: (month: string) => string | number) => months.map((m) => `<td>${value(m)}</td>`).join('');
  const data = JSON.stringify(dashboard).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Boundary violations per month</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; margin-bottom: 1.5rem; }
td, th { border: 1px solid #ccc; padding: 2px 8px; text-align: right; }
td:first-child, th:first-child { text-align: left; }
td.zero { color: #bbb; }
</style>
</head>
<body>
<h1>Boundary violations per month</h1>
<p>Every violation <code>pnpm boundaries</code> caught in CI, on pull requests and on main, counted once: on the
first run that saw it (later pushes of the same pull request add nothing; one fixed before the merge still counts).
Generated ${escape(generatedAt)}.</p>
${months.length === 0 ? '<p>No CI run recorded yet.</p>' : ''}
<h2>Per team</h2>
<table>${head}<th>total</th></tr>
${teams.map((team) => `<tr><td>${escape(team)}</td>${cells((m) => count(dashboard.byTeam[m]?.[team]))}<td><b>${dashboard.teamTotals[team] ?? 0}</b></td></tr>`).join('\n')}
</table>
<h2>Per module</h2>
<table>${head}</tr>
${modules.map((project) => `<tr><td>${escape(project)}</td>${cells((m) => count(dashboard.byModule[m]?.[project]))}</tr>`).join('\n')}
</table>
<h2>Where they were caught</h2>
<table>${head}</tr>
<tr><td>on a pull request</td>${cells((m) => count(dashboard.caughtOn[m]?.pullRequests))}</tr>
<tr><td>on main</td>${cells((m) => count(dashboard.caughtOn[m]?.main))}</tr>
</table>
<h2>Sanctioned cross-module reads</h2>
<table>${head}</tr>
<tr><td>entries in the register</td>${cells((m) => (dashboard.sanctionedReads[m] === undefined ? '' : dashboard.sanctionedReads[m].length))}</tr>
</table>
${registerTable(dashboard)}
<h2>Fan-in / fan-out on main</h2>
<p>Per project at the last push to main of each month: how many workspace projects depend on it / it depends on.</p>
<table>${head}</tr>
${fanProjects.map((project) => `<tr><td>${escape(project)} <small>${escape(dashboard.types[project] ?? '')}</small></td>${cells((m) => fanCell(dashboard.fan[project]?.[m]))}</tr>`).join('\n')}
</table>
<script type="application/json" id="dashboard-data">${data}</script>
</body>
</html>
`;
}

function registerTable(dashboard: Dashboard): string {
  const latestMonth = Object.keys(dashboard.sanctionedReads).sort().at(-1);
  const latest = latestMonth === undefined ? [] : (dashboard.sanctionedReads[latestMonth] ?? []);
  if (latest.length === 0) return `<p>The register is empty${latestMonth === undefined ? '' : ` (${escape(latestMonth)})`}: no module reads another's data outside its API.</p>`;
  return `<table><tr><th>reader</th><th>reads from</th><th>what</th><th>why</th></tr>\n${latest.map((r) => `<tr><td>${escape(r.reader)}</td><td>${escape(r.owner)}</td><td>${escape(r.object)}</td><td style="text-align:left">${escape(r.reason)}</td></tr>`).join('\n')}\n</table>`;
}

const count = (n: number | undefined) => (n === undefined || n === 0 ? '<span class="zero">0</span>' : String(n));
const fanCell = (fan: { fanIn: number; fanOut: number } | undefined) => (fan === undefined ? '' : `${fan.fanIn} / ${fan.fanOut}`);

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
