import { bigint, index, integer, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { inboxTable, outboxTables } from '@shop/platform-events';
import { moduleName } from '../module-name.js';
import { STAGES } from './payment-workflow.js';

/** Everything the orders module stores lives in this Postgres schema. */
export const ordersSchema = pgSchema(moduleName);

export const orders = ordersSchema.table(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // A plain uuid: customers live in another module's schema, so no foreign key. Checked
    // through `CustomersApi.exists()` before the order is written.
    customerId: uuid('customer_id').notNull(),
    status: text('status', { enum: ['placed', 'paid', 'payment_failed', 'cancelled'] }).notNull(),
    // Where the order is in its payment workflow (`payment-workflow.ts`); `status` is what clients see.
    stage: text('stage', { enum: STAGES }).notNull().default('placed'),
    // Bumped by every transition: a transition applies only to the version it was decided on.
    version: integer('version').notNull().default(0),
    // bigint: 100 lines × 1,000 × 10,000,000 cents reaches 10^12, past a 32-bit integer.
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    // Billing's ids, plain uuids for the same reason as customer_id.
    chargeId: uuid('charge_id'),
    refundId: uuid('refund_id'),
    // Millisecond precision so a JS Date in a page cursor compares exactly.
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index('orders_customer_page_idx').on(table.customerId, table.createdAt, table.id)],
);

export const orderLines = ordersSchema.table(
  'order_lines',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    lineTotalCents: bigint('line_total_cents', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.orderId, table.lineNo], name: 'order_lines_pkey' })],
);

/** One row per `Idempotency-Key` seen on `POST /orders`: which request it was, and the order it made. */
export const idempotencyKeys = ordersSchema.table('idempotency_keys', {
  key: text('key').primaryKey(),
  requestFingerprint: text('request_fingerprint').notNull(),
  orderId: uuid('order_id')
    .notNull()
    .references(() => orders.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/**
 * The process manager's timers: one row per order in an in-between stage, started when it entered
 * the stage (or when the sweep last failed on it). Written and removed in the transaction of each
 * transition, so it is exactly the set of orders in between; the sweep reads those older than its
 * timeout (by index, not by scanning orders).
 */
export const workflowTimers = ordersSchema.table(
  'workflow_timers',
  {
    orderId: uuid('order_id')
      .primaryKey()
      .references(() => orders.id, { onDelete: 'cascade' }),
    since: timestamp('since', { withTimezone: true, precision: 3 }).notNull(),
  },
  (table) => [index('workflow_timers_since_idx').on(table.since)],
);

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;

/** The orders module's outbox: its integration events, written with its state changes. */
export const { outbox, outboxDeliveries } = outboxTables(ordersSchema);

/** Billing's events already applied to orders (the process manager consumes them). */
export const ordersInbox = inboxTable(ordersSchema);
