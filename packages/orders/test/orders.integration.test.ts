import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleTestbed, type ModuleTestbed } from '@shop/platform-testbed';
import type { Order } from '../src/index.js';
import { ordersModule } from '../src/module.js';
import { FakeBilling, FakeCustomers } from './fakes.js';
import { billingOutboxStandIn } from './fixtures/billing-outbox-stand-in.js';

let bed: ModuleTestbed<typeof ordersModule>;
const customers = new FakeCustomers();
const billing = new FakeBilling();

beforeAll(async () => {
  // Only the orders schema is migrated: customers and billing are fakes of their public APIs,
  // and their tables do not exist in this database (billing's outbox stands in for its events).
  bed = await moduleTestbed({ module: ordersModule, fakes: { customers, billing }, publisherStandIns: [billingOutboxStandIn] });
});

afterAll(async () => {
  await bed?.close();
});

const post = (path: string, body?: unknown, headers: Record<string, string> = {}) => bed.send('POST', path, body, headers);
type ProblemBody = { type: string; status: number; errors: { path: string; in: string }[]; code?: string };
const lines = [
  { sku: 'BOOK-1', quantity: 2, unitPriceCents: 1250 },
  { sku: 'PEN-7', quantity: 3, unitPriceCents: 199 },
];

async function placeOrder(customerId = customers.add(), items: unknown = lines): Promise<Order> {
  const res = await post('/orders', { customerId, items });
  if (res.status !== 201) throw new Error(`place failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Order;
}

describe('orders module, without the customers and billing tables (only billing\'s outbox, standing in for its events)', () => {
  it('has no schema but its own (plus the migration history)', async () => {
    const rows = await bed.database.rows<{ schema_name: string }>(
      sql`select schema_name from information_schema.schemata where schema_name not in ('public', 'information_schema') and schema_name not like 'pg\_%' order by 1`,
    );
    expect(rows.map((r) => r.schema_name)).toEqual(['billing', 'drizzle', 'orders']);
    const billingTables = await bed.database.rows<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'billing' order by 1`);
    expect(billingTables.map((r) => r.table_name)).toEqual(['outbox', 'outbox_deliveries']);
  });

  it('places an order: 201, status placed, totals computed by the server, a client total ignored', async () => {
    const customerId = customers.add();
    const res = await post('/orders', { customerId, items: lines, totalCents: 1 });
    expect(res.status).toBe(201);
    const order = (await res.json()) as Order;
    expect(order).toMatchObject({
      customerId,
      status: 'placed',
      totalCents: 2 * 1250 + 3 * 199,
      chargeId: null,
      items: [
        { sku: 'BOOK-1', quantity: 2, unitPriceCents: 1250, lineTotalCents: 2500 },
        { sku: 'PEN-7', quantity: 3, unitPriceCents: 199, lineTotalCents: 597 },
      ],
    });
    expect(res.headers.get('location')).toBe(`/orders/${order.id}`);
    const fetched = await bed.app.request(`/orders/${order.id}`);
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual(order);
  });

  it('totals the largest order allowed (10^12 cents) exactly', async () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ sku: `MAX-${i}`, quantity: 1000, unitPriceCents: 10_000_000 }));
    const order = await placeOrder(customers.add(), items);
    expect(order.totalCents).toBe(1_000_000_000_000);
    expect((await bed.api.get({ id: order.id }))?.totalCents).toBe(1_000_000_000_000);
  });

  it('answers 422 unknown-customer, and writes nothing, when customers does not know the customer', async () => {
    const customerId = randomUUID();
    const res = await post('/orders', { customerId, items: lines });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as ProblemBody).type).toMatch(/unknown-customer$/);
    const rows = await bed.database.rows<{ n: number }>(sql`select count(*)::int as n from orders.orders where customer_id = ${customerId}`);
    expect(rows[0]?.n).toBe(0);
  });

  it.each([
    ['no items', { items: [] }, ['items']],
    ['101 lines', { items: Array.from({ length: 101 }, () => lines[0]) }, ['items']],
    ['quantity 0 and a negative price', { items: [{ sku: 'A', quantity: 0, unitPriceCents: -1 }] }, ['items.0.quantity', 'items.0.unitPriceCents']],
    ['quantity 1001, price 10,000,001, fractional', { items: [{ sku: 'A', quantity: 1001, unitPriceCents: 10_000_001 }, { sku: 'B', quantity: 1.5, unitPriceCents: 1 }] }, ['items.0.quantity', 'items.0.unitPriceCents', 'items.1.quantity']],
    ['an empty sku and a bad customer id', { customerId: 'nope', items: [{ sku: ' ', quantity: 1, unitPriceCents: 1 }] }, ['customerId', 'items.0.sku']],
  ])('rejects %s with 400 and the field paths', async (_name, patch, paths) => {
    const valid: Record<string, unknown> = { customerId: customers.add(), items: lines };
    const res = await post('/orders', { ...valid, ...patch });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ProblemBody;
    expect([...new Set(body.errors.map((e) => e.path))].sort()).toEqual(paths);
  });

  it('accepts the bounds: 1 line, quantity 1000, price 0 and 10,000,000', async () => {
    const order = await placeOrder(customers.add(), [{ sku: 'A', quantity: 1000, unitPriceCents: 0 }, { sku: 'B', quantity: 1, unitPriceCents: 10_000_000 }]);
    expect(order.totalCents).toBe(10_000_000);
  });

  describe('Idempotency-Key', () => {
    it('returns the same order for the same key and body: one row, 201 both times', async () => {
      const key = randomUUID();
      const body = { customerId: customers.add(), items: lines };
      const first = await post('/orders', body, { 'idempotency-key': key });
      const second = await post('/orders', { ...body, items: lines.map((l) => ({ ...l, sku: ` ${l.sku}` })) }, { 'idempotency-key': key });
      expect([first.status, second.status]).toEqual([201, 201]);
      const [a, b] = [(await first.json()) as Order, (await second.json()) as Order];
      expect(b).toEqual(a);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      const rows = await bed.database.rows<{ n: number }>(sql`select count(*)::int as n from orders.orders where customer_id = ${body.customerId}`);
      expect(rows[0]?.n).toBe(1);
    });

    it('places one order for concurrent requests with one key', async () => {
      const key = randomUUID();
      const body = { customerId: customers.add(), items: lines };
      const responses = await Promise.all([1, 2, 3].map(() => post('/orders', body, { 'idempotency-key': key })));
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
      const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as Order).id)));
      expect(ids.size).toBe(1);
    });

    it('answers 422 for the same key with another body', async () => {
      const key = randomUUID();
      const customerId = customers.add();
      expect((await post('/orders', { customerId, items: lines }, { 'idempotency-key': key })).status).toBe(201);
      const reused = await post('/orders', { customerId, items: [{ sku: 'OTHER', quantity: 1, unitPriceCents: 5 }] }, { 'idempotency-key': key });
      expect(reused.status).toBe(422);
      expect(((await reused.json()) as ProblemBody).type).toBe('/problems/idempotency-key-reused');
    });

    it('keeps keys in the orders schema', async () => {
      const key = randomUUID();
      const order = (await (await post('/orders', { customerId: customers.add(), items: lines }, { 'idempotency-key': key })).json()) as Order;
      const rows = await bed.database.rows<{ order_id: string }>(sql`select order_id from orders.idempotency_keys where key = ${key}`);
      expect(rows).toEqual([{ order_id: order.id }]);
    });

    it('rejects an empty or overlong key with 400 naming the header', async () => {
      for (const key of [' ', 'k'.repeat(256)]) {
        const res = await post('/orders', { customerId: customers.add(), items: lines }, { 'idempotency-key': key });
        expect(res.status).toBe(400);
        expect(((await res.json()) as ProblemBody).errors[0]).toMatchObject({ path: 'idempotency-key', in: 'header' });
      }
    });
  });

  describe('pay', () => {
    it('charges the server-computed total through billing: 200 paid with chargeId', async () => {
      const order = await placeOrder();
      const res = await post(`/orders/${order.id}/pay`);
      expect(res.status).toBe(200);
      const paid = (await res.json()) as Order;
      expect(paid).toMatchObject({ id: order.id, status: 'paid', chargeId: expect.any(String) });
      expect(billing.charges.get(paid.chargeId ?? '')).toMatchObject({ orderId: order.id, amountCents: order.totalCents });
    });

    it('answers 402 on a decline; the order becomes payment_failed and is closed: paying again is the same 402, cancelling 409', async () => {
      const order = await placeOrder(customers.add(), [{ sku: 'X', quantity: 1, unitPriceCents: 1013 }]);
      const res = await post(`/orders/${order.id}/pay`);
      expect(res.status).toBe(402);
      const problem = await res.json();
      expect(problem).toMatchObject({ type: '/problems/card-declined', code: 'card_declined', orderId: order.id });
      expect(await bed.api.get({ id: order.id })).toMatchObject({ status: 'payment_failed', chargeId: expect.any(String) });
      const again = await post(`/orders/${order.id}/pay`);
      expect(again.status).toBe(402);
      expect(await again.json()).toEqual(problem);
      expect((await post(`/orders/${order.id}/cancel`)).status).toBe(409);
    });

    it('answers a repeated pay of a paid order with the same paid order, 404 for an unknown one, 400 for a malformed id', async () => {
      const order = await placeOrder();
      const first = await post(`/orders/${order.id}/pay`);
      expect(first.status).toBe(200);
      const charged = billing.chargesMade;
      const again = await post(`/orders/${order.id}/pay`);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(await first.json());
      expect(billing.chargesMade).toBe(charged);
      expect((await post(`/orders/${randomUUID()}/pay`)).status).toBe(404);
      expect((await post('/orders/nope/pay')).status).toBe(400);
    });

    it('finishes a pay that died between the charge and the order update, without charging twice', async () => {
      const order = await placeOrder();
      const before = billing.chargesMade;
      billing.loseNextAnswer('chargeOrder');
      // Billing charged, then the answer was lost: the request fails and the order is still not paid.
      expect((await post(`/orders/${order.id}/pay`)).status).toBe(500);
      expect((await bed.api.get({ id: order.id }))?.status).toBe('placed');

      const retry = await post(`/orders/${order.id}/pay`);
      expect(retry.status).toBe(200);
      expect(await retry.json()).toMatchObject({ status: 'paid', chargeId: billing.chargeOf(order.id)?.id });
      expect(billing.chargesMade - before).toBe(1);
    });

    it('answers every one of concurrent pays with the same paid order, charging once', async () => {
      const order = await placeOrder();
      const before = billing.chargesMade;
      const responses = await Promise.all(Array.from({ length: 10 }, () => post(`/orders/${order.id}/pay`)));
      expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 200));
      const bodies = await Promise.all(responses.map((r) => r.json()));
      for (const body of bodies) expect(body).toEqual(bodies[0]);
      expect(billing.chargesMade - before).toBe(1);
    });
  });

  describe('cancel', () => {
    it('cancels a placed order without touching billing', async () => {
      const order = await placeOrder();
      const refundsBefore = billing.refundCalls;
      const resolvesBefore = billing.resolveCalls;
      const res = await post(`/orders/${order.id}/cancel`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'cancelled', refundId: null });
      expect([billing.refundCalls, billing.resolveCalls]).toEqual([refundsBefore, resolvesBefore]);
    });

    it('refunds a paid order through billing', async () => {
      const order = await placeOrder();
      const paid = (await (await post(`/orders/${order.id}/pay`)).json()) as Order;
      const res = await post(`/orders/${order.id}/cancel`);
      expect(res.status).toBe(200);
      const cancelled = (await res.json()) as Order;
      expect(cancelled).toMatchObject({ status: 'cancelled', chargeId: paid.chargeId, refundId: expect.any(String) });
      expect(billing.refunds.get(paid.chargeId ?? '')?.id).toBe(cancelled.refundId);
    });

    it('refunds the charge of a pay that died, when the order is cancelled instead of paid again', async () => {
      const order = await placeOrder();
      billing.loseNextAnswer('chargeOrder');
      expect((await post(`/orders/${order.id}/pay`)).status).toBe(500);
      const cancelled = (await (await post(`/orders/${order.id}/cancel`)).json()) as Order;
      const charge = billing.chargeOf(order.id);
      expect(cancelled).toMatchObject({ status: 'cancelled', chargeId: charge?.id, refundId: billing.refunds.get(charge?.id ?? '')?.id });
      expect(charge?.status).toBe('refunded');
    });

    it('answers a repeated or concurrent cancel with the same cancelled order, refunding once; pay is then 409', async () => {
      const order = await placeOrder();
      expect((await post(`/orders/${order.id}/pay`)).status).toBe(200);
      const responses = await Promise.all(Array.from({ length: 6 }, () => post(`/orders/${order.id}/cancel`)));
      expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 6 }, () => 200));
      const bodies = await Promise.all(responses.map((r) => r.json()));
      for (const body of bodies) expect(body).toEqual(bodies[0]);
      const again = await post(`/orders/${order.id}/cancel`);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(bodies[0]);
      expect(billing.refunds.size).toBe([...billing.charges.values()].filter((c) => c.status === 'refunded').length);
      const payAfter = await post(`/orders/${order.id}/pay`);
      expect(payAfter.status).toBe(409);
      expect(((await payAfter.json()) as ProblemBody).type).toBe('/problems/not-payable');
      expect((await post(`/orders/${randomUUID()}/cancel`)).status).toBe(404);
    });
  });

  describe('list', () => {
    it("pages through a customer's orders exactly once, oldest first, and no one else's", async () => {
      const customerId = customers.add();
      const placed: string[] = [];
      for (let i = 0; i < 5; i++) placed.push((await placeOrder(customerId)).id);
      await placeOrder();
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await bed.app.request(`/orders?customerId=${customerId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        const page = (await res.json()) as { items: Order[]; nextCursor: string | null };
        expect(page.items.length).toBeLessThanOrEqual(2);
        for (const item of page.items) expect(item.items).toHaveLength(lines.length);
        seen.push(...page.items.map((o) => o.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(placed);
    });

    it('answers 400 without a customerId, or with a bad limit or cursor', async () => {
      for (const query of ['', '?customerId=nope', `?customerId=${randomUUID()}&limit=0`, `?customerId=${randomUUID()}&cursor=garbage`]) {
        const res = await bed.app.request(`/orders${query}`);
        expect(res.status).toBe(400);
        expect(((await res.json()) as ProblemBody).errors[0]?.in).toBe('query');
      }
    });
  });
});
