import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerRegisteredV1 } from '@shop/customers/events';
import { OrderCancelledV1, OrderPaidV1, OrderPaymentFailedV1, OrderPlacedV1, OrderRefundedV1 } from '@shop/orders/events';
import { createLogger } from '@shop/platform-logging';
import { eventually } from '@shop/platform-testing';
import type { Database } from '@shop/platform-db';
import { publish, type Dispatcher } from '@shop/platform-events';
import { moduleTestbed, type ModuleTestbed } from '@shop/platform-testbed';
import type { MailMessage, Notification } from '../src/index.js';
import { MailSender } from '../src/internal/mail-sender.js';
import { notificationsModule } from '../src/module.js';

const mailSenderOf = (workers: readonly unknown[]) => {
  const found = workers.find((worker) => worker instanceof MailSender);
  if (!(found instanceof MailSender)) throw new Error('no mail sender');
  return found;
};

let bed: ModuleTestbed<typeof notificationsModule>;
let database: Database;
let dispatcher: Dispatcher;
let sender: MailSender;
const sent: MailMessage[] = [];
let mailerDown = false;
/** The mail sender's retry pacing here: a refused mail waits a minute, and is given up at the third refusal. */
const RETRY_BASE_MS = 60_000;

beforeAll(async () => {
  const customersOutbox = { name: 'customers', migrationsFolder: fileURLToPath(new URL('./fixtures/customers_outbox', import.meta.url)) };
  const ordersOutbox = { name: 'orders', migrationsFolder: fileURLToPath(new URL('./fixtures/orders_outbox', import.meta.url)) };
  const mailer = {
    async send(message: MailMessage) {
      if (mailerDown) throw new Error('SMTP server unreachable');
      sent.push(message);
    },
  };
  // No retry delay: a test that expects a failure runs one pass (`runOnce`), then lets the retry
  // run at once, instead of sleeping through a backoff.
  bed = await moduleTestbed({
    module: notificationsModule,
    publisherStandIns: [customersOutbox, ordersOutbox],
    ports: { mailer },
    backoff: { baseMs: 0, maxMs: 0 },
    environment: { MAIL_RETRY_BASE_MS: RETRY_BASE_MS, MAIL_MAX_ATTEMPTS: 3, MAIL_LEASE_MS: 60_000 },
  });
  database = bed.database;
  dispatcher = bed.dispatcher;
  sender = mailSenderOf(bed.workers);
});

afterAll(async () => {
  await bed?.close();
});

/** What the customers module publishes on registration, published here by its stand-in. */
async function registered(name: string): Promise<{ customerId: string; email: string }> {
  const customer = { customerId: randomUUID(), email: `${name.toLowerCase()}.${Date.now()}@example.com`, name, registeredAt: new Date().toISOString() };
  await database.db.transaction((tx) => publish(tx, CustomerRegisteredV1, customer, { aggregateId: customer.customerId }));
  return customer;
}

