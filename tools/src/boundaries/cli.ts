import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config-error.js';
import { checks } from './checks/index.js';
import { formatHuman } from './format/human.js';
import { formatJson } from './format/json.js';
import { formatMarkdown } from './format/markdown.js';
import { loadWorkspace } from './load-workspace.js';
import { runChecks } from './run-checks.js';

/**
 * `pnpm boundaries [--json | --markdown] [--report-dir=<dir>]`: every boundary check, in seconds,
 * with no database. Exit 0 when clean, 1 with one finding per violation, 2 when the rules or
 * teams file is broken. When GITHUB_STEP_SUMMARY is set, the markdown report is appended to it
 * whatever the format; `--report-dir` also writes report.json and report.md there (CI uploads
 * them for the pull-request comment and the dashboard).
 */
const USAGE = 'usage: pnpm boundaries [--json | --markdown] [--report-dir=<dir>]';

async function main(args: string[]): Promise<number> {
  const reportDir = args.find((arg) => arg.startsWith('--report-dir='))?.slice('--report-dir='.length);
  const formats = args.filter((arg) => !arg.startsWith('--report-dir='));
  const unknown = formats.filter((arg) => arg !== '--json' && arg !== '--markdown');
  if (unknown.length > 0 || formats.length > 1 || reportDir === '') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  const report = await runChecks(await loadWorkspace(), checks);
  const elapsedMs = performance.now() - started;

  const format = formats[0];
  if (reportDir !== undefined) {
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(path.join(reportDir, 'report.json'), formatJson(report, elapsedMs));
    writeFileSync(path.join(reportDir, 'report.md'), formatMarkdown(report));
  }
  process.stdout.write(format === '--json' ? formatJson(report, elapsedMs) : format === '--markdown' ? formatMarkdown(report) : formatHuman(report, elapsedMs));
  const summary = process.env['GITHUB_STEP_SUMMARY'];
  if (summary !== undefined && summary !== '') appendFileSync(summary, `${formatMarkdown(report)}\n`);
  return report.findings.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`pnpm boundaries: ${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
