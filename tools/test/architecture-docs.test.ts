import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectArchitecture } from '../src/architecture/collect-architecture.js';
import { copyWorkspace, WORKSPACE_ROOT, type WorkspaceCopy } from '../src/workspace-copy.js';

describe('collectArchitecture', () => {
  it('reads the customers module from its code: API, routes, tables, owner', async () => {
    const modules = await collectArchitecture(WORKSPACE_ROOT);
    const customers = modules.find((m) => m.name === '@shop/customers');
    expect(customers).toMatchObject({ directory: 'packages/customers', owner: 'team:accounts (@shop-org/accounts)', tables: ['customers.customers', 'customers.outbox', 'customers.outbox_deliveries'] });
    expect(customers?.routes).toEqual(['POST /customers', 'GET /customers/{id}', 'GET /customers']);
    expect(customers?.publicApi).toEqual(expect.arrayContaining(['CustomersApi', 'CustomerSchema', 'CustomerErrorCode']));
    expect(customers?.publicApi).not.toContain('CustomerService'); // internal
    expect(modules.map((m) => m.name)).not.toContain('@shop/platform-db'); // modules only
  });
});

describe('pnpm docs:architecture --check', () => {
  let workspace: WorkspaceCopy;
  beforeAll(() => {
    workspace = copyWorkspace();
  });
  afterAll(() => workspace?.remove());
  const check = () => workspace.run('pnpm', ['--silent', 'docs:architecture', '--check']);

  it('passes on the committed file and fails once the code says something else', () => {
    const fresh = check();
    expect(`${fresh.stdout}${fresh.stderr}`).toContain('up to date');
    expect(fresh.status).toBe(0);
    workspace.write('packages/customers/README.md', workspace.read('packages/customers/README.md').replace('Registers customers', 'Registers people'));
    const stale = check();
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('docs/architecture.md is stale');
  });
});
