import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { WORKSPACE_ROOT } from '../workspace-copy.js';
import { collectArchitecture } from './collect-architecture.js';
import { ARCHITECTURE_FILE, renderArchitecture } from './render-architecture.js';

const USAGE = `usage: pnpm docs:architecture [--check]

Writes ${ARCHITECTURE_FILE} from the module descriptors (what \`pnpm nx sync\` does through the
@shop/tools:architecture-doc sync generator). With --check it writes nothing and exits 1 when the
committed file is stale.`;

let values: { check?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({ options: { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const file = path.join(WORKSPACE_ROOT, ARCHITECTURE_FILE);
const expected = renderArchitecture(await collectArchitecture(WORKSPACE_ROOT));
if (values.check) {
  const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (committed !== expected) {
    console.error(`${ARCHITECTURE_FILE} is stale: run \`pnpm nx sync\` (or \`pnpm docs:architecture\`) and commit the result.`);
    process.exit(1);
  }
  console.log(`${ARCHITECTURE_FILE} is up to date.`);
} else {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, expected);
  console.log(`wrote ${ARCHITECTURE_FILE}`);
}
