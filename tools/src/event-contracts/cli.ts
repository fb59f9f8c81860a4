import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createProjectGraphAsync } from '@nx/devkit';
import { WORKSPACE_ROOT } from '../workspace-copy.js';
import { CONTRACTS_FILE, publishedContracts, renderSnapshot } from './event-contracts.js';

const USAGE = `usage: pnpm events:snapshot [--check]

Records the JSON Schema of every event each module publishes (its ./events entry) in
packages/<module>/${CONTRACTS_FILE}. Commit the result: reviewers see a contract change in the diff,
and \`pnpm boundaries\` fails when a recorded version later changes incompatibly. With --check it
writes nothing and exits 1 when a snapshot is stale.`;

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

const graph = await createProjectGraphAsync({ exitOnError: true });
let stale = 0;
for (const node of Object.values(graph.nodes).filter((n) => n.data.tags?.includes('type:module'))) {
  const contracts = await publishedContracts(WORKSPACE_ROOT, node.data.root);
  const file = path.join(WORKSPACE_ROOT, node.data.root, CONTRACTS_FILE);
  if (contracts.length === 0 && !existsSync(file)) continue;
  const expected = renderSnapshot(contracts);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (current === expected) continue;
  stale++;
  if (values.check) {
    process.stderr.write(`${node.data.root}/${CONTRACTS_FILE} is stale\n`);
  } else {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, expected);
    process.stdout.write(`wrote ${node.data.root}/${CONTRACTS_FILE} (${contracts.length} event version(s))\n`);
  }
}
if (values.check && stale > 0) process.exit(1);
if (stale === 0) process.stdout.write('event contracts are up to date\n');
