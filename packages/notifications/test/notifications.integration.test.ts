import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerRegisteredV1 } from '@shop/customers';
import { openDatabase, runMigrations, setupDatabase, type Database } from '@shop/platform-db';
import { Dispatcher, publish } from '@shop/platform-events';
import { createHttpApp } from '@shop/platform-http';
import { createLogger } from '@shop/platform-logging';
import { provisionTestDatabase, type TestDatabaseTarget } from '@shop/platform-testing';
import type { MailMessage, Notification } from '../src/index.js';
import { createNotificationsModule, notificationsMigrations } from '../src/module.js';

let target: TestDatabaseTarget;
let database: Database;
let dispatcher: Dispatcher;
let app: ReturnType<typeof createHttpApp>;
const sent: MailMessage[] = [];
let mailerDown = false;

beforeAll(async () => {
  target = await provisionTestDatabase('notifications');
  database = await openDatabase({ url: target.url });
  const customersOutbox = { name: 'customers', migrationsFolder: fileURLToPath(new URL('./fixtures/customers_outbox', import.meta.url)) };
  await setupDatabase(database, [notificationsMigrations, customersOutbox]);
  await runMigrations(database, [notificationsMigrations, customersOutbox]);
  const logger = createLogger({ level: 'silent' });
  dispatcher = new Dispatcher({ database, logger, publishers: ['customers'], backoff: { baseMs: 300, maxMs: 300 } });
  const mailer = {
    async send(message: MailMessage) {
      if (mailerDown) throw new Error('SMTP server unreachable');
      sent.push(message);
    },
  };
  const notifications = createNotificationsModule({ db: database.db, logger, events: dispatcher, mailer });
  app = createHttpApp({ logger });
  app.route('/', notifications.routes);
});

afterAll(async () => {
  await database?.close();
  await target?.drop();
});

/** What the customers module publishes on registration, published here by its stand-in. */
async function registered(name: string): Promise<{ customerId: string; email: string }> {
  const customer = { customerId: randomUUID(), email: `${name.toLowerCase()}.${Date.now()}@example.com`, name, registeredAt: new Date().toISOString() };
  await database.db.transaction((tx) => publish(tx, CustomerRegisteredV1, customer, { aggregateId: customer.customerId }));
  return customer;
}

const listFor = async (customerId: string) => {
  const res = await app.request(`/notifications?customerId=${customerId}`);
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
    await dispatcher.runUntilIdle();
    expect(await listFor(cy.customerId)).toEqual([]);
    const [delivery] = await database.rows<{ attempts: number; last_error: string }>(
      sql`select attempts, last_error from customers.outbox_deliveries where subscriber = 'notifications' and aggregate_id = ${cy.customerId}`,
    );
    expect(delivery).toEqual({ attempts: 1, last_error: 'SMTP server unreachable' });
    mailerDown = false;
    await new Promise((resolve) => setTimeout(resolve, 350));
    await dispatcher.runUntilIdle();
    expect(await listFor(cy.customerId)).toHaveLength(1);
  });

  it('answers 400 without a valid customerId', async () => {
    expect((await app.request('/notifications')).status).toBe(400);
    expect((await app.request('/notifications?customerId=nope')).status).toBe(400);
  });
});
