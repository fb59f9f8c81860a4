import { describe, expect, it } from 'vitest';
import type { BoundaryCheck } from '../check.js';
import { runChecks } from '../run-checks.js';
import { workspaceFixture } from '../workspace-fixture.js';
import { cleanFiles, findingsOf, projectsWith, tagRules, teams } from '../check-fixture.js';
import { cycleCheck, stronglyConnected } from './cycle.js';
import { deepImportCheck, isExported } from './deep-import.js';
import { checks } from './index.js';
import { moduleEntryCheck } from './module-entry.js';
import { ownershipCheck } from './ownership.js';
import { tagConstraintCheck } from './tag-constraint.js';
import { undeclaredDependencyCheck } from './undeclared-dependency.js';
import { unresolvableImportCheck } from './unresolvable-import.js';

describe('the clean fixture', () => {
  it('has no findings under any check', async () => {
    const workspace = workspaceFixture({ projects: projectsWith(), files: cleanFiles, teams, tagRules });
    expect((await runChecks(workspace, checks)).findings).toEqual([]);
  });
});

describe('tag-constraint', () => {
  it('reports a platform package importing a module, at the import, owned by the module team', async () => {
    const projects = projectsWith((p) => {
      p.db.packageJson.dependencies = { '@shop/customers': 'workspace:*' };
    });
    const findings = await findingsOf(tagConstraintCheck, { projects, files: { 'packages/platform/db/src/x.ts': "\n\nimport type { Customer } from '@shop/customers';\n" } });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'tag-constraint',
        where: { project: '@shop/platform-db', file: 'packages/platform/db/src/x.ts', line: 3 },
        owner: { project: '@shop/customers', team: 'accounts', github: '@shop-org/accounts' },
        message: '@shop/platform-db (type:platform) imports @shop/customers (type:module): a project tagged "type:platform" may depend only on projects tagged "type:platform".',
        why: expect.stringMatching(/^Tags say which kinds of package may depend on which/),
      }),
    ]);
  });

  it('reports a package.json dependency nothing imports, at its line in package.json', async () => {
    const projects = projectsWith((p) => {
      p.db.packageJson.dependencies = { '@shop/customers': 'workspace:*' };
    });
    const findings = await findingsOf(tagConstraintCheck, { projects });
    expect(findings).toEqual([
      expect.objectContaining({
        where: { project: '@shop/platform-db', file: 'packages/platform/db/package.json', line: 7 },
        message: expect.stringContaining('declares a dependency on @shop/customers'),
      }),
    ]);
  });

  it('reports an edge only Nx knows (an implicit dependency) at the package', async () => {
    const findings = await findingsOf(tagConstraintCheck, { graphEdges: [{ source: '@shop/platform-db', target: '@shop/monolith', type: 'implicit' }] });
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'tag-constraint', where: { project: '@shop/platform-db' }, message: expect.stringContaining('depends (implicitly) on @shop/monolith') }),
    ]);
  });

  it('reports a dependency of a project whose tags no rule mentions', async () => {
    const projects = projectsWith((p) => {
      p.customers.tags = ['scope:customers', 'team:accounts'];
    });
    const findings = await findingsOf(tagConstraintCheck, { projects });
    const fromCustomers = findings.filter((f) => f.where.project === '@shop/customers');
    expect(fromCustomers.map((f) => f.message)).toEqual([
      '@shop/customers (scope:customers, team:accounts) imports @shop/platform-db (type:platform): it has no tag that any rule in tools/tag-rules.json mentions (tags: scope:customers, team:accounts), so it may depend on nothing.',
    ]);
  });

  it('allows every edge of the clean fixture, type-only and dynamic imports included', async () => {
    expect(await findingsOf(tagConstraintCheck, { files: { 'packages/orders/src/lazy.ts': "const c = await import('@shop/customers');\n" } })).toEqual([]);
  });
});

