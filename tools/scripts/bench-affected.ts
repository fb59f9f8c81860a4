import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyWorkspaceWithHistory } from '../src/git-workspace-copy.js';

/**
 * `pnpm bench:affected`: what affected-only CI saves. In a throwaway git copy of the workspace,
 * commits a one-file change to a leaf module (one no other module or platform package depends
 * on), then times, for the targets `lint typecheck test`:
 *   1. the affected run:  `nx affected --base --head`, on an empty cache;
 *   2. the full run:      `nx run-many`, on an empty cache;
 *   3. a cached re-run:   the same `nx run-many` again, every task a cache hit.
 * Each phase has a cache and workspace data of its own, so none replays another's results.
 * Tests run against TEST_DATABASE_URL when it is set, PGlite otherwise, as in `pnpm test`.
 */
const targets = ['lint', 'typecheck', 'test'];
const workspace = copyWorkspaceWithHistory();
const scratch = mkdtempSync(path.join(tmpdir(), 'shop-bench-'));
try {
  const base = workspace.git('rev-parse', 'HEAD').trim();
  const projects = workspace.projects();
  const libraries = projects.filter((p) => p.tags.includes('type:module') || p.tags.includes('type:platform'));
  const leaf = projects
    .filter((p) => p.tags.includes('type:module'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .find((module) => !libraries.some((other) => other.dependencies.includes(module.name)));
  if (!leaf) throw new Error('no leaf module: every module has a module or platform package depending on it');
  const file = path.join(leaf.root, 'src/index.ts');
  workspace.write(file, `${workspace.read(file)}\n// bench-affected: a one-line change\n`);
  const head = workspace.commitAll(`change ${file}`);

  const phaseEnv = (phase: string) => ({
    NX_CACHE_DIRECTORY: path.join(scratch, phase, 'cache'),
    NX_WORKSPACE_DATA_DIRECTORY: path.join(scratch, phase, 'workspace-data'),
  });
  const timed = (label: string, args: string[], phase: string) => {
    const started = process.hrtime.bigint();
    const result = workspace.nx([...args, '-t', ...targets, '--outputStyle=static'], phaseEnv(phase));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0) {
      console.error(`${label} failed:\n${result.stdout}\n${result.stderr}`);
      process.exit(1);
    }
    const tasks = result.stdout.match(/^> nx run /gm)?.length ?? 0;
    const hits = /Nx read the output from the cache instead of running the command for (\d+) out of (\d+) tasks/.exec(result.stdout);
    return { label, seconds, tasks, cache: hits ? `${hits[1]}/${hits[2]} tasks from cache` : 'no cache hits' };
  };

  const affected = workspace.affectedProjects(base, head);
  console.log(`bench-affected: one-file change in leaf module ${leaf.name} (${file}); affected: ${affected.join(', ')} (${affected.length} of ${projects.length} projects)`);
  console.log(`database: ${process.env['TEST_DATABASE_URL'] ? 'PostgreSQL (TEST_DATABASE_URL)' : 'PGlite'}; targets: ${targets.join(' ')}`);
  const rows = [
    timed('affected run   nx affected, empty cache', ['affected', `--base=${base}`, `--head=${head}`], 'affected'),
    timed('full run       nx run-many, empty cache', ['run-many'], 'full'),
    timed('cached re-run  nx run-many, same cache  ', ['run-many'], 'full'),
  ];
  for (const row of rows) console.log(`${row.label}  ${row.seconds.toFixed(1).padStart(6)}s  (${row.tasks} tasks; ${row.cache})`);
} finally {
  workspace.remove();
  rmSync(scratch, { recursive: true, force: true });
}
