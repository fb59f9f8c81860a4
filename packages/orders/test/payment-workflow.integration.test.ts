import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChargeSucceededV1, RefundIssuedV1 } from '@shop/billing/events';
import { rowsOf, type Database } from '@shop/platform-db';
import { publish } from '@shop/platform-events';
import { moduleTestbed, type ModuleTestbed } from '@shop/platform-testbed';
import { eventually } from '@shop/platform-testing';
import type { Order } from '../src/index.js';
import { ordersModule, paymentReconcilerOf, type PaymentReconciler } from '../src/module.js';
import { FakeBilling, FakeCustomers } from './fakes.js';
import { billingOutboxStandIn } from './fixtures/billing-outbox-stand-in.js';

let bed: ModuleTestbed<typeof ordersModule>;
let database: Database;
let reconciler: PaymentReconciler;
const customers = new FakeCustomers();
const billing = new FakeBilling();

beforeAll(async () => {
  // Orders in between are due for the sweep at once; the sweep runs only when a test runs it.
  bed = await moduleTestbed({
    module: ordersModule,
    fakes: { customers, billing },
    publisherStandIns: [billingOutboxStandIn],
    environment: { ORDERS_RECONCILE_AFTER_MS: 0, ORDERS_RECONCILE_INTERVAL_MS: 50 },
    backoff: { baseMs: 0, maxMs: 0 },
  });
  database = bed.database;
  reconciler = paymentReconcilerOf(bed.workers);
});

afterAll(async () => {
  await bed?.close();
});

async function place(unitPriceCents = 2500): Promise<Order> {
  const result = await bed.api.place({ customerId: customers.add(), items: [{ sku: 'A', quantity: 1, unitPriceCents }] });
  if (!result.ok) throw new Error(result.code);
  return result.order;
}

/** The order's workflow columns and timer, read as the orders role. */
async function workflowOf(orderId: string) {
  const [row] = rowsOf<{ stage: string; status: string; charge_id: string | null; refund_id: string | null; timer: boolean }>(
    await bed.db.execute(
      sql`select stage, status, charge_id, refund_id, exists (select 1 from orders.workflow_timers t where t.order_id = o.id) as timer from orders.orders o where id = ${orderId}`,
    ),
  );
  return row;
}

const eventsOf = async (orderId: string) =>
  (await database.rows<{ type: string; payload: Record<string, unknown> }>(sql`select type, payload from orders.outbox where aggregate_id = ${orderId} order by seq`)).map(
    (e) => [e.type, e.payload] as const,
  );

/** What billing would publish, published through its stand-in outbox, then delivered. */
async function billingPublishes(write: Parameters<Database['db']['transaction']>[0]) {
  await database.db.transaction(write);
  await bed.dispatcher.runUntilIdle();
}

