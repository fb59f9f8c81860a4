import { WORKSPACE_ROOT } from '../workspace-copy.js';
import type { BoundaryCheck } from './check.js';
import type { PathAlias } from './path-aliases.js';
import { runChecks } from './run-checks.js';
import { loadTagRules } from './tag-rules.js';
import { workspaceFixture, type FixtureProject } from './workspace-fixture.js';
import type { GraphEdge, PackageJson } from './workspace.js';

/**
 * An in-memory workspace shaped like this one (a platform package, two modules, the app), with
 * the real tools/tag-rules.json, for the unit tests of the checks. The CLI over a planted copy
 * of the real workspace is tools/test/boundaries.test.ts.
 */
export const teams = { teams: { platform: { github: '@shop-org/platform', description: '' }, accounts: { github: '@shop-org/accounts', description: '' }, sales: { github: '@shop-org/sales', description: '' } } };
export const tagRules = loadTagRules(WORKSPACE_ROOT);

const moduleExports = { '.': { '@shop/source': './src/index.ts' }, './module': { '@shop/source': './src/module.ts' } };
type Fixture = Required<FixtureProject> & { packageJson: PackageJson };
const fixtureProjects = (): Record<'db' | 'customers' | 'orders' | 'monolith', Fixture> => ({
  db: { name: '@shop/platform-db', root: 'packages/platform/db', tags: ['scope:platform-db', 'type:platform', 'team:platform'], packageJson: { name: '@shop/platform-db', exports: { '.': './src/index.ts' } } },
  customers: { name: '@shop/customers', root: 'packages/customers', tags: ['scope:customers', 'type:module', 'team:accounts'], packageJson: { name: '@shop/customers', exports: moduleExports, dependencies: { '@shop/platform-db': 'workspace:*' } } },
  orders: { name: '@shop/orders', root: 'packages/orders', tags: ['scope:orders', 'type:module', 'team:sales'], packageJson: { name: '@shop/orders', exports: moduleExports, dependencies: { '@shop/customers': 'workspace:*', '@shop/platform-db': 'workspace:*' } } },
  monolith: { name: '@shop/monolith', root: 'apps/monolith', tags: ['scope:monolith', 'type:app', 'team:platform'], packageJson: { name: '@shop/monolith', exports: { './compose': './src/compose.ts' }, dependencies: { '@shop/customers': 'workspace:*', '@shop/orders': 'workspace:*' } } },
});
/** The fixture's projects, after `edit` changed some of them. */
export const projectsWith = (edit: (projects: ReturnType<typeof fixtureProjects>) => void = () => {}): FixtureProject[] => {
  const projects = fixtureProjects();
  edit(projects);
  return Object.values(projects);
};
export const cleanFiles = {
  'packages/customers/src/module.ts': "import { openDatabase } from '@shop/platform-db';\nimport { x } from './internal/x.js';\n",
  'packages/orders/src/module.ts': "import type { CustomersApi } from '@shop/customers';\n",
  'apps/monolith/src/compose.ts': "import { createCustomersModule } from '@shop/customers/module';\nimport { createOrdersModule } from '@shop/orders/module';\n",
};

/** The findings of one check over the fixture, with files added and projects or edges changed. */
export async function findingsOf(check: BoundaryCheck, options: { files?: Record<string, string>; projects?: FixtureProject[]; graphEdges?: GraphEdge[]; pathAliases?: PathAlias[] } = {}) {
  const workspace = workspaceFixture({ projects: options.projects ?? projectsWith(), files: { ...cleanFiles, ...options.files }, graphEdges: options.graphEdges ?? [], pathAliases: options.pathAliases ?? [], teams, tagRules });
  return (await runChecks(workspace, [check])).findings;
}
