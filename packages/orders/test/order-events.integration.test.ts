import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@shop/platform-db';
import { moduleTestbed, type ModuleTestbed } from '@shop/platform-testbed';
import { OrderCancelledV1, OrderPaidV1, OrderPaymentFailedV1, OrderPlacedV1 } from '../src/events.js';
import type { Order } from '../src/index.js';
import { ordersModule } from '../src/module.js';
import { FakeBilling, FakeCustomers } from './fakes.js';
import { billingOutboxStandIn } from './fixtures/billing-outbox-stand-in.js';

let bed: ModuleTestbed<typeof ordersModule>;
let database: Database;
const customers = new FakeCustomers();
const billing = new FakeBilling();

beforeAll(async () => {
  // As in the monolith: every statement of the module runs as its own role.
  bed = await moduleTestbed({ module: ordersModule, fakes: { customers, billing }, publisherStandIns: [billingOutboxStandIn] });
  database = bed.database;
  // A test-only way to make a commit fail after everything in it ran: a deferred trigger on the
  // outbox raises at COMMIT for the event types listed in `orders.test_poison`.
  await database.rows(sql`create table orders.test_poison (type text primary key)`);
  await database.rows(sql`
    create function orders.test_fail_poisoned() returns trigger language plpgsql security definer as $$
    begin
      if exists (select 1 from orders.test_poison where type = new.type) then raise exception 'poisoned %', new.type; end if;
      return null;
    end $$`);
  await database.rows(sql`
    create constraint trigger test_poison after insert on orders.outbox deferrable initially deferred
    for each row execute function orders.test_fail_poisoned()`);
});

afterAll(async () => {
  await bed?.close();
});

beforeEach(async () => {
  await database.rows(sql`delete from orders.test_poison`);
});

const poison = (type: string) => database.rows(sql`insert into orders.test_poison (type) values (${type})`);
const lines = [
  { sku: 'BOOK-1', quantity: 2, unitPriceCents: 1250 },
  { sku: 'PEN-7', quantity: 1, unitPriceCents: 199 },
];

interface OutboxRow extends Record<string, unknown> {
  type: string;
  version: number;
  aggregate_id: string;
  payload: Record<string, unknown>;
}
const eventsOf = (orderId: string) =>
  database.rows<OutboxRow>(sql`select type, version, aggregate_id, payload from orders.outbox where aggregate_id = ${orderId} order by seq`);
const eventsOfCustomer = (customerId: string) =>
  database.rows<OutboxRow>(sql`select type, version, aggregate_id, payload from orders.outbox where payload->>'customerId' = ${customerId} order by seq`);

async function place(items: typeof lines = lines, key?: string): Promise<Order> {
  const result = await bed.api.place({ customerId: customers.add(), items, ...(key ? { idempotencyKey: key } : {}) });
  if (!result.ok) throw new Error(`place failed: ${result.code}`);
  return result.order;
}

