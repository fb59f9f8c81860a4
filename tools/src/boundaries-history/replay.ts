import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MeasureResult } from './measure.js';
import type { CommitInfo } from './select-commits.js';

/** One point of the series: a commit, and what today's checks find in its tree. */
export interface HistoryPoint {
  commit: string;
  date: string;
  subject: string;
  findings: number;
  findingsByRule: Record<string, number>;
  /** Keyed by the project where each finding is (the importer, or the package at fault). */
  findingsByProject: Record<string, number>;
  /** `type:` tag of each project (`module`, `platform`, `app`, …). */
  projectTypes: Record<string, string>;
  fanIn: Record<string, number>;
  fanOut: Record<string, number>;
  elapsedMs: number;
  /**
   * Configuration files of today's checks that this commit did not have yet (it predates them),
   * so they were taken from the current checkout.
   */
  borrowedConfig: string[];
  /** Why the checks could not run on this commit (no nx.json yet, a broken rules file, …). */
  error?: string;
}

/** The checks' own configuration, read from the workspace root (see boundaries/teams.ts, tag-rules.ts). */
const CHECK_CONFIG = ['tools/teams.json', 'tools/tag-rules.json'];

const MEASURE = fileURLToPath(new URL('./measure.ts', import.meta.url));

/**
 * Replays today's checks over `commit`'s tree: `git archive` into a temporary directory, the
 * repository's node_modules linked in (the root one whole, each package's copied as its relative
 * links, as workspace-copy does) so Nx's plugins resolve, then measure.ts run there.
 */
export async function replayCommit(repo: string, commit: CommitInfo): Promise<HistoryPoint> {
  const started = performance.now();
  const dir = mkdtempSync(path.join(tmpdir(), 'shop-history-'));
  const base = { commit: commit.sha, date: commit.date, subject: commit.subject };
  try {
    execFileSync('sh', ['-c', 'git -C "$1" archive --format=tar "$2" | tar -x -C "$3"', 'sh', repo, commit.sha, dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (!existsSync(path.join(dir, 'nx.json'))) return emptyPoint(base, started, 'no nx.json at this commit');
    // Today's checks on an old tree: when the tree predates their configuration, use today's.
    const borrowedConfig = CHECK_CONFIG.filter((file) => !existsSync(path.join(dir, file)) && existsSync(path.join(repo, file)));
    for (const file of borrowedConfig) cpSync(path.join(repo, file), path.join(dir, file));
    symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
    for (const packageDir of packageDirs(dir)) {
      const modules = path.join(repo, packageDir, 'node_modules');
      if (existsSync(modules)) cpSync(modules, path.join(dir, packageDir, 'node_modules'), { recursive: true, verbatimSymlinks: true });
    }
    const out = path.join(dir, '.boundaries-history.json');
    const { code, stderr } = await run(process.execPath, ['--conditions=@shop/source', '--import', 'tsx', MEASURE, out], dir, {
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
      NX_TUI: 'false',
      // Keep Nx's cache and workspace data inside the throwaway tree, not under ~/.nx.
      NX_CACHE_DIRECTORY: path.join(dir, '.nx/cache'),
      NX_WORKSPACE_DATA_DIRECTORY: path.join(dir, '.nx/workspace-data'),
    });
    if (code !== 0 || !existsSync(out)) return emptyPoint(base, started, lastLines(stderr) || `exit code ${code}`, borrowedConfig);
    const measurement = JSON.parse(readFileSync(out, 'utf8')) as MeasureResult;
    if ('error' in measurement) return emptyPoint(base, started, measurement.error, borrowedConfig);
    const findingsByRule: Record<string, number> = {};
    const findingsByProject: Record<string, number> = {};
    for (const f of measurement.findings) {
      findingsByRule[f.rule] = (findingsByRule[f.rule] ?? 0) + 1;
      findingsByProject[f.project] = (findingsByProject[f.project] ?? 0) + 1;
    }
    const projectTypes = Object.fromEntries(measurement.projects.map((p) => [p.name, p.type ?? 'untyped']));
    return { ...base, findings: measurement.findings.length, findingsByRule, findingsByProject, projectTypes, fanIn: measurement.fanIn, fanOut: measurement.fanOut, elapsedMs: Math.round(performance.now() - started), borrowedConfig };
  } catch (error) {
    return emptyPoint(base, started, error instanceof Error ? error.message : String(error));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function emptyPoint(base: Pick<HistoryPoint, 'commit' | 'date' | 'subject'>, started: number, error: string, borrowedConfig: string[] = []): HistoryPoint {
  return { ...base, findings: 0, findingsByRule: {}, findingsByProject: {}, projectTypes: {}, fanIn: {}, fanOut: {}, elapsedMs: Math.round(performance.now() - started), borrowedConfig, error };
}

/** Directories holding a package.json, not descending into node_modules or hidden directories. */
function packageDirs(root: string): string[] {
  return execFileSync('find', ['.', '-name', 'node_modules', '-prune', '-o', '-path', '*/.*', '-prune', '-o', '-name', 'package.json', '-print'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((file) => path.dirname(file).replace(/^\.\/?/, ''))
    .filter((dir) => dir !== '');
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-5).join('\n');
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}
