import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT } from '../../workspace-copy.js';
import { findingsOf, projectsWith } from '../check-fixture.js';
import { exportsMapCheck } from './exports-map.js';
import { hiddenEdgeConfigCheck } from './hidden-edge-config.js';
import { rootConfigProblems } from './lint-config.js';
import { lintExemptionCheck } from './lint-exemption.js';
import { suppressedImportCheck } from './suppressed-import.js';

/** Exempt nothing: each way of switching a boundary rule off or around, in several spellings. */
const rulesOf = async (check: Parameters<typeof findingsOf>[0], options: Parameters<typeof findingsOf>[1]) => (await findingsOf(check, options)).map((f) => `${f.rule}@${f.where.file ?? f.where.project}:${f.where.line ?? ''}`);

describe('lint-exemption', () => {
  it.each([
    ['a next-line disable of the rule', "// eslint-disable-next-line @nx/enforce-module-boundaries\nimport { x } from '@shop/customers/src/internal/x.js';"],
    ['a disable with a reason', "import { x } from '@shop/customers/src/internal/x.js'; // eslint-disable-line @nx/enforce-module-boundaries -- legacy"],
    ['a block disable among other rules', '/* eslint-disable no-console, @nx/dependency-checks */'],
    ['a disable that names no rule (every rule)', '/* eslint-disable */'],
    ['a multi-line block comment', '/*\n  eslint-disable-next-line\n  @nx/enforce-module-boundaries\n*/\nconst x = 1;'],
    ['inline configuration', "/* eslint @nx/enforce-module-boundaries: 'off' */"],
  ])('reports %s', async (_spelling, source) => {
    const findings = await findingsOf(lintExemptionCheck, { files: { 'packages/orders/src/internal/x.ts': source } });
    expect(findings.map((f) => [f.rule, f.owner.project])).toEqual([['lint-exemption', '@shop/orders']]);
  });

  it('leaves a disable of another named rule alone, and the words in a string or template', async () => {
    const source = [
      '// eslint-disable-next-line @typescript-eslint/no-explicit-any',
      'type Loose = any;',
      "const text = '// eslint-disable-next-line @nx/enforce-module-boundaries';",
      'const fixture = `/* eslint-disable */ ${text}`;',
    ].join('\n');
    expect(await findingsOf(lintExemptionCheck, { files: { 'packages/orders/src/internal/x.ts': source } })).toEqual([]);
  });
});

describe('suppressed-import', () => {
  it.each([
    ['@ts-ignore on a static import', "// @ts-ignore\nimport { x } from '@shop/customers/src/internal/x.js';"],
    ['@ts-expect-error on a re-export', "// @ts-expect-error -- not exported\nexport { x } from '@shop/customers/internal';"],
    ['@ts-ignore in a block comment on a dynamic import', "/* @ts-ignore */\nconst x = await import('@shop/customers/internal');"],
    ['@ts-expect-error on a require', "// @ts-expect-error\nconst x = require('@shop/customers/internal');"],
    ['@ts-ignore on a multi-line import', "// @ts-ignore\nimport {\n  x,\n} from '@shop/customers/internal';"],
  ])('reports %s', async (_spelling, source) => {
    expect(await rulesOf(suppressedImportCheck, { files: { 'packages/orders/src/internal/y.ts': `const a = 1;\n${source}\n` } })).toEqual([`suppressed-import@packages/orders/src/internal/y.ts:${source.startsWith('/*') || source.startsWith('//') ? 2 : 0}`]);
  });

  it('leaves @ts-expect-error on ordinary code alone', async () => {
    expect(await findingsOf(suppressedImportCheck, { files: { 'packages/orders/src/internal/y.ts': '// @ts-expect-error wrong on purpose\nconst n: number = "x";\n' } })).toEqual([]);
  });
});