describe('orders publishes its events in the transaction of each state change', () => {
  it('place writes exactly orders.order-placed v1 with the order, its lines and total', async () => {
    const order = await place();
    const events = await eventsOf(order.id);
    expect(events).toEqual([
      {
        type: OrderPlacedV1.type,
        version: 1,
        aggregate_id: order.id,
        payload: { orderId: order.id, customerId: order.customerId, items: order.items, totalCents: 2 * 1250 + 199, placedAt: order.createdAt },
      },
    ]);
    expect(OrderPlacedV1.schema.safeParse(events[0]?.payload).success).toBe(true);
  });

  it('an idempotent replay of place publishes nothing more', async () => {
    const key = `key-${Date.now()}`;
    const customerId = customers.add();
    const first = await bed.api.place({ customerId, items: lines, idempotencyKey: key });
    const again = await bed.api.place({ customerId, items: lines, idempotencyKey: key });
    expect(again).toMatchObject({ ok: true, created: false });
    if (!first.ok) throw new Error('place failed');
    expect((await eventsOf(first.order.id)).map((e) => e.type)).toEqual([OrderPlacedV1.type]);
  });

  it('a place whose transaction rolls back leaves neither the order nor its event', async () => {
    await poison(OrderPlacedV1.type);
    const customerId = customers.add();
    await expect(bed.api.place({ customerId, items: lines })).rejects.toThrow(/poisoned/);
    const rows = await database.rows<{ n: number }>(sql`select count(*)::int as n from orders.orders where customer_id = ${customerId}`);
    expect(rows[0]?.n).toBe(0);
    expect(await eventsOfCustomer(customerId)).toEqual([]);
  });

  it('pay writes exactly orders.order-paid v1 with the charge', async () => {
    const order = await place();
    const paid = await bed.api.pay({ id: order.id });
    if (!paid.ok) throw new Error(`pay failed: ${paid.code}`);
    const events = await eventsOf(order.id);
    expect(events.map((e) => e.type)).toEqual([OrderPlacedV1.type, OrderPaidV1.type]);
    expect(events[1]?.payload).toEqual({
      orderId: order.id,
      customerId: order.customerId,
      totalCents: order.totalCents,
      chargeId: paid.order.chargeId,
      paidAt: paid.order.updatedAt,
    });
    // Paying again answers the same paid order and publishes nothing.
    expect(await bed.api.pay({ id: order.id })).toEqual(paid);
    expect(await eventsOf(order.id)).toHaveLength(2);
  });

  it('a declined charge writes exactly orders.order-payment-failed v1', async () => {
    const order = await place([{ sku: 'DECLINE', quantity: 1, unitPriceCents: 513 }]);
    const result = await bed.api.pay({ id: order.id });
    expect(result).toMatchObject({ ok: false, code: 'card_declined' });
    const events = await eventsOf(order.id);
    expect(events.map((e) => e.type)).toEqual([OrderPlacedV1.type, OrderPaymentFailedV1.type]);
    expect(events[1]?.payload).toMatchObject({ orderId: order.id, customerId: order.customerId, totalCents: 513 });
    expect(OrderPaymentFailedV1.schema.safeParse(events[1]?.payload).success).toBe(true);
  });

  it('a pay whose transaction rolls back leaves the order placed and publishes nothing; a retry pays once', async () => {
    const order = await place();
    await poison(OrderPaidV1.type);
    await expect(bed.api.pay({ id: order.id })).rejects.toThrow(/poisoned/);
    expect((await bed.api.get({ id: order.id }))?.status).toBe('placed');
    expect((await eventsOf(order.id)).map((e) => e.type)).toEqual([OrderPlacedV1.type]);
    await database.rows(sql`delete from orders.test_poison`);
    expect(await bed.api.pay({ id: order.id })).toMatchObject({ ok: true, order: { status: 'paid' } });
    expect((await eventsOf(order.id)).map((e) => e.type)).toEqual([OrderPlacedV1.type, OrderPaidV1.type]);
  });

  it('cancelling a paid order writes exactly orders.order-cancelled v1 with the refund', async () => {
    const order = await place();
    await bed.api.pay({ id: order.id });
    const cancelled = await bed.api.cancel({ id: order.id });
    if (!cancelled.ok) throw new Error(`cancel failed: ${cancelled.code}`);
    const events = await eventsOf(order.id);
    expect(events.map((e) => e.type)).toEqual([OrderPlacedV1.type, OrderPaidV1.type, OrderCancelledV1.type]);
    expect(events[2]?.payload).toEqual({
      orderId: order.id,
      customerId: order.customerId,
      totalCents: order.totalCents,
      previousStatus: 'paid',
      refundId: cancelled.order.refundId,
      cancelledAt: cancelled.order.updatedAt,
    });
    expect(cancelled.order.refundId).not.toBeNull();
    expect(await bed.api.cancel({ id: order.id })).toEqual(cancelled);
    expect(await eventsOf(order.id)).toHaveLength(3);
  });

  it('cancelling a placed order publishes it without a refund; a rolled-back cancel publishes nothing', async () => {
    const kept = await place();
    await poison(OrderCancelledV1.type);
    await expect(bed.api.cancel({ id: kept.id })).rejects.toThrow(/poisoned/);
    expect((await bed.api.get({ id: kept.id }))?.status).toBe('placed');
    expect((await eventsOf(kept.id)).map((e) => e.type)).toEqual([OrderPlacedV1.type]);

    await database.rows(sql`delete from orders.test_poison`);
    const cancelled = await bed.api.cancel({ id: kept.id });
    expect(cancelled.ok).toBe(true);
    const events = await eventsOf(kept.id);
    expect(events.map((e) => e.type)).toEqual([OrderPlacedV1.type, OrderCancelledV1.type]);
    expect(events[1]?.payload).toMatchObject({ previousStatus: 'placed', refundId: null });
  });
});
