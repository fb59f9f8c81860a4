import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycleRule } from '../src/boundaries/checks/cycle.js';
import { databaseCheck } from '../src/boundaries/checks/database.js';
import { deepImportRule } from '../src/boundaries/checks/deep-import.js';
import { hiddenEdgeConfigRule } from '../src/boundaries/checks/hidden-edge-config.js';
import { lintConfigRule } from '../src/boundaries/checks/lint-config.js';
import { lintExemptionRule } from '../src/boundaries/checks/lint-exemption.js';
import { moduleEntryRule } from '../src/boundaries/checks/module-entry.js';
import { missingTeamRule, unknownTeamRule } from '../src/boundaries/checks/ownership.js';
import { suppressedImportRule } from '../src/boundaries/checks/suppressed-import.js';
import { tagConstraintRule } from '../src/boundaries/checks/tag-constraint.js';
import { undeclaredDependencyRule } from '../src/boundaries/checks/undeclared-dependency.js';
import { unresolvableImportRule } from '../src/boundaries/checks/unresolvable-import.js';
import type { Finding, Rule } from '../src/boundaries/finding.js';
import { copyWorkspace, WORKSPACE_ROOT, type WorkspaceCopy } from '../src/workspace-copy.js';

/**
 * `pnpm boundaries` end to end: clean on a copy of this workspace, then one planted violation
 * of each rule, all in the same copy (each at its own file and line, so they cannot mask one
 * another) and the command run once per output format, since each run builds Nx's graph.
 */
let workspace: WorkspaceCopy;
beforeAll(() => {
  workspace = copyWorkspace();
});
afterAll(() => workspace?.remove());

const boundaries = (args: string[] = [], env: Record<string, string> = {}) => workspace.run('pnpm', ['--silent', 'boundaries', ...args], { env });

describe('a clean copy of the workspace', () => {
  it('has no findings and exits 0', () => {
    const result = boundaries();
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^pnpm boundaries: no findings \(\d+ projects, \d+ files, \d+ imports, in [\d.]+s\)\.\n$/);
    expect(result.status).toBe(0);
  });
});

/** Where each planted violation is, and the owner line its finding must carry. */
const planted: { rule: Rule; file: string; line: number; owner: string }[] = [];

