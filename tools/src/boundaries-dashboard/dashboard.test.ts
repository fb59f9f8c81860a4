import { describe, expect, it } from 'vitest';
import type { Finding } from '../boundaries/finding.js';
import { aggregate } from './aggregate.js';
import { renderDashboard } from './html.js';
import { emptyStore, ingestRuns, type RunArtifact } from './store.js';

/** Throwaway CI history: three runs of PR 7 (a violation planted, pushed again, fixed), a PR 8 violation, and pushes to main in two months. */
const projects = [
  { name: '@shop/orders', type: 'module', team: 'orders', fanIn: 1, fanOut: 3 },
  { name: '@shop/customers', type: 'module', team: 'accounts', fanIn: 2, fanOut: 2 },
  { name: '@shop/platform-db', type: 'platform', team: 'platform', fanIn: 5, fanOut: 0 },
];
const violation = (project: string, line: number, message = 'reaches into customers'): Finding => ({
  rule: 'deep-import',
  message,
  why: 'w',
  fix: 'f',
  where: { project, file: `packages/${project.slice(6)}/src/x.ts`, line },
  owner: { project: '@shop/customers', team: 'accounts', github: '@shop-org/accounts' },
});
const run = (runId: number, at: string, pr: number | null, findings: Finding[], fanOut = 3): RunArtifact => ({
  run: { event: pr === null ? 'push' : 'pull_request', pr, sha: `sha${runId}`, ref: pr === null ? 'refs/heads/main' : `refs/pull/${pr}/merge`, runId, at },
  report: { findings, projects: projects.map((p) => (p.name === '@shop/orders' ? { ...p, fanOut } : p)), sanctionedReads: [] },
});
const history = [
  run(1, '2026-01-10T10:00:00Z', null, [], 3),
  run(2, '2026-01-12T10:00:00Z', 7, [violation('@shop/orders', 3)]),
  run(3, '2026-01-12T11:00:00Z', 7, [violation('@shop/orders', 5)]), // same violation, moved two lines
  run(4, '2026-01-13T09:00:00Z', 7, []), // fixed before the merge
  run(5, '2026-02-02T09:00:00Z', 8, [violation('@shop/platform-db', 1, 'imports a module'), violation('@shop/orders', 3)]),
  run(6, '2026-02-03T09:00:00Z', null, [violation('@shop/platform-db', 1, 'imports a module')], 4), // merged anyway: the same violation
];

describe('ingestRuns', () => {
  it('counts each violation once, on the first run that saw it, keeps fixed ones, and ignores a run ingested before', () => {
    const store = ingestRuns(ingestRuns(emptyStore(), history.slice(0, 3)), history);
    expect(store.runs).toEqual([1, 2, 3, 4, 5, 6]);
    expect(store.violations.map((v) => [v.month, v.pr, v.project, v.team, v.crossedTeam])).toEqual([
      ['2026-01', 7, '@shop/orders', 'orders', 'accounts'],
      ['2026-02', 8, '@shop/platform-db', 'platform', 'accounts'],
      ['2026-02', 8, '@shop/orders', 'orders', 'accounts'], // a second pull request making the same mistake is caught again
    ]);
    expect(store.snapshots.map((s) => s.sha)).toEqual(['sha1', 'sha6']);
    expect(ingestRuns(store, history)).toEqual(store);
  });
});

describe('aggregate and renderDashboard', () => {
  const dashboard = aggregate(ingestRuns(emptyStore(), history));

  it('violations per month per module and per team, team totals, where they were caught', () => {
    expect(dashboard.months).toEqual(['2026-01', '2026-02']);
    expect(dashboard.byModule).toEqual({ '2026-01': { '@shop/orders': 1 }, '2026-02': { '@shop/platform-db': 1, '@shop/orders': 1 } });
    expect(dashboard.byTeam).toEqual({ '2026-01': { orders: 1 }, '2026-02': { platform: 1, orders: 1 } });
    expect(dashboard.teamTotals).toEqual({ orders: 2, platform: 1 });
    expect(dashboard.caughtOn).toEqual({ '2026-01': { pullRequests: 1, main: 0 }, '2026-02': { pullRequests: 2, main: 0 } });
  });

  it('fan-in/fan-out per project and the sanctioned-reads register, per month, from main', () => {
    expect(dashboard.fan['@shop/orders']).toEqual({ '2026-01': { fanIn: 1, fanOut: 3 }, '2026-02': { fanIn: 1, fanOut: 4 } });
    expect(dashboard.sanctionedReads).toEqual({ '2026-01': [], '2026-02': [] });
  });

  it('renders one self-contained page with the months, team totals, the register and the trend', () => {
    const html = renderDashboard(dashboard, '2026-02-04T00:00:00Z');
    expect(html).not.toMatch(/\b(?:src|href)\s*=|<script(?! type="application\/json")/);
    expect(html).toContain('<th>2026-01</th><th>2026-02</th><th>total</th>');
    expect(html).toMatch(/<tr><td>orders<\/td><td>1<\/td><td>1<\/td><td><b>2<\/b><\/td><\/tr>/);
    expect(html).toContain('The register is empty (2026-02)');
    expect(html).toMatch(/@shop\/orders <small>module<\/small><\/td><td>1 \/ 3<\/td><td>1 \/ 4<\/td>/);
    const embedded = /<script type="application\/json" id="dashboard-data">(.*?)<\/script>/s.exec(html)?.[1];
    expect(JSON.parse(embedded ?? 'null')).toEqual(dashboard);
  });

  it('lists the register when it has entries', () => {
    const withRead = history.map((r) => (r.run.runId === 6 ? { ...r, report: { ...r.report, sanctionedReads: [{ reader: '@shop/reporting', owner: '@shop/orders', object: 'orders.totals_v1', reason: 'monthly revenue' }] } } : r));
    const html = renderDashboard(aggregate(ingestRuns(emptyStore(), withRead)), 'now');
    expect(html).toContain('<tr><td>entries in the register</td><td>0</td><td>1</td></tr>');
    expect(html).toContain('<td>@shop/reporting</td><td>@shop/orders</td><td>orders.totals_v1</td>');
  });
});
