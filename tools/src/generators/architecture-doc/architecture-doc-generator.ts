import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import type { ArchitectureFacts } from '../../architecture/architecture-model.js';
import { ARCHITECTURE_FILE, renderArchitecture } from '../../architecture/render-architecture.js';
import type { SyncGeneratorResult } from '../codeowners/codeowners-generator.js';

/** Reads the facts of the workspace at `root` from its module descriptors (under tsx, in a child process). */
export function readArchitectureFacts(root: string): ArchitectureFacts {
  const cli = join(root, 'tools/src/architecture/collect-cli.ts');
  const output = execFileSync(process.execPath, ['--conditions=@shop/source', '--import', 'tsx', cli], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, WORKSPACE_ROOT: root, NX_DAEMON: 'false' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output) as ArchitectureFacts;
}

/**
 * Global sync generator (nx.json `sync.globalGenerators`): `nx sync` rewrites docs/architecture.md
 * from the module descriptors; `nx sync:check` fails while the committed file differs. The module
 * generator runs it too, so a new module is in the doc the moment it exists.
 */
export async function architectureDocGenerator(tree: Tree): Promise<SyncGeneratorResult> {
  const expected = renderArchitecture(readArchitectureFacts(tree.root));
  if (tree.read(ARCHITECTURE_FILE, 'utf8') === expected) return;
  tree.write(ARCHITECTURE_FILE, expected);
  return { outOfSyncMessage: `${ARCHITECTURE_FILE} does not match the module descriptors` };
}

export default architectureDocGenerator;
