import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/** The coverage floor a package declares in its package.json (`"coverageFloor": { "lines": 80, … }`), in percent. */
type CoverageFloor = Partial<Record<'lines' | 'statements' | 'functions' | 'branches', number>>;

function coverageFloor(projectDir: string): CoverageFloor {
  const manifest = path.join(projectDir, 'package.json');
  if (!existsSync(manifest)) return {};
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { coverageFloor?: CoverageFloor }).coverageFloor ?? {};
}

/**
 * Shared vitest settings. Workspace packages export their TypeScript sources under the
 * `@shop/source` condition, so tests run against source with no build step.
 *
 * Coverage (V8, `@vitest/coverage-v8`) is on when `COVERAGE=true` (CI, `pnpm test`): the
 * package's own `src/**` only, written to `<package>/coverage/` (`coverage-summary.json` for the
 * job summary), and the run fails below the floor its package.json declares.
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
      coverage: {
        enabled: process.env['COVERAGE'] === 'true',
        provider: 'v8',
        include: ['src/**/*.{ts,mts}'],
        exclude: ['src/**/*.test.ts'],
        reporter: ['text-summary', 'json-summary'],
        reportsDirectory: 'coverage',
        // vitest runs with the package as its working directory (Nx's inferred test target).
        thresholds: coverageFloor(process.cwd()),
      },
    },
  });
}
