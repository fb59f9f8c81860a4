import { describe, expect, it } from 'vitest';
import type { ModuleFacts } from './architecture-model.js';
import { renderArchitecture } from './render-architecture.js';

const facts = (name: string, overrides: Partial<ModuleFacts> = {}): ModuleFacts => ({
  name,
  project: `@shop/${name}`,
  directory: `packages/${name}`,
  owner: 'team:x',
  summary: '',
  api: null,
  needs: [],
  routes: [],
  publishes: [],
  consumes: [],
  errors: [],
  tables: [],
  reportingViews: [],
  workers: [],
  extraction: { status: 'module' },
  ...overrides,
});

describe('renderArchitecture', () => {
  it('draws hosts, calls, events from publisher to each consumer and "every event" edges, and lists "none" for what a module lacks', () => {
    const text = renderArchitecture({
      modules: [
        facts('orders', { needs: [{ local: 'customers', api: 'CustomersApi', module: 'customers' }], publishes: ['orders.order-placed.v1'] }),
        facts('customers', { publishes: ['customers.customer-registered.v1'] }),
        facts('notifications', { consumes: ['orders.order-placed.v1'] }),
        facts('audit', { consumes: 'all' }),
      ],
      hosts: [{ project: '@shop/monolith', directory: 'apps/monolith', modules: ['orders', 'customers'] }],
    });
    expect(text).toContain('  h__shop_monolith ==>|composes| m_orders');
    expect(text).toContain('  m_orders -->|calls CustomersApi| m_customers');
    expect(text).toContain('  m_orders -.->|orders.order-placed.v1| m_notifications');
    expect(text).toContain('  m_orders -.->|every event| m_audit');
    expect(text).toContain('  m_customers -.->|every event| m_audit');
    expect(text).not.toContain('m_notifications -.->|every event|');
    expect(text).toContain('- Events published (`@shop/orders/events`): `orders.order-placed.v1`');
    expect(text).toMatch(/## customers[\s\S]*- Events consumed: none[\s\S]*## notifications/);
    expect(text).toContain('- Events consumed: every event of every publisher');
  });

  it('shows a service with its reason and decision record', () => {
    const text = renderArchitecture({
      modules: [facts('billing', { extraction: { status: 'service', reason: 'fault-isolation', decisionRecord: 'docs/decisions/0001-billing.md' } })],
      hosts: [],
    });
    expect(text).toContain('- Extraction status: service: fault-isolation, decided in [docs/decisions/0001-billing.md](../docs/decisions/0001-billing.md)');
  });
});
