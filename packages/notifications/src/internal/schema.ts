import { bigserial, index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { inboxTable } from '@shop/platform-events';
import { moduleName } from '../module-name.js';

/** Everything the notifications module stores lives in this Postgres schema. */
export const notificationsSchema = pgSchema(moduleName);

/**
 * This module's own projection of `customers.customer-registered`: who to write to. It never
 * reads the customers schema.
 */
export const customerContacts = notificationsSchema.table('customer_contacts', {
  customerId: uuid('customer_id').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  registeredAt: timestamp('registered_at', { withTimezone: true, precision: 3 }).notNull(),
});

/** Every customer-facing message, as rendered and handed to the mailer. */
export const notifications = notificationsSchema.table(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // The event that caused it: at most one notification per event.
    eventId: uuid('event_id').notNull().unique(),
    customerId: uuid('customer_id').notNull(),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    // Insertion order: one dispatcher batch writes several notifications in one transaction, where
    // `now()` (and so `created_at`) is the same for all of them.
    position: bigserial('position', { mode: 'number' }).notNull(),
  },
  (table) => [
    index('notifications_customer_position_idx').on(table.customerId, table.position),
  ],
);
export type NotificationRow = typeof notifications.$inferSelect;

export const notificationsInbox = inboxTable(notificationsSchema);
