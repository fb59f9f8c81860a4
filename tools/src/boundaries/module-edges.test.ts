import { describe, expect, it } from 'vitest';
import { runChecks } from './run-checks.js';
import { cleanFiles, projectsWith, tagRules, teams } from './check-fixture.js';
import { workspaceFixture } from './workspace-fixture.js';

describe('moduleEdges', () => {
  it('tells calls, events and module entries apart, by the entry an import goes through', async () => {
    const projects = projectsWith((p) => {
      p.customers.packageJson.exports = { ...(p.customers.packageJson.exports as object), './events': { '@shop/source': './src/events.ts' } };
    });
    const files = {
      ...cleanFiles,
      'packages/orders/src/internal/handlers.ts': "import { CustomerRegisteredV1 } from '@shop/customers/events';\n",
      'packages/orders/test/orders.test.ts': "import { CustomerSchema } from '@shop/customers';\n",
    };
    const report = await runChecks(workspaceFixture({ projects, files, teams, tagRules }), []);
    expect(report.moduleEdges).toEqual([
      { source: '@shop/monolith', target: '@shop/customers', kind: 'module-entry' },
      { source: '@shop/monolith', target: '@shop/orders', kind: 'module-entry' },
      { source: '@shop/orders', target: '@shop/customers', kind: 'calls' },
      { source: '@shop/orders', target: '@shop/customers', kind: 'events' },
    ]);
  });
});
