import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type DbTransaction } from '@shop/platform-db';
import type { Logger } from '@shop/platform-logging';
import { backoffDelayMs, type BackoffOptions } from './backoff.js';
import type { EventMeta, SubscriptionRegistry } from './subscriptions.js';

/** A payload its definition's schema rejects: retrying cannot help, so it goes dead at once. */
class InvalidPayloadError extends Error {}

interface ClaimedDelivery {
  event_id: string;
  seq: number;
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
  handlerRole?: (subscriber: string) => string;
}

export interface DeliveryOutcome {
  delivered: number;
  failed: number;
  dead: number;
}

/**
 * The claimed deliveries that may run now: per aggregate, the claimed rows that form an unbroken
 * prefix of that aggregate's pending deliveries. A claimed row whose earlier sibling is held by
 * another dispatcher (or is due but was skipped) waits for a later pass.
 */
async function inOrderPrefix(tx: DbTransaction, schema: ReturnType<typeof sql.identifier>, subscriber: string, claimed: ClaimedDelivery[]): Promise<Set<string>> {
  const aggregates = [...new Set(claimed.map((row) => row.aggregate_id))];
  const lastSeq = Math.max(...claimed.map((row) => row.seq));
  const pending = rowsOf<{ aggregate_id: string; seq: number }>(
    await tx.execute(sql`
      select aggregate_id, seq::float8 as seq from ${schema}.outbox_deliveries
      where subscriber = ${subscriber} and status = 'pending' and seq <= ${lastSeq}
        and aggregate_id in (${sql.join(
          aggregates.map((a) => sql`${a}`),
          sql`, `,
        )})
      order by seq`),
  );
  const claimedByAggregate = new Map<string, ClaimedDelivery[]>();
  for (const row of claimed) claimedByAggregate.set(row.aggregate_id, [...(claimedByAggregate.get(row.aggregate_id) ?? []), row]);
  const pendingByAggregate = new Map<string, number[]>();
  for (const row of pending) pendingByAggregate.set(row.aggregate_id, [...(pendingByAggregate.get(row.aggregate_id) ?? []), Number(row.seq)]);
  const runnable = new Set<string>();
  for (const [aggregate, rows] of claimedByAggregate) {
    const seqs = pendingByAggregate.get(aggregate) ?? [];
    for (const [index, row] of rows.entries()) {
      if (seqs[index] !== row.seq) break;
      runnable.add(row.event_id);
    }
  }
  return runnable;
}

/**
 * Delivers one batch of `publisher`'s due events to `subscriber`, in one transaction that holds
 * the claimed delivery rows (`FOR UPDATE SKIP LOCKED`, so other dispatchers take other rows).
 * Each event runs in a savepoint: inbox row + handler effect, then the delivery is marked, so
 * effect and delivery state commit together. Per-aggregate order across processes: an event
 * runs only when every earlier pending event of its aggregate ran before it in this batch.
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
  const role = options.handlerRole?.(subscriber);
  await database.db.transaction(async (tx) => {
    const claimed = rowsOf<ClaimedDelivery>(
      await tx.execute(sql`
        select d.event_id, d.seq::float8 as seq, d.attempts, o.type, o.version, o.aggregate_id, o.payload,
               (extract(epoch from o.occurred_at) * 1000)::float8 as occurred_ms
        from ${schema}.outbox_deliveries d join ${schema}.outbox o on o.id = d.event_id
        where d.subscriber = ${subscriber} and d.status = 'pending' and d.next_attempt_at <= now()
          and not exists (
            select 1 from ${schema}.outbox_deliveries earlier
            where earlier.subscriber = d.subscriber and earlier.aggregate_id = d.aggregate_id
              and earlier.status = 'pending' and earlier.seq < d.seq and earlier.next_attempt_at > now())
        order by d.seq
        limit ${options.batchSize}
        for update of d skip locked`),
    );
    if (claimed.length === 0) return;
    const runnable = await inOrderPrefix(tx, schema, subscriber, claimed);
    const failedAggregates = new Set<string>();
    for (const row of claimed) {
      // Held back: an earlier event of its aggregate is elsewhere, or failed just now.
      if (!runnable.has(row.event_id) || failedAggregates.has(row.aggregate_id)) continue;
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
          // Local to the transaction and undone with the savepoint on failure; reset to the login
          // below before the savepoint is released, for the delivery bookkeeping.
          if (role) await effect.execute(sql`set local role ${sql.identifier(role)}`);
          const fresh = rowsOf(
            await effect.execute(sql`
              insert into ${inbox}.inbox (event_id, type) values (${row.event_id}, ${`${row.type}.v${row.version}`})
              on conflict do nothing returning event_id`),
          );
          if (fresh.length === 0) {
            if (role) await effect.execute(sql`set local role none`);
            return; // applied before: a redelivery changes nothing
          }
          const route = registry.typedRoute(subscriber, row.type, row.version);
          if (route) {
            const parsed = route.definition.schema.safeParse(row.payload);
            if (!parsed.success) {
              throw new InvalidPayloadError(`payload fails ${route.definition.name}: ${parsed.error.message}`);
            }
            await route.handler(effect, parsed.data, meta);
          }
          await registry.wildcardHandler(subscriber)?.(effect, { type: row.type, version: row.version, payload: row.payload }, meta);
          if (role) await effect.execute(sql`set local role none`);
        });
        await tx.execute(sql`
          update ${schema}.outbox_deliveries set status = 'delivered', attempts = attempts + 1, delivered_at = now(), last_error = null
          where event_id = ${row.event_id} and subscriber = ${subscriber}`);
        outcome.delivered++;
      } catch (error) {
        failedAggregates.add(row.aggregate_id);
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
