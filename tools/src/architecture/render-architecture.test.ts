import { describe, expect, it } from 'vitest';
import type { ModuleFacts } from './architecture-model.js';
import { renderArchitecture } from './render-architecture.js';

const facts = (name: string, overrides: Partial<ModuleFacts> = {}): ModuleFacts => ({
  name, directory: `packages/${name.slice(6)}`, owner: 'team:x', summary: '', publicApi: [], routes: [], tables: [],
  eventsPublished: [], eventsConsumed: [], calls: [], ...overrides,
});

describe('renderArchitecture', () => {
  it('draws calls solid and events dashed from publisher to consumer, and lists "none" for what a module lacks', () => {
    const text = renderArchitecture([
      facts('@shop/orders', { calls: ['@shop/customers'], eventsPublished: ['OrderPlacedEventSchema'] }),
      facts('@shop/customers'),
      facts('@shop/notifications', { eventsConsumed: [{ event: 'OrderPlacedEventSchema', from: '@shop/orders' }] }),
    ]);
    expect(text).toContain('  _shop_orders -->|calls| _shop_customers');
    expect(text).toContain('  _shop_orders -.->|OrderPlacedEventSchema| _shop_notifications');
    expect(text).toContain('- Events published: `OrderPlacedEventSchema`');
    expect(text).toMatch(/## @shop\/customers[\s\S]*- Events consumed: none[\s\S]*## @shop\/notifications/);
  });
});
