import { describe, expect, it } from 'vitest';
import { call, uniqueEmail } from './http.js';

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('integration events over the real process', () => {
  it('a registration reaches the audit log and the customer gets a welcome notification', async () => {
    const created = await call('POST', '/customers', { email: uniqueEmail('events'), name: 'Evelyn' });
    expect(created.status).toBe(201);
    const id: string = created.body.id;

    const audit = await eventually(
      () => call('GET', '/audit/events?module=customers&type=customers.customer-registered&limit=100'),
      (res) => res.body.items.some((e: { aggregateId: string }) => e.aggregateId === id),
    );
    const entry = audit.body.items.find((e: { aggregateId: string }) => e.aggregateId === id);
    expect(entry).toMatchObject({ module: 'customers', version: 1, payload: { customerId: id, name: 'Evelyn' } });

    const notifications = await eventually(
      () => call('GET', `/notifications?customerId=${id}`),
      (res) => res.body.items.length > 0,
    );
    expect(notifications.body.items).toEqual([expect.objectContaining({ kind: 'welcome', channel: 'email', recipient: created.body.email })]);
  });

  it('reports the dispatcher backlog in /ready', async () => {
    const ready = await call('GET', '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.events).toMatchObject({ status: 'ok', dead: 0 });
    expect(typeof ready.body.checks.events.undelivered).toBe('number');
  });

  it('pages the audit log with a cursor and rejects a bad one', async () => {
    for (let i = 0; i < 3; i++) await call('POST', '/customers', { email: uniqueEmail('page'), name: `Pager ${i}` });
    const first = await eventually(
      () => call('GET', '/audit/events?limit=2'),
      (res) => res.body.nextCursor !== null,
    );
    const second = await call('GET', `/audit/events?limit=2&after=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    expect(second.body.items[0].position).toBe(first.body.items[1].position + 1);
    expect((await call('GET', '/audit/events?after=nope')).status).toBe(400);
  });
});
