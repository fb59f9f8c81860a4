import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchitectureFacts } from '../src/architecture/architecture-model.js';
import { collectArchitecture } from '../src/architecture/collect-architecture.js';
import { ARCHITECTURE_FILE, callEdges, eventEdges } from '../src/architecture/render-architecture.js';
import { copyWorkspace, WORKSPACE_ROOT, type WorkspaceCopy } from '../src/workspace-copy.js';

let facts: ArchitectureFacts;
beforeAll(async () => {
  facts = await collectArchitecture(WORKSPACE_ROOT);
}, 60_000);

describe('collectArchitecture', () => {
  it('reads the customers module from its descriptor: API, routes, tables, events, owner', () => {
    const customers = facts.modules.find((m) => m.name === 'customers');
    expect(customers).toMatchObject({
      project: '@shop/customers',
      directory: 'packages/customers',
      owner: 'team:accounts (@shop-org/accounts)',
      tables: ['customers.customers', 'customers.outbox', 'customers.outbox_deliveries'],
      publishes: ['customers.customer-registered.v1'],
      consumes: [],
      extraction: { status: 'module' },
    });
    expect(customers?.routes).toEqual(['POST /customers', 'GET /customers/{id}', 'GET /customers']);
    expect(customers?.api?.name).toBe('CustomersApi');
    expect(customers?.api?.operations.map((o) => o.name)).toEqual(['register', 'get', 'exists', 'list']);
    expect(facts.modules.map((m) => m.project)).not.toContain('@shop/platform-db'); // modules only
  });

  it('knows audit consumes every event and notifications only consumes events (it calls nobody)', () => {
    expect(facts.modules.find((m) => m.name === 'audit')?.consumes).toBe('all');
    const notifications = facts.modules.find((m) => m.name === 'notifications');
    expect(notifications?.needs).toEqual([]);
    expect(notifications?.consumes).toEqual(expect.arrayContaining(['customers.customer-registered.v1', 'orders.order-placed.v1']));
  });

  it('lists the hosts with the modules they compose', () => {
    const monolith = facts.hosts.find((h) => h.project === '@shop/monolith');
    expect(monolith?.modules.sort()).toEqual(facts.modules.map((m) => m.name).sort());
  });
});

describe('docs/architecture.md', () => {
  const doc = () => readFileSync(path.join(WORKSPACE_ROOT, ARCHITECTURE_FILE), 'utf8');

  it('draws every call and every subscription of every descriptor', () => {
    const text = doc();
    const missing = [
      ...callEdges(facts.modules).map((e) => `m_${e.from} -->|${e.label}| m_${e.to}`),
      ...eventEdges(facts.modules).map((e) => `m_${e.from} -.->|${e.label}| m_${e.to}`),
    ].filter((line) => !text.includes(line));
    expect(missing).toEqual([]);
    // Audit consumes every event: an edge from each publisher.
    for (const publisher of facts.modules.filter((m) => m.publishes.length > 0)) expect(text).toContain(`m_${publisher.name} -.->|every event| m_audit`);
  });

  it('draws no call the descriptors do not declare (notifications calls nobody)', () => {
    expect(doc()).not.toMatch(/m_notifications -->\|calls/);
  });

  it('has a section per module with its owner, API, events, tables and extraction status', () => {
    const text = doc();
    for (const module of facts.modules) {
      expect(text).toContain(`## ${module.name}`);
      expect(text).toContain(`- Owner: ${module.owner}`);
      for (const table of module.tables) expect(text).toContain(`\`${table}\``);
    }
  });
});

describe('a module name is written once', () => {
  it('matches, in every module, the package, the drizzle-kit config, the SQL migrations and the tables', () => {
    for (const module of facts.modules) {
      const root = path.join(WORKSPACE_ROOT, module.directory);
      expect(module.project, module.directory).toBe(`@shop/${module.name}`);
      const config = readFileSync(path.join(root, 'drizzle.config.ts'), 'utf8');
      expect(config, `${module.directory}/drizzle.config.ts`).toMatch(new RegExp(`schemaFilter: \\['${module.name}'\\]`));
      const journal = JSON.parse(readFileSync(path.join(root, 'drizzle/meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
      for (const { tag } of journal.entries) {
        const migration = readFileSync(path.join(root, 'drizzle', `${tag}.sql`), 'utf8');
        const schemas = [...migration.matchAll(/"([a-z_][a-z0-9_]*)"\."[^"]+"/g), ...migration.matchAll(/CREATE SCHEMA(?: IF NOT EXISTS)? "([^"]+)"/gi)].map((m) => m[1]);
        expect(new Set(schemas), `${module.directory}/drizzle/${tag}.sql`).toEqual(new Set(schemas.length > 0 ? [module.name] : []));
      }
      for (const table of module.tables) expect(table.split('.')[0], table).toBe(module.name);
      for (const event of module.publishes) expect(event.startsWith(`${module.name}.`), event).toBe(true);
    }
  });
});

describe('pnpm docs:architecture --check and nx sync:check', () => {
  let workspace: WorkspaceCopy;
  beforeAll(() => {
    workspace = copyWorkspace();
  });
  afterAll(() => workspace?.remove());

  it('pass on the committed file and fail once a descriptor says something else', () => {
    const fresh = workspace.run('pnpm', ['--silent', 'docs:architecture', '--check']);
    expect(`${fresh.stdout}${fresh.stderr}`).toContain('up to date');
    expect(fresh.status).toBe(0);
    // Drop one subscription from notifications' descriptor (and its handler): the doc is stale.
    const handlers = 'packages/notifications/src/internal/notification-handlers.ts';
    workspace.write(
      handlers,
      workspace
        .read(handlers)
        .replace('OrderPaymentFailedV1, OrderCancelledV1, OrderRefundedV1] as const', 'OrderPaymentFailedV1, OrderRefundedV1] as const')
        .replace(/ {2}subscriber\.subscribe\(OrderCancelledV1,[\s\S]*?\n {2}\}\);\n/, ''),
    );
    const stale = workspace.run('pnpm', ['--silent', 'docs:architecture', '--check']);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('docs/architecture.md is stale');
    const syncCheck = workspace.run('node_modules/.bin/nx', ['sync:check']);
    expect(syncCheck.status).not.toBe(0);
    expect(`${syncCheck.stdout}${syncCheck.stderr}`).toContain('docs/architecture.md does not match the module descriptors');
    expect(workspace.run('node_modules/.bin/nx', ['sync']).status).toBe(0);
    expect(workspace.read(ARCHITECTURE_FILE)).not.toContain('orders.order-cancelled.v1| m_notifications');
  });
});