const listFor = async (customerId: string) => {
  const res = await bed.app.request(`/notifications?customerId=${customerId}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Notification[] }).items;
};

describe('notifications module, in a database holding only its own schema and a customers outbox', () => {
  it('projects a registered customer, queues the welcome mail with the event, sends it after commit and lists it', async () => {
    const ada = await registered('Ada');
    await dispatcher.runUntilIdle();
    const contacts = await database.rows(sql`select email, name from notifications.customer_contacts where customer_id = ${ada.customerId}`);
    expect(contacts).toEqual([{ email: ada.email, name: 'Ada' }]);
    const queued = await listFor(ada.customerId);
    expect(queued).toEqual([
      expect.objectContaining({ customerId: ada.customerId, kind: 'welcome', channel: 'email', recipient: ada.email, subject: 'Welcome to the shop', sentAt: null }),
    ]);
    const id = queued[0]?.id ?? '';
    expect(queued[0]?.messageId).toBe(`<${id}@shop>`);
    expect(queued[0]?.body).toContain('Hello Ada');
    // Delivering the event sent nothing: the mail leaves through the outbox, after commit.
    expect(sent.filter((m) => m.to === ada.email)).toEqual([]);
    expect(await database.rows(sql`select notification_id, attempts from notifications.mail_outbox where notification_id = ${id}`)).toEqual([{ notification_id: id, attempts: 0 }]);

    expect((await sender.sendDue()).sent).toBeGreaterThanOrEqual(1);
    expect(sent.filter((m) => m.to === ada.email)).toEqual([{ to: ada.email, subject: 'Welcome to the shop', text: queued[0]?.body, messageId: `<${id}@shop>` }]);
    expect((await listFor(ada.customerId))[0]?.sentAt).toEqual(expect.any(String));
    expect(await database.rows(sql`select 1 from notifications.mail_outbox where notification_id = ${id}`)).toEqual([]);
    // Nothing is due any more: another pass sends nothing.
    expect(await sender.sendDue()).toEqual({ sent: 0, failed: 0 });
  });

  it('notifies once when the event is delivered again', async () => {
    const bob = await registered('Bob');
    await dispatcher.runUntilIdle();
    await database.rows(sql`update customers.outbox_deliveries set status = 'pending'`);
    await dispatcher.runUntilIdle();
    await sender.sendDue();
    expect(await listFor(bob.customerId)).toHaveLength(1);
    expect(sent.filter((m) => m.to === bob.email)).toHaveLength(1);
  });

  it('a refused send leaves the notification queued, retried with backoff, and given up after MAIL_MAX_ATTEMPTS', async () => {
    await sender.sendDue();
    mailerDown = true;
    const cy = await registered('Cy');
    await dispatcher.runUntilIdle();
    // The event is handled whatever the mail server does: the notification exists, unsent.
    const [notification] = await listFor(cy.customerId);
    expect(notification).toMatchObject({ kind: 'welcome', sentAt: null });
    const id = notification?.id ?? '';
    const outboxRow = async () =>
      (
        await database.rows<{ attempts: number; last_error: string | null; wait_ms: number; failed: boolean }>(
          sql`select attempts, last_error, extract(epoch from (next_attempt_at - now())) * 1000 as wait_ms, failed_at is not null as failed from notifications.mail_outbox where notification_id = ${id}`,
        )
      )[0];
    const dueNow = () => database.rows(sql`update notifications.mail_outbox set next_attempt_at = now() - interval '1 second' where notification_id = ${id}`);

    expect(await sender.sendDue()).toEqual({ sent: 0, failed: 1 });
    expect(await outboxRow()).toMatchObject({ attempts: 1, last_error: 'SMTP server unreachable', failed: false });
    expect(Number((await outboxRow())?.wait_ms)).toBeGreaterThan(RETRY_BASE_MS - 5_000);
    // Not due before its backoff: a pass now does not try it.
    expect(await sender.sendDue()).toEqual({ sent: 0, failed: 0 });
    await dueNow();
    expect(await sender.sendDue()).toEqual({ sent: 0, failed: 1 });
    // Second refusal: twice the wait.
    expect(Number((await outboxRow())?.wait_ms)).toBeGreaterThan(2 * RETRY_BASE_MS - 5_000);
    await dueNow();
    expect(await sender.sendDue()).toEqual({ sent: 0, failed: 1 });
    expect(await outboxRow()).toMatchObject({ attempts: 3, failed: true });
    mailerDown = false;
    await dueNow();
    expect(await sender.sendDue()).toEqual({ sent: 0, failed: 0 });
    expect(sent.filter((m) => m.to === cy.email)).toEqual([]);
  });

  it('a mail whose sender died after the server accepted it is sent once more after the lease, with the same Message-ID', async () => {
    await sender.sendDue();
    const dan = await registered('Dan');
    await dispatcher.runUntilIdle();
    const accepted: MailMessage[] = [];
    // The first process: the server accepts the mail, then the process hangs forever before marking it sent.
    const acceptsThenHangs = {
      async send(message: MailMessage) {
        accepted.push(message);
        await new Promise<void>(() => {});
      },
    };
    const dying = new MailSender(bed.db, acceptsThenHangs, createLogger({ level: 'silent' }), {
      pollIntervalMs: 10,
      leaseMs: 200,
      retryBaseMs: 0,
      maxAttempts: 3,
      batchSize: 1,
    });
    void dying.sendDue();
    await eventually(() => expect(accepted).toHaveLength(1), { timeoutMs: 5_000, intervalMs: 10 });
    // Another process within the lease finds nothing to send; after it, it sends the mail again.
    const survivor = new MailSender(bed.db, { send: async (message) => void accepted.push(message) }, createLogger({ level: 'silent' }), {
      pollIntervalMs: 10,
      leaseMs: 200,
      retryBaseMs: 0,
      maxAttempts: 3,
    });
    await eventually(
      async () => {
        await survivor.sendDue();
        expect(accepted).toHaveLength(2);
      },
      { timeoutMs: 5_000, intervalMs: 50 },
    );
    expect(accepted.map((m) => m.to)).toEqual([dan.email, dan.email]);
    expect(accepted[1]?.messageId).toBe(accepted[0]?.messageId);
    const [notification] = await listFor(dan.customerId);
    expect(accepted[0]?.messageId).toBe(notification?.messageId);
    expect(notification?.sentAt).toEqual(expect.any(String));
  });

  it('runs as a worker: sends what the dispatcher queued until stopped', async () => {
    const eve = await registered('Evi');
    await dispatcher.runUntilIdle();
    await sender.start();
    try {
      await eventually(() => expect(sent.filter((m) => m.to === eve.email)).toHaveLength(1), { timeoutMs: 10_000, intervalMs: 20 });
    } finally {
      await sender.stop();
    }
  });

  it('answers 400 without a valid customerId', async () => {
    expect((await bed.app.request('/notifications')).status).toBe(400);
    expect((await bed.app.request('/notifications?customerId=nope')).status).toBe(400);
  });

  describe('order events', () => {
    const items = [
      { sku: 'BOOK-1', quantity: 2, unitPriceCents: 1250, lineTotalCents: 2500 },
      { sku: 'PEN-7', quantity: 1, unitPriceCents: 199, lineTotalCents: 199 },
    ];
    /** What the orders module publishes, published here by its stand-in. */
    async function placed(customerId: string) {
      const order = { orderId: randomUUID(), customerId, items, totalCents: 2699, placedAt: new Date().toISOString() };
      await database.db.transaction((tx) => publish(tx, OrderPlacedV1, order, { aggregateId: order.orderId }));
      return order;
    }
    const at = () => new Date().toISOString();

    it('sends an order confirmation and a payment receipt to the registered email, in order', async () => {
      const dee = await registered('Dee');
      const order = await placed(dee.customerId);
      const chargeId = randomUUID();
      await database.db.transaction((tx) =>
        publish(tx, OrderPaidV1, { orderId: order.orderId, customerId: dee.customerId, totalCents: 2699, chargeId, paidAt: at() }, { aggregateId: order.orderId }),
      );
      await dispatcher.runUntilIdle();
      const list = await listFor(dee.customerId);
      expect(list.map((n) => [n.kind, n.channel, n.recipient])).toEqual([
        ['welcome', 'email', dee.email],
        ['order-confirmation', 'email', dee.email],
        ['payment-receipt', 'email', dee.email],
      ]);
      expect(list[1]?.subject).toBe(`Order ${order.orderId} confirmed`);
      expect(list[1]?.body).toContain('2 × BOOK-1  25.00');
      expect(list[1]?.body).toContain('Total: 26.99');
      expect(list[2]?.body).toContain(`payment of 26.99 for order ${order.orderId} (charge ${chargeId})`);
      // Each went through the Mailer port, exactly as recorded, in the order they were written.
      await sender.sendDue();
      expect(sent.filter((m) => m.to === dee.email).map((m) => [m.text, m.messageId])).toEqual(list.map((n) => [n.body, n.messageId]));
    });

    it('notifies a failed payment and a cancellation with its refund', async () => {
      const eve = await registered('Eve');
      const order = await placed(eve.customerId);
      const refundId = randomUUID();
      await database.db.transaction(async (tx) => {
        await publish(tx, OrderPaymentFailedV1, { orderId: order.orderId, customerId: eve.customerId, totalCents: 2699, chargeId: randomUUID(), failedAt: at() }, { aggregateId: order.orderId });
      });
      await database.db.transaction(async (tx) => {
        await publish(
          tx,
          OrderCancelledV1,
          { orderId: order.orderId, customerId: eve.customerId, totalCents: 2699, previousStatus: 'paid', refundId, cancelledAt: at() },
          { aggregateId: order.orderId },
        );
      });
      await dispatcher.runUntilIdle();
      const list = await listFor(eve.customerId);
      expect(list.map((n) => n.kind)).toEqual(['welcome', 'order-confirmation', 'payment-failed', 'order-cancelled']);
      expect(list[2]?.body).toContain('was declined, so the order could not be paid and is now closed');
      expect(list[3]?.body).toContain(`We refunded 26.99 (refund ${refundId})`);
    });

    it('tells a refund that came after the cancellation in a follow-up', async () => {
      const fay = await registered('Fay');
      const order = await placed(fay.customerId);
      const refundId = randomUUID();
      await database.db.transaction(async (tx) => {
        await publish(
          tx,
          OrderCancelledV1,
          { orderId: order.orderId, customerId: fay.customerId, totalCents: 2699, previousStatus: 'placed', refundId: null, cancelledAt: at() },
          { aggregateId: order.orderId },
        );
        await publish(
          tx,
          OrderRefundedV1,
          { orderId: order.orderId, customerId: fay.customerId, amountCents: 2699, chargeId: randomUUID(), refundId, refundedAt: at() },
          { aggregateId: order.orderId },
        );
      });
      await dispatcher.runUntilIdle();
      const list = await listFor(fay.customerId);
      expect(list.map((n) => n.kind)).toEqual(['welcome', 'order-confirmation', 'order-cancelled', 'order-refunded']);
      expect(list[2]?.body).not.toContain('refund');
      expect(list[3]?.body).toContain(`we refunded 26.99 (refund ${refundId})`);
    });

    it('waits for the customer registration when an order event arrives first, then notifies once', async () => {
      const customer = { customerId: randomUUID(), email: `late.${Date.now()}@example.com`, name: 'Late', registeredAt: at() };
      await placed(customer.customerId);
      await dispatcher.runOnce();
      expect(await listFor(customer.customerId)).toEqual([]);
      const [delivery] = await database.rows<{ status: string; last_error: string }>(
        sql`select status, last_error from orders.outbox_deliveries where subscriber = 'notifications' and aggregate_id in (select aggregate_id from orders.outbox where payload->>'customerId' = ${customer.customerId})`,
      );
      expect(delivery).toMatchObject({ status: 'pending', last_error: expect.stringContaining('no contact yet') });

      // The failed delivery queued nothing: no mail for it, now or later.
      expect(await database.rows(sql`select 1 from notifications.mail_outbox o join notifications.notifications n on n.id = o.notification_id where n.customer_id = ${customer.customerId}`)).toEqual([]);
      await database.db.transaction((tx) => publish(tx, CustomerRegisteredV1, customer, { aggregateId: customer.customerId }));
      await dispatcher.runUntilIdle();
      expect((await listFor(customer.customerId)).map((n) => [n.kind, n.recipient])).toEqual([
        ['welcome', customer.email],
        ['order-confirmation', customer.email],
      ]);
    });
  });
});
