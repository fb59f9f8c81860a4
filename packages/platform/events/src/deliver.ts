import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@shop/platform-db';
import type { Logger } from '@shop/platform-logging';
import { backoffDelayMs, type BackoffOptions } from './backoff.js';
import type { EventMeta, SubscriptionRegistry } from './subscriptions.js';

/** A payload its definition's schema rejects: retrying cannot help, so it goes dead at once. */
class InvalidPayloadError extends Error {}

interface ClaimedDelivery {
  event_id: string;
  attempts: number;
  type: string;
  version: number;
  aggregate_id: string;
  payload: unknown;
  occurred_ms: number | string;
}

export interface DeliverOptions {
  batchSize: number;
  maxAttempts: number;
  backoff: BackoffOptions;
}

export interface DeliveryOutcome {
  delivered: number;
  failed: number;
  dead: number;
}

/**
 * Delivers one batch of `publisher`'s due events to `subscriber`, in one transaction that holds
 * the claimed delivery rows (`FOR UPDATE SKIP LOCKED`, so other dispatchers take other rows).
 * Each event runs in a savepoint: inbox row + handler effect, then the delivery is marked, so
 * effect and delivery state commit together. An event is claimable only when no earlier event
 * of its aggregate is still pending for this subscriber: per-aggregate order across processes.
 */
export async function deliverBatch(
  database: Database,
  registry: SubscriptionRegistry,
  publisher: string,
  subscriber: string,
  options: DeliverOptions,
  logger: Logger,
): Promise<DeliveryOutcome> {
  const outcome: DeliveryOutcome = { delivered: 0, failed: 0, dead: 0 };
  const schema = sql.identifier(publisher);
  const inbox = sql.identifier(subscriber);
  await database.db.transaction(async (tx) => {
    const claimed = rowsOf<ClaimedDelivery>(
      await tx.execute(sql`
        select d.event_id, d.attempts, o.type, o.version, o.aggregate_id, o.payload,
               (extract(epoch from o.occurred_at) * 1000)::float8 as occurred_ms
        from ${schema}.outbox_deliveries d join ${schema}.outbox o on o.id = d.event_id
        where d.subscriber = ${subscriber} and d.status = 'pending' and d.next_attempt_at <= now()
          and not exists (
            select 1 from ${schema}.outbox_deliveries earlier
            where earlier.subscriber = d.subscriber and earlier.aggregate_id = d.aggregate_id
              and earlier.status = 'pending' and earlier.seq < d.seq)
        order by d.seq
        limit ${options.batchSize}
        for update of d skip locked`),
    );
    for (const row of claimed) {
      const meta: EventMeta = {
        eventId: row.event_id,
        type: row.type,
        version: row.version,
        module: publisher,
        aggregateId: row.aggregate_id,
        occurredAt: new Date(Number(row.occurred_ms)),
        attempt: row.attempts + 1,
      };
      try {
        await tx.transaction(async (effect) => {
          const fresh = rowsOf(
            await effect.execute(sql`
              insert into ${inbox}.inbox (event_id, type) values (${row.event_id}, ${`${row.type}.v${row.version}`})
              on conflict do nothing returning event_id`),
          );
          if (fresh.length === 0) return; // applied before: a redelivery changes nothing
          const route = registry.typedRoute(subscriber, row.type, row.version);
          if (route) {
            const parsed = route.definition.schema.safeParse(row.payload);
            if (!parsed.success) {
              throw new InvalidPayloadError(`payload fails ${route.definition.name}: ${parsed.error.message}`);
            }
            await route.handler(effect, parsed.data, meta);
          }
          await registry.wildcardHandler(subscriber)?.(effect, { type: row.type, version: row.version, payload: row.payload }, meta);
        });
        await tx.execute(sql`
          update ${schema}.outbox_deliveries set status = 'delivered', attempts = attempts + 1, delivered_at = now(), last_error = null
          where event_id = ${row.event_id} and subscriber = ${subscriber}`);
        outcome.delivered++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const dead = error instanceof InvalidPayloadError || meta.attempt >= options.maxAttempts;
        const delayMs = backoffDelayMs(meta.attempt, options.backoff);
        await tx.execute(sql`
          update ${schema}.outbox_deliveries
          set attempts = attempts + 1, last_error = ${message.slice(0, 4_000)},
              status = ${dead ? 'dead' : 'pending'},
              next_attempt_at = now() + (${delayMs} * interval '1 millisecond')
          where event_id = ${row.event_id} and subscriber = ${subscriber}`);
        const line = { eventId: row.event_id, type: row.type, publisher, subscriber, attempt: meta.attempt, err: message };
        if (dead) {
          outcome.dead++;
          logger.error(line, 'event dead-lettered');
        } else {
          outcome.failed++;
          logger.warn({ ...line, retryInMs: delayMs }, 'event handler failed; will retry');
        }
      }
    }
  });
  return outcome;
}
