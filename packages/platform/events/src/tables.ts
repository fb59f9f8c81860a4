import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, primaryKey, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';

/** Values of `outbox_deliveries.status`. */
export const DeliveryStatus = { Pending: 'pending', Delivered: 'delivered', Dead: 'dead' } as const;
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];

/**
 * The publisher's side, declared in the publishing module's own drizzle schema so drizzle-kit
 * writes it into that module's migrations:
 * - `outbox`: one row per published event, written in the publisher's transaction;
 * - `outbox_deliveries`: one row per (event, subscriber), the delivery state the dispatcher
 *   claims with `FOR UPDATE SKIP LOCKED` (see the package README for why it lives here).
 */
export function outboxTables(schema: PgSchema) {
  const outbox = schema.table(
    'outbox',
    {
      id: uuid('id').primaryKey(),
      // Commit order per aggregate: `publish` takes a per-aggregate lock before drawing it.
      seq: bigserial('seq', { mode: 'number' }).notNull().unique(),
      type: text('type').notNull(),
      version: integer('version').notNull(),
      aggregateId: text('aggregate_id').notNull(),
      payload: jsonb('payload').notNull(),
      occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
      // Set once the dispatcher has created this event's delivery rows.
      fannedOut: boolean('fanned_out').notNull().default(false),
    },
    (table) => [index('outbox_unfanned_idx').on(table.seq).where(sql`fanned_out = false`)],
  );
  const outboxDeliveries = schema.table(
    'outbox_deliveries',
    {
      eventId: uuid('event_id')
        .notNull()
        .references(() => outbox.id),
      subscriber: text('subscriber').notNull(),
      seq: bigint('seq', { mode: 'number' }).notNull(),
      aggregateId: text('aggregate_id').notNull(),
      status: text('status', { enum: ['pending', 'delivered', 'dead'] })
        .notNull()
        .default('pending'),
      attempts: integer('attempts').notNull().default(0),
      nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
      lastError: text('last_error'),
      deliveredAt: timestamp('delivered_at', { withTimezone: true, precision: 3 }),
    },
    (table) => [
      primaryKey({ columns: [table.eventId, table.subscriber] }),
      index('outbox_deliveries_due_idx').on(table.subscriber, table.seq).where(sql`status = 'pending'`),
      index('outbox_deliveries_aggregate_idx').on(table.subscriber, table.aggregateId, table.seq).where(sql`status = 'pending'`),
      index('outbox_deliveries_dead_idx').on(table.eventId).where(sql`status = 'dead'`),
    ],
  );
  return { outbox, outboxDeliveries };
}

/**
 * The subscriber's side, in the subscribing module's own schema: the ids of the events it has
 * applied, inserted in the same transaction as the effect, so a redelivery changes nothing.
 */
export function inboxTable(schema: PgSchema) {
  return schema.table('inbox', {
    eventId: uuid('event_id').primaryKey(),
    type: text('type').notNull(),
    handledAt: timestamp('handled_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  });
}