describe('deep-import', () => {
  it.each([
    ['static', "import { customers } from '@shop/customers/src/internal/schema.js';"],
    ['dynamic', "const schema = await import('@shop/customers/src/internal/schema.js');"],
    ['require', "const schema = require('@shop/customers/src/internal/schema.js');"],
    ['type-only', "import type { Row } from '@shop/customers/src/internal/schema.js';"],
    ['re-export', "export * from '@shop/customers/src/internal/schema.js';"],
  ])('reports a %s import outside the exports map', async (_kind, line) => {
    const findings = await findingsOf(deepImportCheck, { files: { 'packages/orders/src/x.ts': `// first\n${line}\n` } });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'deep-import',
        where: { project: '@shop/orders', file: 'packages/orders/src/x.ts', line: 2 },
        message: "'@shop/customers/src/internal/schema.js' is not in @shop/customers's exports map (it exports '.', './module').",
        owner: { project: '@shop/customers', team: 'accounts', github: '@shop-org/accounts' },
      }),
    ]);
  });

  it('reports a relative path into another package', async () => {
    const findings = await findingsOf(deepImportCheck, { files: { 'packages/orders/src/x.ts': "import { c } from '../../customers/src/internal/schema.js';\n" } });
    expect(findings.map((f) => f.message)).toEqual(["'../../customers/src/internal/schema.js' reaches into @shop/customers by relative path (packages/customers/src/internal/schema.js), around its exports map."]);
  });

  it("reports the root of a package whose exports map has no '.' entry", async () => {
    const findings = await findingsOf(deepImportCheck, { files: { 'packages/orders/src/x.ts': "import '@shop/monolith';\n" } });
    expect(findings.map((f) => f.message)).toEqual(["'@shop/monolith' is not in @shop/monolith's exports map (it exports './compose')."]);
  });

  it('follows Node: exact keys, the longest matching * pattern, null blocks, conditions-only objects are the root', () => {
    const exports = { '.': './i.js', './features/*': './f/*.js', './features/private/*': null };
    expect(isExported(exports, '.')).toBe(true);
    expect(isExported(exports, './features/a.js')).toBe(true);
    expect(isExported(exports, './features/private/a.js')).toBe(false);
    expect(isExported(exports, './other')).toBe(false);
    expect(isExported({ import: './i.js', default: './i.cjs' }, '.')).toBe(true);
    expect(isExported({ import: './i.js' }, './x')).toBe(false);
    expect(isExported('./i.js', '.')).toBe(true);
    expect(isExported(undefined, '.')).toBe(false);
  });
});

describe('module-entry', () => {
  it('reports a module importing another module ./module entry, and not the app doing the same', async () => {
    const findings = await findingsOf(moduleEntryCheck, { files: { 'packages/orders/src/y.ts': "export { createCustomersModule } from '@shop/customers/module';\n" } });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'module-entry',
        where: { project: '@shop/orders', file: 'packages/orders/src/y.ts', line: 1 },
        message: "@shop/orders (type:module) imports '@shop/customers/module', the factory entry of @shop/customers; only type:app packages may.",
        owner: { project: '@shop/customers', team: 'accounts', github: '@shop-org/accounts' },
      }),
    ]);
  });
});

describe('undeclared-dependency', () => {
  it('reports an import of a workspace package missing from package.json', async () => {
    const findings = await findingsOf(undeclaredDependencyCheck, { files: { 'packages/customers/src/z.ts': "import type { Order } from '@shop/orders';\n" } });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'undeclared-dependency',
        where: { project: '@shop/customers', file: 'packages/customers/src/z.ts', line: 1 },
        message: "@shop/customers imports '@shop/orders' but its package.json does not list @shop/orders.",
        owner: { project: '@shop/orders', team: 'sales', github: '@shop-org/sales' },
      }),
    ]);
  });

  it('accepts devDependencies (test-only imports) and npm packages', async () => {
    const projects = projectsWith((p) => {
      p.customers.packageJson.devDependencies = { '@shop/orders': 'workspace:*' };
    });
    expect(await findingsOf(undeclaredDependencyCheck, { projects, files: { 'packages/customers/test/z.test.ts': "import type { Order } from '@shop/orders';\nimport { z } from 'zod';\n" } })).toEqual([]);
  });
});

