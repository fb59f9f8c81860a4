import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { affectedMatrix } from './affected-matrix.js';

/**
 * `pnpm -s ci:matrix [--base=<ref>] [--head=<ref>]`: the per-project test matrix of a CI run, from
 * `nx show projects --affected --json` (base and head default to NX_BASE / NX_HEAD, as
 * nrwl/nx-set-shas exports them) and each project's tags. Prints
 * `{"include":[{"project","team","root"}…],"e2e":[…]}`; with GITHUB_OUTPUT set, also writes
 * `matrix` (`{"include":[…]}`, for `strategy.matrix`), `has-projects` and `has-e2e` there.
 */
const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const base = args.get('base') ?? process.env['NX_BASE'];
const head = args.get('head') ?? process.env['NX_HEAD'];
const nx = (...nxArgs: string[]) => execFileSync('node_modules/.bin/nx', nxArgs, { encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' } });

const affected = JSON.parse(nx('show', 'projects', ...(base ? ['--affected', `--base=${base}`, ...(head ? [`--head=${head}`] : [])] : []), '--json')) as string[];
process.env['NX_ISOLATE_PLUGINS'] ??= 'false';
const { createProjectGraphAsync } = await import('@nx/devkit');
const graph = await createProjectGraphAsync({ exitOnError: true });
const projects = Object.values(graph.nodes).map((node) => ({ name: node.name, root: node.data.root, tags: node.data.tags ?? [] }));
const matrix = affectedMatrix(affected, projects);
const json = JSON.stringify(matrix);
process.stdout.write(`${json}\n`);
const output = process.env['GITHUB_OUTPUT'];
if (output) appendFileSync(output, `matrix=${JSON.stringify({ include: matrix.include })}\nhas-projects=${matrix.include.length > 0}\nhas-e2e=${matrix.e2e.length > 0}\n`);