describe('the payment process manager', () => {
  it('a pay whose answer was lost is finished by billing\'s charge-succeeded event, without a second call', async () => {
    const order = await place();
    billing.loseNextAnswer('chargeOrder');
    await expect(bed.api.pay({ id: order.id })).rejects.toThrow(/connection lost/);
    expect(await workflowOf(order.id)).toMatchObject({ stage: 'payment_requested', status: 'placed', timer: true });

    const charge = billing.chargeOf(order.id);
    if (!charge) throw new Error('no charge');
    await billingPublishes((tx) =>
      publish(tx, ChargeSucceededV1, { chargeId: charge.id, orderId: order.id, amountCents: order.totalCents, succeededAt: charge.updatedAt }, { aggregateId: charge.id }),
    );
    expect(await workflowOf(order.id)).toMatchObject({ stage: 'paid', status: 'paid', charge_id: charge.id, timer: false });
    expect((await eventsOf(order.id)).map(([type]) => type)).toEqual(['orders.order-placed', 'orders.order-paid']);
    // The same fact again (a redelivery, the request's own answer) changes nothing.
    await billingPublishes((tx) =>
      publish(tx, ChargeSucceededV1, { chargeId: charge.id, orderId: order.id, amountCents: order.totalCents, succeededAt: charge.updatedAt }, { aggregateId: charge.id }),
    );
    expect(await eventsOf(order.id)).toHaveLength(2);
  });

  it('a cancel that found no charge while a pay was in flight: the late charge is refunded, recorded and announced as a follow-up', async () => {
    const order = await place();
    const release = billing.holdNextCharge();
    const pay = bed.api.pay({ id: order.id });
    await eventually(async () => expect((await workflowOf(order.id))?.stage).toBe('payment_requested'), { timeoutMs: 5_000, intervalMs: 10 });

    const cancelled = await bed.api.cancel({ id: order.id });
    expect(cancelled).toMatchObject({ ok: true, order: { status: 'cancelled', chargeId: null, refundId: null } });
    release();
    expect(await pay).toEqual({ ok: false, code: 'not_payable' });

    const charge = billing.chargeOf(order.id);
    expect(charge?.status).toBe('refunded');
    expect(await workflowOf(order.id)).toMatchObject({ stage: 'cancelled', status: 'cancelled', charge_id: charge?.id, refund_id: charge?.refundId, timer: false });
    const events = await eventsOf(order.id);
    expect(events.map(([type]) => type)).toEqual(['orders.order-placed', 'orders.order-cancelled', 'orders.order-refunded']);
    expect(events[2]?.[1]).toMatchObject({ orderId: order.id, chargeId: charge?.id, refundId: charge?.refundId, amountCents: order.totalCents });
  });

  it('a refund the order did not record (the cancel died after billing refunded) is recorded from billing\'s event and told in the cancellation', async () => {
    const order = await place();
    expect((await bed.api.pay({ id: order.id })).ok).toBe(true);
    billing.loseNextAnswer('refund');
    await expect(bed.api.cancel({ id: order.id })).rejects.toThrow(/connection lost/);
    expect(await workflowOf(order.id)).toMatchObject({ stage: 'refund_requested', status: 'paid', refund_id: null, timer: true });

    const charge = billing.chargeOf(order.id);
    const refund = billing.refunds.get(charge?.id ?? '');
    if (!charge || !refund) throw new Error('no refund');
    await billingPublishes((tx) =>
      publish(tx, RefundIssuedV1, { refundId: refund.id, chargeId: charge.id, orderId: order.id, amountCents: refund.amountCents, refundedAt: refund.createdAt }, { aggregateId: charge.id }),
    );
    expect(await workflowOf(order.id)).toMatchObject({ stage: 'cancelled', status: 'cancelled', refund_id: refund.id, timer: false });
    const events = await eventsOf(order.id);
    expect(events.map(([type]) => type)).toEqual(['orders.order-placed', 'orders.order-paid', 'orders.order-cancelled']);
    expect(events[2]?.[1]).toMatchObject({ previousStatus: 'paid', refundId: refund.id });
  });

  it('a concurrent pay and cancel end in one of the allowed outcomes, whichever wins', async () => {
    for (let round = 0; round < 6; round++) {
      const order = await place();
      const [pay, cancel] = await Promise.all([bed.api.pay({ id: order.id }), bed.api.cancel({ id: order.id })]);
      expect(cancel.ok).toBe(true);
      // The pay either finished before the cancel began (paid, then refunded by the cancel) or lost to it.
      if (pay.ok) expect(pay.order.status).toBe('paid');
      else expect(pay).toEqual({ ok: false, code: 'not_payable' });
      const charge = billing.chargeOf(order.id);
      const after = await workflowOf(order.id);
      expect(after).toMatchObject({ stage: 'cancelled', timer: false, charge_id: charge?.id ?? null, refund_id: charge?.refundId ?? null });
      expect(charge === undefined || charge.status === 'refunded').toBe(true);
    }
  });
});

