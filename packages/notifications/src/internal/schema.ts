import { sql } from 'drizzle-orm';
import { bigserial, index, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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

/** Every customer-facing message, as rendered; `sent_at` once the mailer accepted it. */
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
    // When the mailer accepted it; null while it waits in `mail_outbox` (or was given up there).
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }),
  },
  (table) => [
    index('notifications_customer_position_idx').on(table.customerId, table.position),
  ],
);
export type NotificationRow = typeof notifications.$inferSelect;

/**
 * Mails to send: one row per notification not sent yet, written in the same transaction as the
 * notification, removed in the transaction that marks it sent. The mail sender claims a due row
 * by pushing `next_attempt_at` a lease ahead, so a crashed sender's mail is tried again after it.
 */
export const mailOutbox = notificationsSchema.table(
  'mail_outbox',
  {
    notificationId: uuid('notification_id')
      .primaryKey()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastError: text('last_error'),
    // Set when the mailer refused it `MAIL_MAX_ATTEMPTS` times: no longer tried.
    failedAt: timestamp('failed_at', { withTimezone: true, precision: 3 }),
  },
  (table) => [index('mail_outbox_due_idx').on(table.nextAttemptAt).where(sql`failed_at is null`)],
);
export type MailOutboxRow = typeof mailOutbox.$inferSelect;

export const notificationsInbox = inboxTable(notificationsSchema);
