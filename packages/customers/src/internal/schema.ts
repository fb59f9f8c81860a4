import { sql } from 'drizzle-orm';
import { pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { outboxTables } from '@shop/platform-events';
import { moduleName } from '../module-name.js';

/** Everything the customers module stores lives in this Postgres schema. */
export const customersSchema = pgSchema(moduleName);

export const customers = customersSchema.table(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    // Millisecond precision so a JS Date in a page cursor compares exactly.
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    // Emails are unique regardless of case: Alice@x and alice@x are one person.
    uniqueIndex('customers_email_lower_key').on(sql`lower(${table.email})`),
  ],
);

export type CustomerRow = typeof customers.$inferSelect;

/** The customers module's outbox: its integration events, written with its state changes. */
export const { outbox, outboxDeliveries } = outboxTables(customersSchema);
