import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { WORKSPACE_ROOT } from '../workspace-copy.js';
import { collectArchitecture } from './collect-architecture.js';
import { renderArchitecture } from './render-architecture.js';

/**
 * `pnpm docs:architecture` writes docs/architecture.md from the code; with `--check` it writes
 * nothing and exits 1 when the committed file differs from what the code says now.
 */
const file = path.join(WORKSPACE_ROOT, 'docs/architecture.md');
const expected = renderArchitecture(await collectArchitecture(WORKSPACE_ROOT));

if (process.argv.includes('--check')) {
  const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (committed !== expected) {
    console.error('docs/architecture.md is stale: run `pnpm docs:architecture` and commit the result.');
    process.exit(1);
  }
  console.log('docs/architecture.md is up to date.');
} else {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, expected);
  console.log(`wrote ${path.relative(WORKSPACE_ROOT, file)}`);
}