describe('exports-map', () => {
  it.each([
    ['a wildcard subpath', { '.': './src/index.ts', './*': './src/*.ts' }],
    ['a wildcard target under a condition', { '.': './src/index.ts', './features': { '@shop/source': './src/features/*.ts' } }],
    ['an internal entry', { '.': './src/index.ts', './internal': './src/internal/index.ts' }],
    ['an internal file behind a public name', { '.': './src/index.ts', './repository': { '@shop/source': './src/internal/repository.ts', default: './dist/internal/repository.js' } }],
  ])('reports %s in a module', async (_spelling, exports) => {
    const projects = projectsWith((p) => {
      p.customers.packageJson.exports = exports;
    });
    expect(await rulesOf(exportsMapCheck, { projects })).toEqual(['exports-map@packages/customers/package.json:3']);
  });

  it('accepts named entries pointing at files outside src/internal', async () => {
    expect(await findingsOf(exportsMapCheck, {})).toEqual([]);
  });
});

describe('hidden-edge-config', () => {
  it.each([
    ['a root alias to a package folder', { file: 'tsconfig.base.json', line: 5, project: undefined, pattern: '@customers/*', targets: ['packages/customers/src/*'] }],
    ['a project alias to another package', { file: 'packages/orders/tsconfig.json', line: 4, project: '@shop/orders', pattern: '#c', targets: ['packages/customers/src/internal/schema.ts'] }],
  ])('reports %s', async (_spelling, alias) => {
    const findings = await findingsOf(hiddenEdgeConfigCheck, { pathAliases: [alias] });
    expect(findings.map((f) => [f.rule, f.where.file, f.owner.project])).toEqual([['hidden-edge-config', alias.file, '@shop/customers']]);
  });

  it('accepts an alias inside its own package, and reports a negated implicit dependency', async () => {
    const own = { file: 'packages/orders/tsconfig.json', line: 4, project: '@shop/orders', pattern: '#own/*', targets: ['packages/orders/src/*'] };
    const projects = projectsWith((p) => {
      p.orders.packageJson.nx = { tags: p.orders.tags, implicitDependencies: ['!@shop/customers'] };
    });
    const findings = await findingsOf(hiddenEdgeConfigCheck, { projects, pathAliases: [own] });
    expect(findings.map((f) => f.message)).toEqual(['@shop/orders declares implicitDependencies "!@shop/customers", which removes its edge to @shop/customers from the project graph.']);
  });
});

describe('lint-config: the root eslint.config.mjs', () => {
  const today = readFileSync(`${WORKSPACE_ROOT}eslint.config.mjs`, 'utf8');

  it("has no problem as it is today", () => {
    expect(rootConfigProblems(today)).toEqual([]);
  });

  it.each([
    ['an allow-list entry', (text: string) => text.replace('allow: []', "allow: ['@shop/customers/src/internal/*']"), /option allow is \['@shop\/customers\/src\/internal\/\*'\]: an allow-list must be empty/],
    ['a dynamic-import exception', (text: string) => text.replace('checkDynamicDependenciesExceptions: []', "checkDynamicDependenciesExceptions: ['@shop/customers']"), /checkDynamicDependenciesExceptions/],
    ['a weaker severity', (text: string) => text.replace("'@nx/enforce-module-boundaries': [\n        'error'", "'@nx/enforce-module-boundaries': [\n        'warn'"), /is set to 'warn', not "error"/],
    ['inline tag rules', (text: string) => text.replace('          depConstraints,\n', "          depConstraints: [{ sourceTag: '*', onlyDependOnLibsWithTags: ['*'] }],\n"), /declares its depConstraints inline/],
    ['a second block switching the rule off', (text: string) => text.replace('];\n', "  { files: ['legacy/**'], rules: { '@nx/enforce-module-boundaries': 'off' } },\n];\n"), /configures @nx\/enforce-module-boundaries a second time/],
  ])('reports %s', (_what, edit, message) => {
    const edited = edit(today);
    expect(edited).not.toBe(today);
    expect(rootConfigProblems(edited).map((p) => p.message)).toEqual([expect.stringMatching(message)]);
  });
});
