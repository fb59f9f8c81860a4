import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BillingApi } from '@shop/billing';
import { billingModule } from '@shop/billing/module';
import { moduleRoles, openDatabase, rowsOf, runMigrations, setupDatabase, type Database } from '@shop/platform-db';
import { Dispatcher } from '@shop/platform-events';
import { composeModules, publishersOf, type ComposedModules } from '@shop/platform-host';
import { createLogger } from '@shop/platform-logging';
import type { MailMessage } from '@shop/notifications';
import type { Order, OrdersApi } from '@shop/orders';
import { ordersModule, paymentReconcilerOf } from '@shop/orders/module';
import { provisionTestDatabase, type TestDatabaseTarget } from '@shop/platform-testing';
import { moduleMigrations } from '../src/compose.js';
import { modules } from '../src/modules.js';

/**
 * Pay and cancel racing each other, and themselves, on the real modules in process: billing with
 * its sandbox provider, orders, customers, notifications and audit, one dispatcher delivering
 * events while the requests run. Billing reaches orders through a wrapper that adds jitter and now
 * and then loses an answer after billing acted (as a crash or a dropped connection would), so
 * requests fail midway and clients retry, or do not. Then everything comes to rest (events
 * delivered, one sweep) and the invariants of the payment workflow are checked in each module's
 * own tables, read as that module's role, and through the public APIs.
 */
const ORDERS = 300;
const CONCURRENT_ORDERS = 20;
/** Share of billing's answers lost after billing acted (0 for the test of identical answers). */
const loss = { rate: 0.04 };
const seed = Number(process.env['RACES_SEED'] ?? Date.now() % 1_000_000);

