import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyWorkspace, type WorkspaceCopy } from '../src/workspace-copy.js';

/**
 * Plants each kind of boundary violation in a throwaway copy of the workspace and checks that
 * the tool meant to stop it does: TypeScript for imports outside a package's `exports` map,
 * ESLint (`@nx/enforce-module-boundaries`) for imports the tags do not allow.
 */
let workspace: WorkspaceCopy;
beforeAll(() => {
  workspace = copyWorkspace();
});
afterAll(() => workspace?.remove());

// Through Nx, as `pnpm test` runs it: plain `eslint` with no cached project graph skips
// @nx/enforce-module-boundaries with only a warning.
const lint = (project: string) => workspace.run('node_modules/.bin/nx', ['run', `${project}:lint`, '--skip-nx-cache', '--outputStyle=static']);
const output = (result: { stdout: string; stderr: string }) => `${result.stdout}\n${result.stderr}`;

describe('a clean copy', () => {
  it('typechecks and lints the monolith', () => {
    const tsc = workspace.run('node_modules/.bin/tsc', ['--build', 'apps/monolith/tsconfig.json', '--emitDeclarationOnly']);
    expect(output(tsc)).toBe('\n');
    expect(tsc.status).toBe(0);
  });
});

describe('planted violations', () => {
  it('an import of a path outside a package exports map fails typecheck', () => {
    workspace.write(
      'apps/monolith/src/planted-deep-import.ts',
      "import { customers } from '@shop/customers/src/internal/schema.js';\nexport const table = customers;\n",
    );
    try {
      const tsc = workspace.run('node_modules/.bin/tsc', ['--build', 'apps/monolith/tsconfig.json', '--emitDeclarationOnly']);
      expect(tsc.status).not.toBe(0);
      expect(output(tsc)).toMatch(/planted-deep-import\.ts.*error TS2307: Cannot find module '@shop\/customers\/src\/internal\/schema\.js'/);
    } finally {
      workspace.run('rm', ['apps/monolith/src/planted-deep-import.ts']);
    }
  });

  it('the ./module entry is not importable without being in the exports map either', () => {
    workspace.write('apps/monolith/src/planted-internal.ts', "export * from '@shop/customers/internal/customer-service.js';\n");
    try {
      const tsc = workspace.run('node_modules/.bin/tsc', ['--build', 'apps/monolith/tsconfig.json', '--emitDeclarationOnly']);
      expect(output(tsc)).toMatch(/error TS2307: Cannot find module '@shop\/customers\/internal\/customer-service\.js'/);
    } finally {
      workspace.run('rm', ['apps/monolith/src/planted-internal.ts']);
    }
  });

  it('a platform package importing a module fails lint with the tag rule', () => {
    plantDependency('packages/platform/config', '@shop/customers', 'packages/customers');
    workspace.write('packages/platform/config/src/planted-tag-violation.ts', "import type { Customer } from '@shop/customers';\nexport type Planted = Customer;\n");
    const eslint = lint('@shop/platform-config');
    expect(eslint.status).not.toBe(0);
    expect(output(eslint)).toMatch(
      /planted-tag-violation\.ts[\s\S]*A project tagged with "type:platform" can only depend on libs tagged with "type:platform"\s+.*@nx\/enforce-module-boundaries/,
    );
  });

  it('a module importing a tool fails lint with the tag rule', () => {
    plantDependency('packages/customers', '@shop/tools', 'tools');
    workspace.write('packages/customers/src/internal/planted-tool-import.ts', "export { copyWorkspace } from '@shop/tools';\n");
    const eslint = lint('@shop/customers');
    expect(eslint.status).not.toBe(0);
    expect(output(eslint)).toMatch(/A project tagged with "type:module" can only depend on libs tagged with "type:module", "type:platform"/);
    workspace.run('rm', ['packages/customers/src/internal/planted-tool-import.ts']);
  });

  it('a module importing the app that composes it fails lint as a cycle', () => {
    plantDependency('packages/customers', '@shop/monolith', 'apps/monolith');
    workspace.write('packages/customers/src/internal/planted-cycle.ts', "export { composeMonolith } from '@shop/monolith/compose';\n");
    const eslint = lint('@shop/customers');
    expect(eslint.status).not.toBe(0);
    expect(output(eslint)).toMatch(/Circular dependency between "@shop\/customers" and "@shop\/monolith" detected/);
  });
});

function plantDependency(packageDir: string, dependency: string, dependencyDir: string) {
  workspace.editJson(`${packageDir}/package.json`, (json) => {
    json['dependencies'] = { ...(json['dependencies'] as object), [dependency]: 'workspace:*' };
  });
  workspace.linkPackage(packageDir, dependency, dependencyDir);
}
