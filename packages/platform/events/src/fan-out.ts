import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@shop/platform-db';
import type { SubscriptionRegistry } from './subscriptions.js';

/**
 * Creates the delivery rows of a publisher's new events, one per interested subscriber, and
 * marks the events fanned out. One process at a time per publisher (a transaction-scoped
 * advisory lock; the others skip): two concurrent fan-outs could create a later event's
 * delivery before an earlier one's, breaking per-aggregate order.
 */
export async function fanOut(database: Database, publisher: string, registry: SubscriptionRegistry, limit = 1_000): Promise<number> {
  const schema = sql.identifier(publisher);
  return database.db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${`outbox-fan-out:${publisher}`})) as locked`),
    );
    if (!lock?.locked) return 0;
    const fresh = rowsOf<{ id: string; seq: string | number; type: string; version: number; aggregate_id: string }>(
      await tx.execute(sql`
        select id, seq, type, version, aggregate_id from ${schema}.outbox
        where fanned_out = false order by seq limit ${limit}`),
    );
    if (fresh.length === 0) return 0;
    const deliveries = fresh.flatMap((event) =>
      registry
        .subscribersOf(event.type, event.version)
        .map((subscriber) => sql`(${event.id}::uuid, ${subscriber}, ${String(event.seq)}::bigint, ${event.aggregate_id})`),
    );
    if (deliveries.length > 0) {
      await tx.execute(sql`
        insert into ${schema}.outbox_deliveries (event_id, subscriber, seq, aggregate_id)
        values ${sql.join(deliveries, sql`, `)} on conflict do nothing`);
    }
    await tx.execute(sql`
      update ${schema}.outbox set fanned_out = true
      where id in (${sql.join(
        fresh.map((event) => sql`${event.id}::uuid`),
        sql`, `,
      )})`);
    return fresh.length;
  });
}
