/**
 * Times `pnpm boundaries` against ESLint with @nx/enforce-module-boundaries, on this repository
 * and on a synthetic workspace of N modules (default 200), and prints the numbers.
 *
 *   node --import tsx tools/scripts/bench-boundaries.ts [--modules 200] [--nx-lint] [--boundaries-only]
 *
 * `--boundaries-only` times `pnpm boundaries` alone (no ESLint runs: minutes on the synthetic tree).
 *
 * The synthetic workspace is a copy of this one (tools/src/workspace-copy.ts) with N modules made
 * by the module generator (@shop/m001 …, team growth), each module k > 1 importing the
 * public API of module ⌊k/2⌋ (declared in package.json and linked), so the graph has N edges
 * between modules besides their platform edges. One tag violation is planted (the last module
 * imports @shop/tools) and each tool must report it, so every number is for a run that works.
 *
 * Measured per tree:
 *   boundaries cold   `pnpm boundaries`, empty Nx workspace-data directory (a fresh CI checkout)
 *   boundaries warm   `pnpm boundaries` again (Nx's project graph cached, as on a developer machine)
 *   eslint            one ESLint process over every project, with the cached graph the boundary rule needs
 *   nx lint           `nx run-many -t lint --skip-nx-cache` (how `pnpm test` lints); on the
 *                     synthetic tree only with --nx-lint, because it takes many minutes there
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { flushChanges, FsTree } from 'nx/src/generators/tree.js';
import { moduleGenerator } from '../src/generators/module/module-generator.js';
import { copyWorkspace, WORKSPACE_ROOT } from '../src/workspace-copy.js';

const args = process.argv.slice(2);
const moduleCount = Number(args[args.indexOf('--modules') + 1] ?? 200) || 200;
const nxLintOnSynthetic = args.includes('--nx-lint');
const boundariesOnly = args.includes('--boundaries-only');

interface Timing {
  tree: string;
  command: string;
  seconds: number;
  exit: number | null;
  note: string;
}
const timings: Timing[] = [];

function time(tree: string, label: string, cwd: string, command: string, commandArgs: string[], env: Record<string, string> = {}) {
  const started = performance.now();
  const result = spawnSync(command, commandArgs, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', ...env },
  });
  const seconds = (performance.now() - started) / 1000;
  const output = `${result.stdout}\n${result.stderr}`;
  timings.push({ tree, command: label, seconds, exit: result.status, note: '' });
  console.error(`  ${tree}: ${label} ${seconds.toFixed(1)}s (exit ${result.status})`);
  return { output, status: result.status, timing: timings[timings.length - 1] as Timing };
}

/** `pnpm boundaries --json`, cold (fresh Nx data dir) then warm; returns Nx-graph and scan timings too. */
function timeBoundaries(tree: string, root: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'nx-data-'));
  for (const label of ['boundaries cold', 'boundaries warm']) {
    const run = time(tree, label, root, 'pnpm', ['--silent', 'boundaries', '--json'], { NX_WORKSPACE_DATA_DIRECTORY: dataDir });
    const report = JSON.parse(run.output.slice(0, run.output.lastIndexOf('}') + 1)) as { findings: { rule: string }[]; stats: { projects: number; files: number; imports: number; timings: Record<string, number> } };
    const t = report.stats.timings;
    const slowest = Object.entries(t)
      .filter(([key]) => key.startsWith('check:'))
      .sort(([, a], [, b]) => b - a)
      .slice(0, 3)
      .map(([key, ms]) => `${key.slice('check:'.length, -2)} ${ms}ms`)
      .join(', ');
    run.timing.note = `${report.stats.projects} projects, ${report.stats.files} files, ${report.stats.imports} imports; nx graph ${t['nxGraphMs']}ms, import scan ${t['importScanMs']}ms, checks ${t['checksMs']}ms (slowest: ${slowest}); findings: ${report.findings.map((f) => f.rule).join(', ') || 'none'}`;
  }
  return dataDir;
}

