import type { Report } from '../run-checks.js';

/**
 * `--json`: the whole report, for tools (the PR comment, the dashboard). `ok` is false exactly
 * when the exit code is non-zero; `projects`, `moduleEdges` (calls, events, module entries) and
 * `sanctionedReads` describe the tree checked.
 */
export function formatJson(report: Report, elapsedMs: number): string {
  const { findings, projects, moduleEdges, sanctionedReads, stats } = report;
  return `${JSON.stringify({ ok: findings.length === 0, findings, projects, moduleEdges, sanctionedReads, stats: { ...stats, elapsedMs: Math.round(elapsedMs) } }, null, 2)}\n`;
}