/** A small deterministic generator (mulberry32), so a failing run can be replayed with RACES_SEED. */
function random(seedValue: number): () => number {
  let state = seedValue >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(seed);
const pause = (maxMs: number) => new Promise((resolve) => setTimeout(resolve, Math.floor(rand() * maxMs)));

/** Billing as orders sees it here: jitter on every call, and an answer lost after billing acted now and then. */
function unreliable(billing: BillingApi, lost: { count: number }): BillingApi {
  const wrap =
    <I, O>(call: (input: I) => Promise<O>) =>
    async (input: I): Promise<O> => {
      // Now and then a call takes long to reach billing: long enough for a cancel to overtake a
      // pay on its way there and finish first (the late-refund race).
      await pause(rand() < 0.2 ? 1_000 : 20);
      const answer = await call(input);
      await pause(4);
      if (rand() < loss.rate) {
        lost.count++;
        throw new Error('connection lost after billing answered');
      }
      return answer;
    };
  return {
    chargeOrder: wrap(billing.chargeOrder),
    refund: wrap(billing.refund),
    resolveOrderCharge: wrap(billing.resolveOrderCharge),
    getCharge: billing.getCharge,
    listCharges: billing.listCharges,
  };
}

type Outcome = { op: 'pay' | 'cancel'; result: unknown } | { op: 'pay' | 'cancel'; failed: string };

let target: TestDatabaseTarget;
let database: Database;
let dispatcher: Dispatcher;
let shop: ComposedModules;
let orders: OrdersApi;
const lost = { count: 0 };
const mails: MailMessage[] = [];

beforeAll(async () => {
  target = await provisionTestDatabase('payment_races');
  database = await openDatabase({ ...(target.url ? { url: target.url } : {}), poolMaxWaiting: 10_000 });
  await setupDatabase(database, moduleMigrations);
  await runMigrations(database, moduleMigrations);
  const logger = createLogger({ level: 'silent' });
  dispatcher = new Dispatcher({
    database,
    logger,
    publishers: publishersOf(modules),
    handlerRole: (subscriber) => moduleRoles(subscriber, database.rolePrefix).runtime,
    pollIntervalMs: 50,
    backoff: { baseMs: 20, maxMs: 200 },
  });
  // Billing composed on its own, so the API orders receives can be wrapped; both halves share the dispatcher.
  const billingSide = composeModules({ modules: [billingModule], database, logger, events: dispatcher });
  const environment = { ORDERS_RECONCILE_AFTER_MS: '0', ORDERS_RECONCILE_INTERVAL_MS: '1000' };
  shop = composeModules({
    modules: modules.filter((module) => module.name !== billingModule.name),
    database,
    logger,
    events: dispatcher,
    remoteApis: { billing: unreliable(billingSide.apiOf(billingModule), lost) },
    remotePublishers: [billingModule.name],
    ports: { notifications: { mailer: { send: async (message: MailMessage) => void mails.push(message) } } },
    environment,
  });
  orders = shop.apiOf(ordersModule);
  await dispatcher.start();
}, 120_000);

afterAll(async () => {
  await dispatcher?.stop();
  await database?.close();
  await target?.drop();
});

/** Rows of a query run as `module`'s own role: what that module may see, and nothing else. */
async function asModule<T>(module: string, query: SQL): Promise<T[]> {
  return rowsOf<T>(await database.forModule(module).execute(query));
}

async function register(index: number): Promise<string> {
  const customers = shop.api('customers') as { register(input: { email: string; name: string }): Promise<{ ok: boolean; customer?: { id: string } }> };
  const result = await customers.register({ email: `race.${seed}.${index}@example.com`, name: `Racer ${index}` });
  if (!result.ok || !result.customer) throw new Error('registration failed');
  return result.customer.id;
}

/** One order's fate: 2–5 pays and cancels fired together with jitter, each retried up to twice when it fails midway. */
async function race(index: number): Promise<{ order: Order; outcomes: Outcome[] }> {
  const customerId = await register(index);
  // One order in five is declined by the sandbox (amounts ending in 13 cents).
  const unitPriceCents = rand() < 0.2 ? 1013 + 100 * Math.floor(rand() * 50) : 1000 + 100 * Math.floor(rand() * 50);
  const placed = await orders.place({ customerId, items: [{ sku: `RACE-${index}`, quantity: 1, unitPriceCents }] });
  if (!placed.ok) throw new Error(placed.code);
  const ops = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => (rand() < 0.6 ? 'pay' : 'cancel') as 'pay' | 'cancel');
  const retries = ops.map(() => Math.floor(rand() * 3));
  const outcomes = await Promise.all(
    ops.map(async (op, i): Promise<Outcome> => {
      for (let attempt = 0; ; attempt++) {
        await pause(15);
        try {
          return { op, result: await orders[op]({ id: placed.order.id }) };
        } catch (error) {
          if (attempt >= (retries[i] ?? 0)) return { op, failed: (error as Error).message };
        }
      }
    }),
  );
  return { order: placed.order, outcomes };
}

/** Until nothing moves: events delivered, then one sweep of the reconciler, again until neither has work. */
async function comeToRest(): Promise<void> {
  await dispatcher.stop();
  const reconciler = paymentReconcilerOf(shop.modules.find(({ descriptor }) => descriptor.name === ordersModule.name)?.instance.workers ?? []);
  for (let round = 0; round < 10; round++) {
    await dispatcher.runUntilIdle();
    const swept = await reconciler.sweep();
    await dispatcher.runUntilIdle();
    if (swept.length === 0 && (await dispatcher.backlog()).undelivered === 0) return;
  }
  throw new Error('the shop did not come to rest in 10 rounds');
}

interface OrderRow {
  id: string;
  status: string;
  stage: string;
  charge_id: string | null;
  refund_id: string | null;
  timer: boolean;
}
interface ChargeRow {
  id: string;
  order_id: string;
  status: string;
  refund_id: string | null;
  provider_reference: string | null;
}

