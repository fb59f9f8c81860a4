import { describe, expect, it } from 'vitest';
import { affectedMatrix } from './affected-matrix.js';
import { coverageMarkdown, type CoverageTotals } from './coverage-summary.js';

describe('affectedMatrix', () => {
  const projects = [
    { name: '@shop/orders', root: 'packages/orders', tags: ['type:module', 'team:orders'] },
    { name: '@shop/customers', root: 'packages/customers', tags: ['type:module', 'team:accounts'] },
    { name: '@shop/monolith-e2e', root: 'apps/monolith-e2e', tags: ['type:e2e', 'team:platform'] },
    { name: '@shop/loose', root: 'packages/loose', tags: ['type:module'] },
  ];

  it('one entry per affected project with its team, sorted, e2e suites apart', () => {
    expect(affectedMatrix(['@shop/orders', '@shop/monolith-e2e', '@shop/customers', '@shop/loose'], projects)).toEqual({
      include: [
        { project: '@shop/customers', team: 'accounts', root: 'packages/customers' },
        { project: '@shop/loose', team: 'no team', root: 'packages/loose' },
        { project: '@shop/orders', team: 'orders', root: 'packages/orders' },
      ],
      e2e: ['@shop/monolith-e2e'],
    });
    expect(affectedMatrix([], projects)).toEqual({ include: [], e2e: [] });
  });

  it('refuses a project the graph does not know', () => {
    expect(() => affectedMatrix(['@shop/ghost'], projects)).toThrow('@shop/ghost');
  });
});

describe('coverageMarkdown', () => {
  const metric = (pct: number) => ({ pct, covered: pct, total: 100 });
  const totals: CoverageTotals = { total: { lines: metric(91.5), statements: metric(90), functions: metric(80), branches: metric(70) } };

  it('each metric against its floor, failing ones marked', () => {
    const markdown = coverageMarkdown('@shop/orders', totals, { lines: 90, statements: 90, functions: 85, branches: 65 });
    expect(markdown).toContain('| lines | 91.50% (91.5/100) | 90% | ✅ |');
    expect(markdown).toContain('| functions | 80.00% (80/100) | 85% | ❌ below the floor |');
    expect(markdown).toContain('vitest fails the job below them');
  });

  it('says when nothing is enforced, or nothing was measured', () => {
    expect(coverageMarkdown('@shop/orders', totals, {})).toContain('declares no `coverageFloor`');
    expect(coverageMarkdown('@shop/orders', undefined, {})).toContain('No coverage report');
  });
});
