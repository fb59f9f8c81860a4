import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createdTables, type Baseline } from './analyse-migration.js';

/**
 * Which migrations are new. A migration is new when it is not in the tree of the base revision:
 * `NX_BASE` when set (CI: the pull request's merge base, or on main the last green commit), else
 * the merge base of HEAD with nx.json's `defaultBase` (main). Uncommitted and untracked files
 * count as new. Migrations on main are the baseline: they ran in production already, so what
 * they do is history, not a step to review. Without a git repository, or when the base cannot
 * be resolved, nothing is new (`base` says why), so a tree extracted for `boundaries:history`
 * is not flagged for migrations that were once new.
 */
export interface MigrationBase {
  /** The revision compared against, or why there is none. */
  base: string | { none: string };
  /** Workspace-relative paths of migration files present at the base. */
  onBase: ReadonlySet<string>;
}

export function migrationBase(root: string, migrationDirs: readonly string[]): MigrationBase {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  let base: string;
  try {
    if (!existsSync(path.join(root, '.git')) && git('rev-parse', '--show-toplevel') !== root) return { base: { none: 'not the root of a git repository' }, onBase: new Set() };
    const defaultBase = (JSON.parse(readFileSync(path.join(root, 'nx.json'), 'utf8')) as { defaultBase?: string }).defaultBase ?? 'main';
    base = process.env['NX_BASE'] || git('merge-base', 'HEAD', defaultBase);
  } catch {
    return { base: { none: 'no base revision (no git, or no main branch to compare with)' }, onBase: new Set() };
  }
  if (migrationDirs.length === 0) return { base, onBase: new Set() };
  const listed = git('ls-tree', '-r', '--name-only', base, '--', ...migrationDirs);
  return { base, onBase: new Set(listed.split('\n').filter((file) => file.endsWith('.sql'))) };
}

/** A module's migrations (workspace-relative, oldest first) and what the ones on main created. */
export function moduleBaseline(root: string, drizzleDir: string, module: string, onBase: ReadonlySet<string>): { files: string[]; baseline: Baseline } {
  const absolute = path.join(root, drizzleDir);
  const files = existsSync(absolute) ? readdirSync(absolute).filter((name) => name.endsWith('.sql')).sort().map((name) => `${drizzleDir}/${name}`) : [];
  const old = files.filter((file) => onBase.has(file));
  const tables = new Set(old.flatMap((file) => createdTables(readFileSync(path.join(root, file), 'utf8'), module)));
  const migrations = new Set(old.map((file) => path.basename(file, '.sql')));
  return { files, baseline: { tables, migrations, columnTypes: snapshotColumnTypes(root, drizzleDir, old) } };
}

/** Column types from drizzle-kit's snapshot of the newest migration on main (`meta/<index>_snapshot.json`). */
function snapshotColumnTypes(root: string, drizzleDir: string, old: readonly string[]): Map<string, Map<string, string>> {
  const newest = old.at(-1);
  const index = newest === undefined ? undefined : /^(\d+)_/.exec(path.basename(newest))?.[1];
  const snapshot = index === undefined ? undefined : path.join(root, drizzleDir, 'meta', `${index}_snapshot.json`);
  const types = new Map<string, Map<string, string>>();
  if (snapshot === undefined || !existsSync(snapshot)) return types;
  const json = JSON.parse(readFileSync(snapshot, 'utf8')) as { tables?: Record<string, { columns?: Record<string, { type?: string }> }> };
  for (const [table, { columns }] of Object.entries(json.tables ?? {})) {
    types.set(table, new Map(Object.entries(columns ?? {}).map(([column, { type }]) => [column, type ?? ''])));
  }
  return types;
}