function timeEslint(tree: string, root: string, dataDir: string, expectViolation: boolean) {
  const projectDirs = ['packages', 'apps', 'tools'].filter((dir) => existsSync(path.join(root, dir)));
  const run = time(tree, 'eslint', root, 'node_modules/.bin/eslint', projectDirs, { NX_WORKSPACE_DATA_DIRECTORY: dataDir });
  const boundaryErrors = (run.output.match(/@nx\/enforce-module-boundaries/g) ?? []).length;
  run.timing.note = `${boundaryErrors} enforce-module-boundaries error(s)${expectViolation && boundaryErrors === 0 ? ' — EXPECTED ONE: the rule did not run' : ''}`;
}

function timeNxLint(tree: string, root: string) {
  const run = time(tree, 'nx lint', root, 'node_modules/.bin/nx', ['run-many', '-t', 'lint', '--skip-nx-cache', '--outputStyle=static']);
  run.timing.note = `${(run.output.match(/@nx\/enforce-module-boundaries/g) ?? []).length} enforce-module-boundaries error(s)`;
}

/**
 * Generates N modules with the module generator itself (`@shop/tools:module`, called in-process on
 * an Nx file tree, so 200 modules take seconds instead of 200 `nx g` start-ups), then makes module
 * k > 1 import module ⌊k/2⌋'s public API (declared in package.json and linked).
 */
async function generateModules(workspace: ReturnType<typeof copyWorkspace>, count: number) {
  const name = (k: number) => `m${String(k).padStart(3, '0')}`;
  const tree = new FsTree(workspace.root, false);
  for (let k = 1; k <= count; k++) await moduleGenerator(tree, { name: name(k), team: 'growth', skipInstall: true });
  flushChanges(workspace.root, tree.listChanges());
  for (let k = 1; k <= count; k++) {
    const dir = `packages/${name(k)}`;
    if (k > 1) {
      const dependency = name(Math.floor(k / 2));
      workspace.editJson(`${dir}/package.json`, (json) => {
        json['dependencies'] = { ...(json['dependencies'] as object), [`@shop/${dependency}`]: 'workspace:*' };
      });
      workspace.write(`${dir}/src/internal/${dependency}-item.ts`, `import type { Item } from '@shop/${dependency}';\n\nexport type UpstreamItem = Item;\n`);
    }
    workspace.installLinks(dir);
  }
  workspace.installLinks('apps/monolith');
  // The one planted violation: a module importing a tool.
  const last = `packages/${name(count)}`;
  workspace.editJson(`${last}/package.json`, (json) => {
    json['dependencies'] = { ...(json['dependencies'] as object), '@shop/tools': 'workspace:*' };
  });
  workspace.linkPackage(last, '@shop/tools', 'tools');
  workspace.write(`${last}/src/internal/planted-tool-import.ts`, "export type { WorkspaceCopy } from '@shop/tools';\n");
}

console.error(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.error('repository:');
const repoData = timeBoundaries('repo', WORKSPACE_ROOT);
if (!boundariesOnly) {
  timeEslint('repo', WORKSPACE_ROOT, repoData, false);
  timeNxLint('repo', WORKSPACE_ROOT);
}
rmSync(repoData, { recursive: true, force: true });

console.error(`synthetic workspace of ${moduleCount} modules:`);
const synthetic = copyWorkspace();
try {
  await generateModules(synthetic, moduleCount);
  const data = timeBoundaries(`synthetic ${moduleCount}`, synthetic.root);
  if (!boundariesOnly) timeEslint(`synthetic ${moduleCount}`, synthetic.root, data, true);
  if (nxLintOnSynthetic && !boundariesOnly) timeNxLint(`synthetic ${moduleCount}`, synthetic.root);
} finally {
  synthetic.remove();
}

console.log(`\n| tree | command | wall s | exit | notes |\n| --- | --- | --- | --- | --- |`);
for (const t of timings) console.log(`| ${t.tree} | ${t.command} | ${t.seconds.toFixed(1)} | ${t.exit} | ${t.note} |`);
console.log(`\n${cpus().length} cores, load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
