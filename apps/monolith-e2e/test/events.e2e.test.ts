import { describe, expect, it } from 'vitest';
import { eventually } from '@shop/platform-testing';
import { call, uniqueEmail } from './http.js';

/** Reads until `done` holds (an event delivered), within 15 s. */
const until = <T>(read: () => Promise<T>, done: (value: T) => boolean) =>
  eventually(
    async () => {
      const value = await read();
      if (!done(value)) throw new Error(`not yet: ${JSON.stringify(value).slice(0, 300)}`);
      return value;
    },
    { timeoutMs: 15_000, intervalMs: 100 },
  );

describe('integration events over the real process', () => {
  it('a registration reaches the audit log and the customer gets a welcome notification', async () => {
    const created = await call('POST', '/customers', { email: uniqueEmail('events'), name: 'Evelyn' });
    expect(created.status).toBe(201);
    const id: string = created.body.id;

    const audit = await until(
      () => call('GET', '/audit/events?module=customers&type=customers.customer-registered&limit=100'),
      (res) => res.body.items.some((e: { aggregateId: string }) => e.aggregateId === id),
    );
    const entry = audit.body.items.find((e: { aggregateId: string }) => e.aggregateId === id);
    expect(entry).toMatchObject({ module: 'customers', version: 1, payload: { customerId: id, name: 'Evelyn' } });

    const notifications = await until(
      () => call('GET', `/notifications?customerId=${id}`),
      (res) => res.body.items.length > 0,
    );
    expect(notifications.body.items).toEqual([expect.objectContaining({ kind: 'welcome', channel: 'email', recipient: created.body.email })]);
  });

  it('an order placed and paid reaches the audit log in order, and the customer gets a confirmation and a receipt', async () => {
    const customer = await call('POST', '/customers', { email: uniqueEmail('order-events'), name: 'Olive' });
    expect(customer.status).toBe(201);
    const customerId: string = customer.body.id;
    const placed = await call('POST', '/orders', { customerId, items: [{ sku: 'BOOK-1', quantity: 2, unitPriceCents: 1250 }] });
    expect(placed.status).toBe(201);
    const orderId: string = placed.body.id;
    const paid = await call('POST', `/orders/${orderId}/pay`);
    expect(paid.body.status).toBe('paid');
    const chargeId: string = paid.body.chargeId;

    type Entry = { position: number; type: string; aggregateId: string };
    const ofOrder = async () => {
      const byOrder = await call('GET', '/audit/events?module=orders&limit=100');
      const byCharge = await call('GET', '/audit/events?module=billing&limit=100');
      const items = [...(byOrder.body.items as Entry[]), ...(byCharge.body.items as Entry[])];
      return items.filter((e) => e.aggregateId === orderId || e.aggregateId === chargeId).sort((a, b) => a.position - b.position);
    };
    const entries = await until(ofOrder, (items) => items.length >= 3);
    // Per aggregate, commit order; the order's two events bracket its charge's.
    expect(entries.filter((e) => e.aggregateId === orderId).map((e) => e.type)).toEqual(['orders.order-placed', 'orders.order-paid']);
    expect(entries.filter((e) => e.aggregateId === chargeId).map((e) => e.type)).toEqual(['billing.charge-succeeded']);

    const notifications = await until(
      () => call('GET', `/notifications?customerId=${customerId}`),
      (res) => res.body.items.length >= 3,
    );
    expect(notifications.body.items.map((n: { kind: string; recipient: string }) => [n.kind, n.recipient])).toEqual([
      ['welcome', customer.body.email],
      ['order-confirmation', customer.body.email],
      ['payment-receipt', customer.body.email],
    ]);
  });

  it('reports the dispatcher backlog in /ready', async () => {
    const ready = await call('GET', '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.events).toMatchObject({ status: 'ok', dead: 0 });
    expect(typeof ready.body.checks.events.undelivered).toBe('number');
  });

  it('pages the audit log with a cursor and rejects a bad one', async () => {
    for (let i = 0; i < 3; i++) await call('POST', '/customers', { email: uniqueEmail('page'), name: `Pager ${i}` });
    const first = await until(
      () => call('GET', '/audit/events?limit=2'),
      (res) => res.body.nextCursor !== null,
    );
    const second = await call('GET', `/audit/events?limit=2&after=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    expect(second.body.items[0].position).toBe(first.body.items[1].position + 1);
    expect((await call('GET', '/audit/events?after=nope')).status).toBe(400);
  });
});
