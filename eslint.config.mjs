import nx from '@nx/eslint-plugin';

import tagRules from './tools/tag-rules.json' with { type: 'json' };

/**
 * The module-boundary rules of the house (see README, "Rules of the house"), from
 * tools/tag-rules.json: the one file both this lint rule and `pnpm boundaries` read.
 * Tags live in each package.json under `nx.tags`.
 */
export const depConstraints = tagRules.depConstraints;

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/node_modules', '**/.data', '**/vitest.config.*.timestamp*', 'tmp/**'],
  },
  {
    // Source files, as in Nx's own presets; the per-project eslint/vitest config files extend
    // the root ones by relative path, which is how config (not code) is shared.
    files: ['**/*.ts', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: true,
          checkDynamicDependenciesExceptions: [],
          allow: [],
          depConstraints,
        },
      ],
      // No-op callbacks (`onNotice: () => {}`) are deliberate defaults, not forgotten bodies.
      '@typescript-eslint/no-empty-function': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/package.json'],
    languageOptions: { parser: await import('jsonc-eslint-parser') },
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          // Every project has `typecheck`; the rule skips projects without one of these targets.
          buildTargets: ['typecheck'],
          checkMissingDependencies: true,
          checkObsoleteDependencies: true,
          checkVersionMismatches: true,
          // Benchmarks, like tests, are dev-time: their imports belong in devDependencies.
          ignoredFiles: ['{projectRoot}/eslint.config.mjs', '{projectRoot}/vitest.config.mts', '{projectRoot}/**/*.test.ts', '{projectRoot}/test/**/*', '{projectRoot}/bench/**/*'],
          includeTransitiveDependencies: false,
          useLocalPathsForWorkspaceDependencies: false,
        },
      ],
    },
  },
];
