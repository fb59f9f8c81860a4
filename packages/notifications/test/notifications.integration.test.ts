import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerRegisteredV1 } from '@shop/customers/events';
import { OrderCancelledV1, OrderPaidV1, OrderPaymentFailedV1, OrderPlacedV1 } from '@shop/orders/events';
import type { Database } from '@shop/platform-db';
import { publish, type Dispatcher } from '@shop/platform-events';
import { moduleTestbed, type ModuleTestbed } from '@shop/platform-testbed';
import type { MailMessage, Notification } from '../src/index.js';
import { notificationsModule } from '../src/module.js';

let bed: ModuleTestbed<typeof notificationsModule>;
let database: Database;
let dispatcher: Dispatcher;
const sent: MailMessage[] = [];
let mailerDown = false;

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
  });
  database = bed.database;
  dispatcher = bed.dispatcher;
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
  it('projects a registered customer, sends the welcome mail and lists it', async () => {
    const ada = await registered('Ada');
    await dispatcher.runUntilIdle();
    const contacts = await database.rows(sql`select email, name from notifications.customer_contacts where customer_id = ${ada.customerId}`);
    expect(contacts).toEqual([{ email: ada.email, name: 'Ada' }]);
    const items = await listFor(ada.customerId);
    expect(items).toEqual([
      expect.objectContaining({ customerId: ada.customerId, kind: 'welcome', channel: 'email', recipient: ada.email, subject: 'Welcome to the shop' }),
    ]);
    expect(items[0]?.body).toContain('Hello Ada');
    expect(sent.filter((m) => m.to === ada.email)).toEqual([{ to: ada.email, subject: 'Welcome to the shop', text: items[0]?.body }]);
  });

  it('notifies once when the event is delivered again', async () => {
    const bob = await registered('Bob');
    await dispatcher.runUntilIdle();
    await database.rows(sql`update customers.outbox_deliveries set status = 'pending'`);
    await dispatcher.runUntilIdle();
    expect(await listFor(bob.customerId)).toHaveLength(1);
    expect(sent.filter((m) => m.to === bob.email)).toHaveLength(1);
  });

  it('keeps nothing from a failed send and retries until the mailer is back', async () => {
    mailerDown = true;
    const cy = await registered('Cy');
    await dispatcher.runOnce();
    expect(await listFor(cy.customerId)).toEqual([]);
    const [delivery] = await database.rows<{ attempts: number; last_error: string }>(
      sql`select attempts, last_error from customers.outbox_deliveries where subscriber = 'notifications' and aggregate_id = ${cy.customerId}`,
    );
    expect(delivery).toEqual({ attempts: 1, last_error: 'SMTP server unreachable' });
    mailerDown = false;
    await dispatcher.runUntilIdle();
    expect(await listFor(cy.customerId)).toHaveLength(1);
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
      // Each went through the Mailer port, exactly as recorded.
      expect(sent.filter((m) => m.to === dee.email).map((m) => m.text)).toEqual(list.map((n) => n.body));
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
      expect(list[2]?.body).toContain('was declined');
      expect(list[3]?.body).toContain(`We refunded 26.99 (refund ${refundId})`);
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

      await database.db.transaction((tx) => publish(tx, CustomerRegisteredV1, customer, { aggregateId: customer.customerId }));
      await dispatcher.runUntilIdle();
      expect((await listFor(customer.customerId)).map((n) => [n.kind, n.recipient])).toEqual([
        ['welcome', customer.email],
        ['order-confirmation', customer.email],
      ]);
    });
  });
});
