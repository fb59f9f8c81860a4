import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { aggregate } from './aggregate.js';
import { renderDashboard } from './html.js';
import { emptyStore, ingestRuns, type RunArtifact, type ViolationStore } from './store.js';

/**
 * `pnpm -s boundaries:dashboard <command> --store=<violations.json> …`:
 *   known-runs                     the CI run ids already in the store, one per line
 *   ingest <run dir>…              adds CI runs (each a downloaded `boundaries-report` artifact: run.json, report.json)
 *   render --out=<history.html>    writes the dashboard page
 * boundaries-dashboard.yml runs them daily against the store on the `boundaries-data` branch.
 */
const USAGE = 'usage: pnpm -s boundaries:dashboard known-runs|ingest <run dir>…|render --out=<file> --store=<violations.json>';
const [command, ...rest] = process.argv.slice(2);
const option = (name: string) => rest.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const storeFile = option('store');
if (storeFile === undefined || command === undefined) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const store: ViolationStore = existsSync(storeFile) ? (JSON.parse(readFileSync(storeFile, 'utf8')) as ViolationStore) : emptyStore();

if (command === 'known-runs') {
  process.stdout.write(store.runs.map((id) => `${id}\n`).join(''));
} else if (command === 'ingest') {
  const dirs = rest.filter((arg) => !arg.startsWith('--'));
  const artifacts: RunArtifact[] = dirs
    .filter((dir) => existsSync(path.join(dir, 'run.json')) && existsSync(path.join(dir, 'report.json')))
    .map((dir) => ({ run: JSON.parse(readFileSync(path.join(dir, 'run.json'), 'utf8')) as RunArtifact['run'], report: JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as RunArtifact['report'] }));
  const next = ingestRuns(store, artifacts);
  mkdirSync(path.dirname(path.resolve(storeFile)), { recursive: true });
  writeFileSync(storeFile, `${JSON.stringify(next, null, 2)}\n`);
  process.stderr.write(`boundaries:dashboard: ${next.runs.length - store.runs.length} new runs, ${next.violations.length - store.violations.length} new violations (${dirs.length - artifacts.length} directories without a report skipped)\n`);
} else if (command === 'render') {
  const out = option('out');
  if (out === undefined) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  writeFileSync(out, renderDashboard(aggregate(store), new Date().toISOString()));
} else {
  process.stderr.write(`${USAGE}\n`);
  process.exitCode = 2;
}