describe('the payment reconciler (sweep)', () => {
  it('dry run says what it would do and changes nothing; the sweep then finishes a pay that died before billing answered', async () => {
    const order = await place(3100);
    billing.unreachable = true;
    await expect(bed.api.pay({ id: order.id })).rejects.toThrow(/unreachable/);
    billing.unreachable = false;
    expect(await workflowOf(order.id)).toMatchObject({ stage: 'payment_requested', timer: true });

    const plan = (await reconciler.sweep({ dryRun: true })).find((entry) => entry.orderId === order.id);
    expect(plan).toEqual({ orderId: order.id, from: 'payment_requested', plan: 'ask billing to charge 3100 cents' });
    expect(billing.chargeOf(order.id)).toBeUndefined();
    expect(await workflowOf(order.id)).toMatchObject({ stage: 'payment_requested', timer: true });

    const done = (await reconciler.sweep()).find((entry) => entry.orderId === order.id);
    expect(done).toEqual({ orderId: order.id, from: 'payment_requested', to: 'paid' });
    expect(await workflowOf(order.id)).toMatchObject({ stage: 'paid', status: 'paid', charge_id: billing.chargeOf(order.id)?.id, timer: false });
    expect(await reconciler.sweep()).toEqual([]);
  });

  it('settles the pending charge of a cancel that died: refunds an approved one and cancels, cancels a declined one without refund', async () => {
    const approved = await place(4200);
    const declined = await place(4213);
    for (const order of [approved, declined]) {
      // The pay and then the cancel reached orders while billing was away; the charge was claimed
      // at billing but the provider's answer never recorded.
      billing.unreachable = true;
      await expect(bed.api.pay({ id: order.id })).rejects.toThrow(/unreachable/);
      await expect(bed.api.cancel({ id: order.id })).rejects.toThrow(/unreachable/);
      billing.unreachable = false;
      billing.leavePending(order.id, order.totalCents);
      expect(await workflowOf(order.id)).toMatchObject({ stage: 'cancel_requested', status: 'placed', timer: true });
    }
    const plans = await reconciler.sweep({ dryRun: true });
    expect(plans.find((entry) => entry.orderId === approved.id)?.plan).toMatch(/^ask billing to settle pending charge .* \(the provider is asked again/);
    expect(billing.chargeOf(approved.id)?.status).toBe('pending');

    const done = await reconciler.sweep();
    expect(done.filter((entry) => entry.orderId === approved.id || entry.orderId === declined.id)).toEqual([
      { orderId: approved.id, from: 'cancel_requested', to: 'cancelled' },
      { orderId: declined.id, from: 'cancel_requested', to: 'cancelled' },
    ]);
    const refunded = billing.chargeOf(approved.id);
    expect(refunded?.status).toBe('refunded');
    expect(await workflowOf(approved.id)).toMatchObject({ stage: 'cancelled', charge_id: refunded?.id, refund_id: refunded?.refundId, timer: false });
    expect((await eventsOf(approved.id)).map(([type, payload]) => [type, payload['refundId'] ?? null])).toEqual([
      ['orders.order-placed', null],
      ['orders.order-cancelled', refunded?.refundId],
    ]);
    expect(billing.chargeOf(declined.id)?.status).toBe('declined');
    expect(await workflowOf(declined.id)).toMatchObject({ stage: 'cancelled', charge_id: billing.chargeOf(declined.id)?.id, refund_id: null, timer: false });
  });

  it('reports an order it cannot finish yet and tries it again later, not in the same breath', async () => {
    const order = await place();
    billing.unreachable = true;
    await expect(bed.api.pay({ id: order.id })).rejects.toThrow(/unreachable/);
    const failed = (await reconciler.sweep()).find((entry) => entry.orderId === order.id);
    expect(failed).toEqual({ orderId: order.id, from: 'payment_requested', error: 'billing unreachable' });
    billing.unreachable = false;
    const [timer] = rowsOf<{ age_ms: number }>(
      await bed.db.execute(sql`select extract(epoch from (now() - since)) * 1000 as age_ms from orders.workflow_timers where order_id = ${order.id}`),
    );
    // Its timer starts again: swept once more ORDERS_RECONCILE_AFTER_MS later (0 here: at once).
    expect(Math.abs(Number(timer?.age_ms))).toBeLessThan(5_000);
    expect((await reconciler.sweep()).find((entry) => entry.orderId === order.id)).toEqual({ orderId: order.id, from: 'payment_requested', to: 'paid' });
  });

  it('runs as a worker: started, it sweeps at once and then every interval, until stopped', async () => {
    const order = await place();
    billing.loseNextAnswer('chargeOrder');
    await expect(bed.api.pay({ id: order.id })).rejects.toThrow(/connection lost/);
    await reconciler.start();
    try {
      await eventually(async () => expect((await workflowOf(order.id))?.stage).toBe('paid'), { timeoutMs: 10_000, intervalMs: 25 });
      const later = await place();
      billing.unreachable = true;
      await expect(bed.api.pay({ id: later.id })).rejects.toThrow(/unreachable/);
      billing.unreachable = false;
      await eventually(async () => expect((await workflowOf(later.id))?.stage).toBe('paid'), { timeoutMs: 10_000, intervalMs: 25 });
    } finally {
      await reconciler.stop();
    }
  });
});
