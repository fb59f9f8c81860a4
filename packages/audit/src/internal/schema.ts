import { bigint, index, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { inboxTable } from '@shop/platform-events';
import { moduleName } from '../module-name.js';

/** Everything the audit module stores lives in this Postgres schema. */
export const auditSchema = pgSchema(moduleName);

/**
 * The central audit log: append-only, one row per integration event, hash-chained. `position`
 * is assigned 1, 2, 3… under a lock (not a sequence, whose rollback gaps would look like
 * deletions).
 */
export const auditEntries = auditSchema.table(
  'entries',
  {
    position: bigint('position', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id').notNull().unique(),
    type: text('type').notNull(),
    version: integer('version').notNull(),
    module: text('module').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    payload: jsonb('payload').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [index('entries_module_idx').on(table.module, table.position), index('entries_type_idx').on(table.type, table.position)],
);
export type AuditEntryRow = typeof auditEntries.$inferSelect;

/** Events already appended: a redelivered event appends nothing. */
export const auditInbox = inboxTable(auditSchema);