describe('planted violations', () => {
  let human: ReturnType<typeof boundaries>;
  let json: ReturnType<typeof boundaries>;
  let markdown: ReturnType<typeof boundaries>;
  let summaryFile: string;

  beforeAll(() => {
    // tag-constraint: a platform package imports a module (declared and linked, so only the tag rule is broken).
    plantDependency('packages/platform/config', '@shop/customers', 'packages/customers');
    plant(tagConstraintRule, 'packages/platform/config/src/planted-tag.ts', "// a platform package reaching up\nimport type { Customer } from '@shop/customers';\nexport type Planted = Customer;\n", 2, `@shop/customers is owned by team accounts (${github('accounts')})`);
    // deep-import: the app reaches into the customers module's internals, by a dynamic import.
    plant(deepImportRule, 'apps/monolith/src/planted-deep.ts', "export const load = () => import('@shop/customers/src/internal/schema.js');\n", 1, `@shop/customers is owned by team accounts (${github('accounts')})`);
    // module-entry: the e2e suite (not an app) imports a module's factory.
    plantDependency('apps/monolith-e2e', '@shop/customers', 'packages/customers', 'devDependencies');
    plant(moduleEntryRule, 'apps/monolith-e2e/test/planted-module-entry.ts', "\n\nexport { createCustomersModule } from '@shop/customers/module';\n", 3, `@shop/customers is owned by team accounts (${github('accounts')})`);
    // undeclared-dependency: an import of a workspace package the importer's package.json does not list.
    plant(undeclaredDependencyRule, 'packages/platform/db/src/planted-undeclared.ts', "import { createLogger } from '@shop/platform-logging';\nexport const planted = createLogger;\n", 1, `@shop/platform-logging is owned by team platform (${github('platform')})`);
    // cycle: platform-logging imports platform-http, which depends on platform-logging.
    plantDependency('packages/platform/logging', '@shop/platform-http', 'packages/platform/http');
    // The cycle is reported once, at the first edge from the alphabetically first package (the
    // production import of platform-logging in platform-http), and names both edges.
    workspace.write('packages/platform/logging/src/planted-cycle.ts', "import type { Router } from '@shop/platform-http';\nexport type Planted = Router;\n");
    const httpImportsLogging = 'packages/platform/http/src/create-http-app.ts';
    planted.push({ rule: cycleRule, file: httpImportsLogging, line: lineOf(httpImportsLogging, "from '@shop/platform-logging'"), owner: `@shop/platform-logging is owned by team platform (${github('platform')})` });
    // missing-team and unknown-team: edits to nx.tags.
    workspace.editJson('packages/platform/testing/package.json', (json) => {
      (json['nx'] as { tags: string[] }).tags = ['scope:platform-testing', 'type:platform'];
    });
    planted.push({ rule: missingTeamRule, file: 'packages/platform/testing/package.json', line: tagsLine('packages/platform/testing/package.json'), owner: '@shop/platform-testing has no owning team' });
    workspace.editJson('tools/package.json', (json) => {
      (json['nx'] as { tags: string[] }).tags = ['scope:tools', 'type:tool', 'team:tooling'];
    });
    planted.push({ rule: unknownTeamRule, file: 'tools/package.json', line: tagsLine('tools/package.json'), owner: '@shop/tools is owned by team tooling (no GitHub handle in tools/teams.json)' });

    // db/cross-module-sql-in-source: orders' code queries the customers schema behind its API.
    plant(
      databaseRule('db/cross-module-sql-in-source'),
      'packages/orders/src/internal/planted-sql.ts',
      "import { sql } from 'drizzle-orm';\nexport const planted = sql`select email from customers.customers`;\n",
      2,
      `@shop/customers is owned by team accounts (${github('accounts')})`,
    );

    // Exempt nothing: a switched-off rule, a per-package override, an alias into another package,
    // a silenced import, and a specifier no check can read.
    plant(lintExemptionRule, 'packages/orders/src/internal/planted-disable.ts', '// eslint-disable-next-line @nx/enforce-module-boundaries\nexport const planted = 1;\n', 1, `@shop/orders is owned by team orders (${github('orders')})`);
    workspace.write('packages/billing/eslint.config.mjs', "import baseConfig from '../../eslint.config.mjs';\n\nexport default [...baseConfig, { rules: { '@nx/enforce-module-boundaries': 'off' } }];\n");
    planted.push({ rule: lintConfigRule, file: 'packages/billing/eslint.config.mjs', line: 3, owner: `@shop/billing is owned by team payments (${github('payments')})` });
    workspace.editJson('packages/notifications/tsconfig.json', (json) => {
      json['compilerOptions'] = { ...(json['compilerOptions'] as object), paths: { '#customers/*': ['../customers/src/*'] } };
    });
    planted.push({ rule: hiddenEdgeConfigRule, file: 'packages/notifications/tsconfig.json', line: lineOf('packages/notifications/tsconfig.json', '"#customers/*"'), owner: `@shop/customers is owned by team accounts (${github('accounts')})` });
    plant(suppressedImportRule, 'packages/audit/src/internal/planted-ts-ignore.ts', "// @ts-ignore\nimport { missing } from './nowhere.js';\nexport const planted = missing;\n", 1, `@shop/audit is owned by team compliance (${github('compliance')})`);
    plant(unresolvableImportRule, 'packages/platform/http/src/planted-dynamic.ts', 'export const load = (name: string) => import(name);\n', 1, `@shop/platform-http is owned by team platform (${github('platform')})`);

    human = boundaries();
    json = boundaries(['--json']);
    summaryFile = path.join(workspace.root, 'step-summary.md');
    appendFileSync(summaryFile, '## an earlier step\n');
    markdown = boundaries(['--markdown'], { GITHUB_STEP_SUMMARY: summaryFile });
  });

  const rules = [
    tagConstraintRule,
    deepImportRule,
    moduleEntryRule,
    undeclaredDependencyRule,
    cycleRule,
    missingTeamRule,
    unknownTeamRule,
    databaseRule('db/cross-module-sql-in-source'),
    lintExemptionRule,
    lintConfigRule,
    hiddenEdgeConfigRule,
    suppressedImportRule,
    unresolvableImportRule,
  ];
  it.each(rules.map((rule) => [rule.id, rule] as const))('reports %s with where, why, how to fix and the owning team', (_id, rule) => {
    const { file, line, owner } = planted.find((p) => p.rule === rule) ?? { file: '', line: 0, owner: '' };
    expect(human.status).toBe(1);
    const block = human.stdout.split('\n\n').find((b) => b.startsWith(`${file}:${line}  ${rule.id}\n`));
    expect(block, `no ${rule.id} finding at ${file}:${line} in:\n${human.stdout}`).toBeDefined();
    expect(block).toContain(`\n  why:   ${rule.why}\n`);
    expect(block).toContain(`\n  fix:   ${rule.fix}\n`);
    expect(block).toContain(`\n  owner: ${owner}`);
  });

  it('reports exactly one finding per planted violation, in --json too', () => {
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as { ok: boolean; findings: Finding[] };
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => `${f.where.file}:${f.where.line} ${f.rule}`).sort()).toEqual(planted.map((p) => `${p.file}:${p.line} ${p.rule.id}`).sort());
    expect(report.findings.find((f) => f.rule === 'cycle')?.message).toBe(
      'dependency cycle @shop/platform-http → @shop/platform-logging → @shop/platform-http (@shop/platform-http → @shop/platform-logging at packages/platform/http/src/create-http-app.ts:' +
        `${lineOf('packages/platform/http/src/create-http-app.ts', "from '@shop/platform-logging'")}; @shop/platform-logging → @shop/platform-http at packages/platform/logging/src/planted-cycle.ts:1).`,
    );
    expect(human.stdout).toContain(`pnpm boundaries: ${planted.length} findings`);
  });

  it('writes --markdown for a pull request and appends it to GITHUB_STEP_SUMMARY', () => {
    expect(markdown.status).toBe(1);
    expect(markdown.stdout).toContain(`### ❌ Module boundaries: ${planted.length} findings`);
    expect(markdown.stdout).toContain(`#### \`deep-import\` at \`apps/monolith/src/planted-deep.ts:1\``);
    expect(markdown.stdout).toContain(`- **Why:** ${deepImportRule.why}`);
    expect(readFileSync(summaryFile, 'utf8')).toBe(`## an earlier step\n${markdown.stdout}\n`);
  });
});

function plant(rule: Rule, file: string, content: string, line: number, owner: string) {
  workspace.write(file, content);
  planted.push({ rule, file, line, owner });
}

function plantDependency(packageDir: string, dependency: string, dependencyDir: string, field = 'dependencies') {
  workspace.editJson(`${packageDir}/package.json`, (json) => {
    json[field] = { ...(json[field] as object), [dependency]: 'workspace:*' };
  });
  workspace.linkPackage(packageDir, dependency, dependencyDir);
}

function tagsLine(file: string): number {
  return lineOf(file, '"tags"');
}

function lineOf(file: string, text: string): number {
  return workspace.read(file).split('\n').findIndex((l) => l.includes(text)) + 1;
}

/** A team's GitHub handle, from the real tools/teams.json. */
function databaseRule(id: string): Rule {
  const rule = databaseCheck.rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no database rule ${id}`);
  return rule;
}

function github(team: string): string {
  const handle = (JSON.parse(readFileSync(path.join(WORKSPACE_ROOT, 'tools/teams.json'), 'utf8')) as { teams: Record<string, { github: string }> }).teams[team]?.github;
  if (handle === undefined) throw new Error(`tools/teams.json has no team ${team}`);
  return handle;
}