describe('cycle', () => {
  it('reports one finding per cycle, naming every edge and where it is made', async () => {
    const projects = projectsWith((p) => {
      p.customers.packageJson.dependencies = { '@shop/orders': 'workspace:*' };
    });
    const findings = await findingsOf(cycleCheck, { projects, files: { 'packages/customers/src/c.ts': "\nimport type { Order } from '@shop/orders';\n" } });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'cycle',
        message:
          'dependency cycle @shop/customers → @shop/orders → @shop/customers (@shop/customers → @shop/orders at packages/customers/src/c.ts:2; @shop/orders → @shop/customers at packages/orders/src/module.ts:1).',
        where: { project: '@shop/customers', file: 'packages/customers/src/c.ts', line: 2 },
      }),
    ]);
  });

  it('finds strongly connected components', () => {
    const graph: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a', 'd'], d: ['e'], e: ['d'], f: [] };
    expect(stronglyConnected(Object.keys(graph), (n) => graph[n] ?? []).filter((c) => c.length > 1)).toEqual([['d', 'e'], ['a', 'b', 'c']]);
  });
});

describe('ownership', () => {
  it('reports a package with no team: tag at its tags line, and one whose team tools/teams.json does not list', async () => {
    const projects = projectsWith((p) => {
      p.db.tags = ['scope:platform-db', 'type:platform'];
      p.customers.tags = ['scope:customers', 'type:module', 'team:billing'];
    });
    const findings = await findingsOf(ownershipCheck, { projects });
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'unknown-team', where: { project: '@shop/customers' }, message: '@shop/customers is owned by team "billing", which tools/teams.json does not list.', owner: { project: '@shop/customers', team: 'billing', github: undefined } }),
      expect.objectContaining({ rule: 'missing-team', where: { project: '@shop/platform-db' }, message: '@shop/platform-db has no team: tag.', owner: { project: '@shop/platform-db', team: undefined, github: undefined } }),
    ]);
  });

  it('reports a package with two teams', async () => {
    const projects = projectsWith((p) => {
      p.db.tags = ['type:platform', 'team:platform', 'team:accounts'];
    });
    expect((await findingsOf(ownershipCheck, { projects })).map((f) => f.rule)).toEqual(['missing-team']);
  });
});

describe('runChecks', () => {
  it('rejects a finding whose rule the check does not declare', async () => {
    const rogue: BoundaryCheck = { name: 'rogue', rules: [], run: (index) => tagConstraintCheck.run(index) };
    const projects = projectsWith((p) => {
      p.db.packageJson.dependencies = { '@shop/customers': 'workspace:*' };
    });
    await expect(runChecks(workspaceFixture({ projects, teams, tagRules }), [rogue])).rejects.toThrow('check rogue reported rule tag-constraint, which it does not declare');
  });
});

/**
 * One violation, many spellings: each rule must hold whatever syntax carries the specifier
 * (static, re-export, dynamic, require, createRequire, relative path, path aliases) and whatever
 * the imported symbol is called locally.
 */
