import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const METRICS = ['lines', 'statements', 'functions', 'branches'] as const;
type Metric = (typeof METRICS)[number];

/** `coverage/coverage-summary.json` as @vitest/coverage-v8's json-summary reporter writes it (its `total` entry). */
export interface CoverageTotals {
  total: Record<Metric, { total: number; covered: number; pct: number }>;
}

/**
 * The coverage part of a project job's summary: each metric measured against the floor its
 * package.json declares (`coverageFloor`), or a line saying why there is nothing to show.
 */
export function coverageMarkdown(project: string, totals: CoverageTotals | undefined, floor: Partial<Record<Metric, number>>): string {
  if (totals === undefined) return `### Coverage of ${project}\n\nNo coverage report (the project has no tests, or they did not run).\n`;
  const rows = METRICS.map((metric) => {
    const { pct, covered, total } = totals.total[metric];
    const min = floor[metric];
    const verdict = min === undefined ? 'no floor' : pct >= min ? '✅' : '❌ below the floor';
    return `| ${metric} | ${pct.toFixed(2)}% (${covered}/${total}) | ${min === undefined ? '—' : `${min}%`} | ${verdict} |`;
  });
  const declared = METRICS.some((metric) => floor[metric] !== undefined);
  return [
    `### Coverage of ${project}`,
    '',
    '| metric | measured | floor | |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    declared ? 'Floors come from `coverageFloor` in the package.json; vitest fails the job below them.' : 'This package declares no `coverageFloor` in its package.json, so nothing is enforced.',
    '',
  ].join('\n');
}

/** Reads a project's report and floor from disk. */
export function projectCoverageMarkdown(workspaceRoot: string, project: string, projectRoot: string): string {
  const report = path.join(workspaceRoot, projectRoot, 'coverage', 'coverage-summary.json');
  const manifest = path.join(workspaceRoot, projectRoot, 'package.json');
  const totals = existsSync(report) ? (JSON.parse(readFileSync(report, 'utf8')) as CoverageTotals) : undefined;
  const floor = existsSync(manifest) ? ((JSON.parse(readFileSync(manifest, 'utf8')) as { coverageFloor?: Partial<Record<Metric, number>> }).coverageFloor ?? {}) : {};
  return coverageMarkdown(project, totals, floor);
}
