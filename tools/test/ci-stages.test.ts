import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyWorkspaceWithHistory, type GitWorkspaceCopy } from '../src/git-workspace-copy.js';

/**
 * `pnpm test` in its affected mode, on a throwaway git history with a boundary violation
 * planted: the first stage fails, nothing after it runs (so no database is touched), and the
 * GitHub job summary explains the failure with the rule's own message.
 */
let workspace: GitWorkspaceCopy;
let base: string;
beforeAll(() => {
  workspace = copyWorkspaceWithHistory();
  base = workspace.git('rev-parse', 'HEAD').trim();
});
afterAll(() => workspace?.remove());

describe('pnpm test --affected with a boundary violation', () => {
  it('stops in the boundaries stage and writes the rule that failed to the job summary', () => {
    // A module importing a tool: declared, linked and referenced (nx sync), so only the tag rule objects.
    workspace.editJson('packages/customers/package.json', (json) => {
      json['dependencies'] = { ...(json['dependencies'] as object), '@shop/tools': 'workspace:*' };
    });
    workspace.linkPackage('packages/customers', '@shop/tools', 'tools');
    workspace.write('packages/customers/src/internal/planted-tool-import.ts', "export { copyWorkspace } from '@shop/tools';\n");
    const sync = workspace.nx(['sync']);
    expect(sync.status, sync.stdout + sync.stderr).toBe(0);

    const summary = path.join(workspace.root, '.nx/workspace-data/step-summary.md');
    const run = workspace.run('bash', ['tools/scripts/test-all.sh', '--affected', `--base=${base}`], {
      env: { ...workspace.nxEnv, GITHUB_STEP_SUMMARY: summary, TEST_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status).toBe(1);
    expect(output).toMatch(/::: stage boundaries FAILED after \d+s/);
    expect(output).not.toMatch(/::: stage modules/);
    // `pnpm boundaries` runs first and stops the stage, before lint or any test: it names the
    // file, line and rule.
    expect(output).toMatch(/packages\/customers\/src\/internal\/planted-tool-import\.ts:1 {2}tag-constraint/);
    expect(output).not.toMatch(/@shop\/customers:lint/);

    const text = readFileSync(summary, 'utf8');
    expect(text).toMatch(/## ✖ boundaries failed/);
    expect(text).toMatch(/no database was started/);
    expect(text).toMatch(new RegExp(`projects affected since \`${base}\``));
    // The boundaries report itself (appended by `pnpm boundaries`), with why and how to fix.
    expect(text).toMatch(/planted-tool-import\.ts:1/);
    expect(text).toMatch(/tag-constraint/);
    expect(text).toMatch(/Tags say which kinds of package may depend on which/);
  });
});
