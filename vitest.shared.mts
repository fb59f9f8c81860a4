import { defineConfig } from 'vitest/config';

/**
 * Shared vitest settings. Workspace packages export their TypeScript sources under the
 * `@shop/source` condition, so tests run against source with no build step.
 */
export function sharedVitestConfig(projectName: string, overrides: { testTimeout?: number; include?: string[] } = {}) {
  const conditions = ['@shop/source', 'module', 'node', 'import', 'default'];
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['@shop/source'] } },
    // vitest loads globalSetup files in its own `__vitest__` environment, which needs them too.
    environments: { __vitest__: { resolve: { conditions, externalConditions: ['@shop/source'] } } },
    test: {
      name: projectName,
      environment: 'node',
      include: overrides.include ?? ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: overrides.testTimeout ?? 20_000,
      hookTimeout: 60_000,
      reporters: ['default'],
    },
  });
}
