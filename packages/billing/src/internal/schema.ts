import { bigint, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { outboxTables } from '@shop/platform-events';
import { moduleName } from '../module-name.js';

/** Everything the billing module stores lives in this Postgres schema. */
export const billingSchema = pgSchema(moduleName);

export const charges = billingSchema.table('charges', {
  id: uuid('id').primaryKey().defaultRandom(),
  // A plain uuid: the order lives in another module's schema, so no foreign key. Unique because
  // an order is charged at most once; the constraint is what makes `chargeOrder` idempotent.
  orderId: uuid('order_id').notNull().unique('charges_order_id_key'),
  // bigint: an order total can reach 10^12 cents, past a 32-bit integer.
  amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  status: text('status', { enum: ['pending', 'succeeded', 'declined', 'refunded'] }).notNull(),
  provider: text('provider').notNull(),
  providerReference: text('provider_reference'),
  declineCode: text('decline_code'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export const refunds = billingSchema.table('refunds', {
  id: uuid('id').primaryKey().defaultRandom(),
  // One full refund per charge; the unique constraint makes a retried refund a no-op.
  chargeId: uuid('charge_id')
    .notNull()
    .unique('refunds_charge_id_key')
    .references(() => charges.id),
  amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  providerReference: text('provider_reference').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/**
 * The sandbox payment provider's memory: every request it answered, by idempotency key. A real
 * provider keeps this on its side; the sandbox keeps it here so that, like a real one, it answers a
 * key asked again after a restart with its first answer (a charge left pending by a crash is never
 * charged twice). Only the sandbox adapter reads or writes it.
 */
export const sandboxProviderRequests = billingSchema.table('sandbox_provider_requests', {
  idempotencyKey: text('idempotency_key').primaryKey(),
  operation: text('operation', { enum: ['charge', 'refund'] }).notNull(),
  amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  outcome: text('outcome', { enum: ['approved', 'declined'] }).notNull(),
  reference: text('reference'),
  declineCode: text('decline_code'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export type ChargeRow = typeof charges.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;
export type SandboxProviderRequestRow = typeof sandboxProviderRequests.$inferSelect;

/** The billing module's outbox: its integration events, written with its state changes. */
export const { outbox, outboxDeliveries } = outboxTables(billingSchema);