describe('spellings of the same violation', () => {
  const customersAlias = { file: 'packages/orders/tsconfig.json', line: 4, project: '@shop/orders', pattern: '@legacy/*', targets: ['packages/customers/src/*'] };
  const withImports = (imports: Record<string, unknown>) =>
    projectsWith((p) => {
      p.orders.packageJson.imports = imports;
    });
  const spellingsOf = (specifier: string): [string, string][] => [
    ['a static import under another name', `import { customers as people } from '${specifier}';`],
    ['a renamed re-export', `export { customers as people } from '${specifier}';`],
    ['a namespace import', `import * as everything from '${specifier}';`],
    ['a type-only import', `import type { Row } from '${specifier}';`],
    ['a dynamic import', `const loaded = await import('${specifier}');`],
    ['require', `const loaded = require('${specifier}');`],
    ['import = require', `import loaded = require('${specifier}');`],
    ['createRequire', `import { createRequire as make } from 'node:module';\nconst loaded = make(import.meta.url)('${specifier}');`],
    ['require.resolve of a createRequire', `import { createRequire } from 'node:module';\nconst where = createRequire(import.meta.url).resolve('${specifier}');`],
    ['a type-position import()', `type Loaded = typeof import('${specifier}');`],
  ];

  it.each([
    ...spellingsOf('@shop/customers/src/internal/schema.js'),
    ['a relative path out of the package', "import { customers } from '../../../customers/src/internal/schema.js';"],
    ['a relative path that wanders before it leaves', "export * from './../../../orders/src/../../customers/src/internal/schema.js';"],
  ])('deep-import: %s', async (_spelling, source) => {
    const findings = await findingsOf(deepImportCheck, { files: { 'packages/orders/src/internal/x.ts': source } });
    expect(findings.map((f) => [f.rule, f.owner.project])).toEqual([['deep-import', '@shop/customers']]);
  });

  it('deep-import: through a tsconfig paths alias, and through package.json imports (to a path or to a package subpath)', async () => {
    const viaPaths = workspaceFixture({ projects: projectsWith(), files: { ...cleanFiles, 'packages/orders/src/a.ts': "import { c } from '@legacy/internal/schema.js';\n" }, pathAliases: [customersAlias], teams, tagRules });
    expect((await runChecks(viaPaths, [deepImportCheck])).findings.map((f) => f.message)).toEqual([
      "'@legacy/internal/schema.js' reaches into @shop/customers through tsconfig paths \"@legacy/*\" in packages/orders/tsconfig.json (packages/customers/src/internal/schema.js), around its exports map.",
    ]);
    const projects = withImports({ '#schema': '../customers/src/internal/schema.js', '#internal/*': { '@shop/source': '@shop/customers/src/internal/*' } });
    const findings = await findingsOf(deepImportCheck, { projects, files: { 'packages/orders/src/b.ts': "import { a } from '#schema';\nimport { b } from '#internal/schema.js';\n" } });
    expect(findings.map((f) => f.message)).toEqual([
      "'#schema' reaches into @shop/customers through package.json imports \"#schema\" of @shop/orders (packages/customers/src/internal/schema.js), around its exports map.",
      "'#internal/schema.js' (package.json imports \"#internal/schema.js\" of @shop/orders: '@shop/customers/src/internal/schema.js') is not in @shop/customers's exports map (it exports '.', './module').",
    ]);
  });

  it.each([...spellingsOf('@shop/customers/module'), ['package.json imports', "import { createCustomersModule } from '#customers-factory';"]])('module-entry: %s', async (_spelling, source) => {
    const projects = withImports({ '#customers-factory': '@shop/customers/module' });
    const findings = await findingsOf(moduleEntryCheck, { projects, files: { 'packages/orders/src/internal/y.ts': source } });
    expect(findings.map((f) => f.rule)).toEqual(['module-entry']);
  });

  it.each([...spellingsOf('@shop/customers'), ['a relative path to the entry file', "import { customers } from '../../../customers/src/index.js';"]])('tag-constraint: %s', async (_spelling, source) => {
    const projects = projectsWith((p) => {
      p.db.packageJson.dependencies = { '@shop/customers': 'workspace:*' };
    });
    const findings = await findingsOf(tagConstraintCheck, { projects, files: { 'packages/platform/db/src/z.ts': source } });
    expect(findings.map((f) => [f.rule, f.where.file])).toEqual([['tag-constraint', 'packages/platform/db/src/z.ts']]);
  });

  it.each(spellingsOf('@shop/orders'))('undeclared-dependency: %s', async (_spelling, source) => {
    const findings = await findingsOf(undeclaredDependencyCheck, { files: { 'packages/customers/src/z.ts': source } });
    expect(findings.map((f) => f.rule)).toEqual(['undeclared-dependency']);
  });
});

describe('unresolvable-import', () => {
  it.each([
    ['import() of a variable', 'const loaded = await import(name);'],
    ['import() of a template with a substitution', 'const loaded = await import(`@shop/${name}`);'],
    ['require of a concatenation', "const loaded = require('@shop/' + name);"],
    ['a createRequire result under another name', "import { createRequire } from 'module';\nconst load = createRequire(import.meta.url);\nload(name);"],
  ])('reports %s in runtime code, owned by the importing package', async (_spelling, source) => {
    const findings = await findingsOf(unresolvableImportCheck, { files: { 'packages/orders/src/internal/load.ts': `const name = pick();\n${source}\n` } });
    expect(findings).toEqual([expect.objectContaining({ rule: 'unresolvable-import', where: expect.objectContaining({ file: 'packages/orders/src/internal/load.ts' }), owner: expect.objectContaining({ project: '@shop/orders' }) })]);
  });
});

describe('the check registry', () => {
  it('runs the check exported by every file of checks/, so a new rule is one new file', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(new URL('.', import.meta.url)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'index.ts' && name !== 'boundary-rule-names.ts');
    expect(checks).toHaveLength(files.length);
    expect(checks).toContain(unresolvableImportCheck);
    expect(new Set(checks.flatMap((check) => check.rules.map((rule) => rule.id))).size).toBe(checks.flatMap((check) => check.rules).length);
  });
});
