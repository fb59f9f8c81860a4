import type { Report } from '../run-checks.js';

/** `--json`: the whole report, for tools. `ok` is false exactly when the exit code is non-zero. */
export function formatJson(report: Report, elapsedMs: number): string {
  return `${JSON.stringify({ ok: report.findings.length === 0, findings: report.findings, stats: { ...report.stats, elapsedMs: Math.round(elapsedMs) } }, null, 2)}\n`;
}
