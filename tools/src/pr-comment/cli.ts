import { readFileSync } from 'node:fs';
import { renderComment, type BoundariesReport } from './render-comment.js';

/**
 * `pnpm -s boundaries:comment --report=<report.json> --sha=<sha> [--repository=owner/name] [--run-url=<url>] [--limit=20]`:
 * the body of the sticky pull-request comment, on stdout. The comment workflow
 * (.github/workflows/boundaries-comment.yml) calls it and only talks to the GitHub API itself.
 */
const options = new Map(process.argv.slice(2).map((arg) => /^--([\w-]+)=(.*)$/.exec(arg)?.slice(1, 3) as [string, string]).filter(Boolean));
const reportFile = options.get('report');
const sha = options.get('sha');
if (reportFile === undefined || sha === undefined) {
  process.stderr.write('usage: pnpm -s boundaries:comment --report=<report.json> --sha=<sha> [--repository=owner/name] [--run-url=<url>] [--limit=<n>]\n');
  process.exit(2);
}
const report = JSON.parse(readFileSync(reportFile, 'utf8')) as BoundariesReport;
const limit = options.get('limit');
const repository = options.get('repository');
const runUrl = options.get('run-url');
process.stdout.write(renderComment(report, { sha, ...(repository ? { repository } : {}), ...(runUrl ? { runUrl } : {}), ...(limit ? { limit: Number(limit) } : {}) }));
