import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbTransaction } from '@shop/platform-db';
import type { z } from 'zod';
import { OUTBOX_CHANNEL } from './channel.js';
import type { EventDefinition } from './define-event.js';

export interface PublishOptions {
  /** The entity the event is about (an order's id); its events are delivered in commit order. */
  aggregateId: string;
  eventId?: string;
  occurredAt?: Date;
}

/**
 * Writes `payload` as `event` to the publishing module's outbox inside the caller's transaction:
 * it is published if and only if that transaction commits. Returns the event id.
 */
export async function publish<S extends z.ZodType>(
  tx: DbTransaction,
  event: EventDefinition<S>,
  payload: z.input<S>,
  options: PublishOptions,
): Promise<string> {
  // A publisher bug fails the publisher's own transaction rather than a subscriber, later.
  const parsed = event.schema.parse(payload);
  const id = options.eventId ?? randomUUID();
  const occurredAt = (options.occurredAt ?? new Date()).toISOString();
  const schema = sql.identifier(event.module);
  // Held to commit: two transactions publishing for one aggregate draw `seq` in commit order.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${event.module}:${options.aggregateId}`}))`);
  await tx.execute(sql`
    insert into ${schema}.outbox (id, type, version, aggregate_id, payload, occurred_at)
    values (${id}, ${event.type}, ${event.version}, ${options.aggregateId}, ${JSON.stringify(parsed)}::jsonb, ${occurredAt}::timestamptz)`);
  // Postgres delivers a NOTIFY only at commit, and not at all on rollback: exactly what we want.
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, ${event.module})`);
  return id;
}
