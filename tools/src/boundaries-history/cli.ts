import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderHtml } from './html.js';
import { replayCommit, type HistoryPoint } from './replay.js';
import { selectCommits, type CommitInfo } from './select-commits.js';

/**
 * `pnpm boundaries:history [--since=<date>] [--out=<dir>] [--max-points=<n>]`: today's boundary
 * checks replayed on each commit of HEAD's first-parent chain (one point per day when there are
 * more than max-points commits), written as history.json and a self-contained history.html.
 * Progress goes to stderr, one line per point.
 */
const USAGE = 'usage: pnpm boundaries:history [--since=<date>] [--out=<dir>] [--max-points=<n>]';
const DEFAULT_MAX_POINTS = 60;

async function main(args: string[]): Promise<number> {
  const options = new Map<string, string>();
  for (const arg of args) {
    const match = /^--(since|out|max-points)=(.+)$/.exec(arg);
    if (!match?.[1] || match[2] === undefined) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    options.set(match[1], match[2]);
  }
  const maxPoints = Number(options.get('max-points') ?? DEFAULT_MAX_POINTS);
  if (!Number.isInteger(maxPoints) || maxPoints < 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const repo = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
  const outDir = path.resolve(options.get('out') ?? path.join(repo, 'tmp/boundaries-history'));
  const since = options.get('since');

  const log = execFileSync('git', ['log', '--first-parent', '--reverse', '--format=%H%x1f%cI%x1f%s', ...(since ? [`--since=${since}`] : []), 'HEAD'], { cwd: repo, encoding: 'utf8' });
  const commits: CommitInfo[] = log
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [sha = '', date = '', subject = ''] = line.split('\x1f');
      return { sha, date, subject };
    });
  const selected = selectCommits(commits, maxPoints);
  process.stderr.write(`boundaries:history: ${selected.length} points from ${commits.length} commits${selected.length < commits.length ? ' (last commit of each day)' : ''}\n`);

  const started = performance.now();
  const series: HistoryPoint[] = [];
  for (const [i, commit] of selected.entries()) {
    const point = await replayCommit(repo, commit);
    series.push(point);
    const outcome = point.error === undefined ? `${point.findings} findings` : `error: ${point.error.split('\n').at(-1)}`;
    process.stderr.write(`[${i + 1}/${selected.length}] ${commit.sha.slice(0, 7)} ${commit.date.slice(0, 10)} ${truncate(commit.subject, 50)}: ${outcome} (${(point.elapsedMs / 1000).toFixed(1)}s)\n`);
  }

  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'history.json'), `${JSON.stringify({ generatedAt: new Date().toISOString(), since: since ?? null, commits: commits.length, series }, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'history.html'), renderHtml(series));
  process.stderr.write(`boundaries:history: wrote ${path.join(outDir, 'history.json')} and history.html in ${((performance.now() - started) / 1000).toFixed(1)}s\n`);
  return 0;
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`pnpm boundaries:history: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