describe(`payment races (seed ${seed})`, () => {
  it(`${ORDERS} orders under random interleavings of pay, cancel, retries and lost answers end satisfying every invariant`, async () => {
    const fates: { order: Order; outcomes: Outcome[] }[] = [];
    for (let next = 0; next < ORDERS; next += CONCURRENT_ORDERS) {
      fates.push(...(await Promise.all(Array.from({ length: Math.min(CONCURRENT_ORDERS, ORDERS - next) }, (_, i) => race(next + i)))));
    }
    await comeToRest();

    const ids = fates.map((fate) => fate.order.id);
    const orderRows = new Map(
      (
        await asModule<OrderRow>(
          'orders',
          sql`select id, status, stage, charge_id, refund_id, exists (select 1 from orders.workflow_timers t where t.order_id = o.id) as timer from orders.orders o where id in ${ids}`,
        )
      ).map((row) => [row.id, row]),
    );
    const charges = await asModule<ChargeRow>(
      'billing',
      sql`select c.id, c.order_id, c.status, r.id as refund_id, c.provider_reference from billing.charges c left join billing.refunds r on r.charge_id = c.id where c.order_id in ${ids}`,
    );
    const providerCharges = await asModule<{ n: number }>(
      'billing',
      sql`select count(*)::int as n from billing.sandbox_provider_requests where operation = 'charge' and idempotency_key in (select id::text from billing.charges where order_id in ${ids})`,
    );
    const lateRefunds = await asModule<{ n: number }>('orders', sql`select count(*)::int as n from orders.outbox where type = 'orders.order-refunded' and aggregate_id in ${ids}`);
    const notifications = await asModule<{ kind: string; body: string; order_id: string | null }>(
      'notifications',
      sql`select kind, body, substring(subject from '[0-9a-f-]{36}') as order_id from notifications.notifications where kind <> 'welcome'`,
    );

    const violations: string[] = [];
    const byOrder = <T extends { order_id: string | null }>(rows: T[], id: string) => rows.filter((row) => row.order_id === id);
    const counts: Record<string, number> = {};
    for (const { order, outcomes } of fates) {
      const row = orderRows.get(order.id);
      const mine = byOrder(charges, order.id);
      const succeeded = mine.filter((c) => c.status === 'succeeded');
      const told = byOrder(notifications, order.id);
      const say = (what: string) => violations.push(`order ${order.id} (${outcomes.map((o) => o.op).join(',')}): ${what}`);
      if (!row) {
        say('missing');
        continue;
      }
      counts[row.status] = (counts[row.status] ?? 0) + 1;
      if (row.stage !== row.status || row.timer) say(`not at rest: stage ${row.stage}, timer ${row.timer}`);
      if (mine.length > 1) say(`${mine.length} charges`);
      // paid ⇔ exactly one succeeded charge, recorded on the order.
      if ((row.status === 'paid') !== (succeeded.length === 1)) say(`status ${row.status} with ${succeeded.length} succeeded charges`);
      if (row.status === 'paid' && row.charge_id !== succeeded[0]?.id) say('paid with another charge than the succeeded one');
      if (row.status === 'paid' && told.filter((n) => n.kind === 'payment-receipt').length !== 1) say('paid without exactly one receipt');
      // cancelled ⇒ no succeeded charge; every refund recorded on the order and told to the customer.
      if (row.status === 'cancelled') {
        if (succeeded.length > 0) say('cancelled with a succeeded charge');
        const refunded = mine.find((c) => c.refund_id);
        if (refunded && row.refund_id !== refunded.refund_id) say(`refund ${refunded.refund_id} not recorded (order has ${row.refund_id})`);
        if (refunded && !told.some((n) => (n.kind === 'order-cancelled' || n.kind === 'order-refunded') && n.body.includes(refunded.refund_id ?? '?'))) say('refund not told');
        if (told.filter((n) => n.kind === 'order-cancelled').length !== 1) say('not exactly one cancellation notice');
      }
      // payment_failed ⇒ a declined charge, recorded.
      if (row.status === 'payment_failed' && (mine[0]?.status !== 'declined' || row.charge_id !== mine[0]?.id)) say('payment_failed without its declined charge');
      if (row.status === 'payment_failed' && told.filter((n) => n.kind === 'payment-failed').length !== 1) say('payment_failed without exactly one notice');
      if (row.status === 'placed' && mine.length > 0) say('placed with a charge');
      // Answers: every successful pay saw the same paid order, every decline the same order.
      const answers = (op: 'pay' | 'cancel', ok: boolean) =>
        outcomes.flatMap((o) => ('result' in o && o.op === op && (o.result as { ok: boolean }).ok === ok ? [JSON.stringify(o.result)] : []));
      if (new Set(answers('pay', true)).size > 1) say('pays answered different paid orders');
      if (new Set(outcomes.flatMap((o) => ('result' in o && o.op === 'pay' && (o.result as { code?: string }).code === 'card_declined' ? [JSON.stringify(o.result)] : []))).size > 1) {
        say('pays answered different declines');
      }
      if (answers('pay', true).length > 0 && row.status !== 'paid' && row.status !== 'cancelled') say(`a pay answered paid but the order is ${row.status}`);
      if (answers('cancel', true).length > 0 && row.status !== 'cancelled') say(`a cancel answered cancelled but the order is ${row.status}`);
    }
    // The provider moved money once per charge: one sandbox request per charge, whatever the retries.
    expect(providerCharges[0]?.n).toBe(charges.length);
    // Every notification was mailed once, with its own stable Message-ID.
    const sender = shop.modules.find(({ descriptor }) => descriptor.name === 'notifications')?.instance.workers?.find((w) => w.name === 'mail-sender') as
      | { sendDue(): Promise<{ sent: number }> }
      | undefined;
    while (((await sender?.sendDue())?.sent ?? 0) > 0);
    const unsent = await asModule<{ n: number }>('notifications', sql`select count(*)::int as n from notifications.notifications where sent_at is null`);
    expect(unsent[0]?.n).toBe(0);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(mails.length);

    console.log(
      `payment races (seed ${seed}, ${database.kind}): ${ORDERS} orders, ${fates.reduce((n, f) => n + f.outcomes.length, 0)} requests, ${lost.count} answers lost; ` +
        `at rest: ${JSON.stringify(counts)}, ${charges.length} charges (${charges.filter((c) => c.refund_id).length} refunded, ${lateRefunds[0]?.n} after the cancellation), ${mails.length} mails`,
    );
    expect(violations).toEqual([]);
    expect(Object.keys(counts).sort()).toEqual(['cancelled', 'paid', 'payment_failed']);
  }, 600_000);

  it('answers N concurrent pays of one order alike, and N concurrent cancels alike', async () => {
    loss.rate = 0;
    const customerId = await register(-1);
    for (const unitPriceCents of [2500, 2513]) {
      const placed = await orders.place({ customerId, items: [{ sku: 'SAME', quantity: 1, unitPriceCents }] });
      if (!placed.ok) throw new Error(placed.code);
      const pays = await Promise.all(Array.from({ length: 20 }, () => orders.pay({ id: placed.order.id }).catch((error: Error) => error.message)));
      expect(new Set(pays.map((answer) => JSON.stringify(answer))).size).toBe(1);
      expect(pays[0]).toMatchObject(unitPriceCents === 2500 ? { ok: true, order: { status: 'paid' } } : { ok: false, code: 'card_declined' });
    }
    const toCancel = await orders.place({ customerId, items: [{ sku: 'SAME', quantity: 1, unitPriceCents: 2600 }] });
    if (!toCancel.ok) throw new Error(toCancel.code);
    expect(await orders.pay({ id: toCancel.order.id })).toMatchObject({ ok: true });
    const cancels = await Promise.all(Array.from({ length: 20 }, () => orders.cancel({ id: toCancel.order.id }).catch((error: Error) => error.message)));
    expect(new Set(cancels.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(cancels[0]).toMatchObject({ ok: true, order: { status: 'cancelled', refundId: expect.any(String) } });
  }, 120_000);
});
