import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyWorkspace, type WorkspaceCopy } from '../src/workspace-copy.js';

/**
 * Generates a module into a throwaway copy of the workspace and holds it to the promise of the
 * issue: with no edit, it passes lint, typecheck and its tests, the monolith still passes with it
 * composed in, and the workspace is in sync (CODEOWNERS, tsconfig references).
 */
let workspace: WorkspaceCopy;
let generation: { status: number | null; stdout: string; stderr: string };
let docSync: { status: number | null; stdout: string; stderr: string } | undefined;
const output = (result: { stdout: string; stderr: string }) => `${result.stdout}\n${result.stderr}`;
const nx = (...args: string[]) => workspace.run('node_modules/.bin/nx', args);

beforeAll(() => {
  workspace = copyWorkspace();
  // --skipInstall: `pnpm install` in the copy would write through its symlinked root
  // node_modules into the real install; installLinks makes the same links inside the copy.
  generation = nx('g', '@shop/tools:module', 'loyalty', '--team=growth', '--skipInstall', '--no-interactive');
  if (generation.status === 0) {
    workspace.installLinks('packages/loyalty');
    workspace.installLinks('apps/monolith');
    // What the generator's own callback does after its `pnpm install` (skipped here): the
    // architecture doc, read by running the new descriptor once its dependencies resolve.
    docSync = nx('sync');
  }
});
afterAll(() => workspace?.remove());

/** Every command a freshly generated module must pass, unedited. */
const FRESH_MODULE_CHECKS: string[][] = [
  // First, before any task run could apply sync changes: generation plus its install leave the workspace in sync.
  ['node_modules/.bin/nx', 'sync:check'],
  ['node_modules/.bin/nx', 'run-many', '-t', 'lint', 'typecheck', 'test', '-p', '@shop/loyalty', '@shop/monolith', '--skip-nx-cache', '--outputStyle=static'],
  ['pnpm', '-s', 'boundaries'],
];

describe('nx g @shop/tools:module loyalty --team=growth', () => {
  it('generates the module to the layout of packages/customers', () => {
    expect(output(generation)).not.toMatch(/error/i);
    expect(generation.status).toBe(0);
    for (const file of [
      'package.json', 'tsconfig.json', 'eslint.config.mjs', 'vitest.config.mts', 'drizzle.config.ts', 'README.md',
      'src/index.ts', 'src/module.ts', 'src/loyalty-api.ts', 'src/schemas.ts', 'src/internal/schema.ts', 'src/internal/item-routes.ts',
      'drizzle/0000_init.sql', 'drizzle/meta/_journal.json', 'drizzle/meta/0000_snapshot.json', 'test/loyalty.integration.test.ts',
    ]) {
      expect(existsSync(path.join(workspace.root, 'packages/loyalty', file)), file).toBe(true);
    }
    const manifest = JSON.parse(workspace.read('packages/loyalty/package.json'));
    expect(manifest.name).toBe('@shop/loyalty');
    expect(manifest.nx.tags).toEqual(['scope:loyalty', 'type:module', 'team:growth']);
    expect(Object.keys(manifest.exports)).toEqual(['.', './module']);
    expect(manifest.dependencies.zod).toBe(JSON.parse(workspace.read('packages/customers/package.json')).dependencies.zod);
    // The name is written once, where code imports it; the schema, roles and logger derive from it.
    expect(workspace.read('packages/loyalty/src/module-name.ts')).toContain("export const moduleName = 'loyalty';");
    expect(workspace.read('packages/loyalty/src/internal/schema.ts')).toContain('pgSchema(moduleName)');
    expect(workspace.read('packages/loyalty/src/module.ts')).toContain('export const loyaltyModule = defineModule({');
  });

  it('adds the module to the monolith, CODEOWNERS and docs/architecture.md', () => {
    const modules = workspace.read('apps/monolith/src/modules.ts');
    expect(modules).toContain("import { loyaltyModule } from '@shop/loyalty/module';");
    expect(modules).toMatch(/export const modules = \[[^\]]*loyaltyModule\]/);
    expect(JSON.parse(workspace.read('apps/monolith/package.json')).dependencies['@shop/loyalty']).toBe('workspace:*');
    expect(workspace.read('.github/CODEOWNERS')).toContain('/packages/loyalty/ @shop-org/growth');
    expect(docSync?.status, docSync && output(docSync)).toBe(0);
    const doc = workspace.read('docs/architecture.md');
    expect(doc).toContain('## loyalty');
    expect(doc).toContain('h__shop_monolith ==>|composes| m_loyalty');
    expect(doc).toContain('- API `LoyaltyApi` (`@shop/loyalty`):');
  });

  // Lint, typecheck and tests of the new module and the monolith, boundaries and sync: minutes on a
  // loaded two-core machine.
  it('passes every check with no edit', () => {
    for (const [command, ...args] of FRESH_MODULE_CHECKS) {
      const result = workspace.run(command ?? '', args);
      expect(result.status, `${[command, ...args].join(' ')}\n${output(result)}`).toBe(0);
    }
  }, 600_000);

  it('ships a migration that matches its drizzle schema exactly', () => {
    const drizzleKit = workspace.run('node', ['node_modules/drizzle-kit/bin.cjs', 'generate'], { cwd: 'packages/loyalty' });
    expect(output(drizzleKit)).toContain('No schema changes');
    expect(drizzleKit.status).toBe(0);
  });

  it('refuses a name that is not a lowercase identifier, and a team tools/teams.json does not know', () => {
    const badName = nx('g', '@shop/tools:module', 'Gift-Cards', '--team=growth', '--dry-run', '--no-interactive');
    expect(badName.status).not.toBe(0);
    expect(output(badName)).toContain('is not a lowercase identifier');
    const badTeam = nx('g', '@shop/tools:module', 'giftcards', '--team=nobody', '--dry-run', '--no-interactive');
    expect(badTeam.status).not.toBe(0);
    expect(output(badTeam)).toContain('Unknown team "nobody"');
    const taken = nx('g', '@shop/tools:module', 'customers', '--team=growth', '--dry-run', '--no-interactive');
    expect(output(taken)).toContain('packages/customers already exists');
  });
});

describe('CODEOWNERS sync', () => {
  it('nx sync:check fails once a team: tag changes, and nx sync brings the file back in line', () => {
    workspace.editJson('packages/customers/package.json', (json) => {
      (json['nx'] as { tags: string[] }).tags = ['scope:customers', 'type:module', 'team:orders'];
    });
    const stale = nx('sync:check');
    expect(stale.status).not.toBe(0);
    expect(output(stale)).toContain('.github/CODEOWNERS does not match');
    expect(nx('sync').status).toBe(0);
    expect(workspace.read('.github/CODEOWNERS')).toContain('/packages/customers/ @shop-org/orders');
    expect(nx('sync:check').status).toBe(0);
  });

  it('fails, naming the package, when a package has no team: tag', () => {
    workspace.editJson('packages/customers/package.json', (json) => {
      (json['nx'] as { tags: string[] }).tags = ['scope:customers', 'type:module'];
    });
    const check = nx('sync:check');
    expect(check.status).not.toBe(0);
    expect(output(check)).toContain('@shop/customers (packages/customers) has no team:<name> tag');
  });
});
