import { sql } from 'drizzle-orm';
import type { Database } from '@shop/platform-db';
import { OUTBOX_CHANNEL } from './channel.js';

/** The dispatcher's backlog, for `/ready` and operators. */
export interface Backlog {
  /** Events not yet delivered to some subscriber (or not yet fanned out). */
  undelivered: number;
  /** Age of the oldest undelivered event, in ms; null when there is none. */
  oldestAgeMs: number | null;
  /** Deliveries given up on. */
  dead: number;
}

export interface DeadEvent {
  eventId: string;
  publisher: string;
  subscriber: string;
  type: string;
  version: number;
  aggregateId: string;
  payload: unknown;
  occurredAt: string;
  attempts: number;
  lastError: string | null;
}

export async function readBacklog(database: Database, publishers: readonly string[]): Promise<Backlog> {
  const backlog: Backlog = { undelivered: 0, oldestAgeMs: null, dead: 0 };
  for (const publisher of publishers) {
    const schema = sql.identifier(publisher);
    const [row] = await database.rows<{ undelivered: number; oldest_age_ms: number | null; dead: number }>(sql`
      select
        (select count(*) from ${schema}.outbox where fanned_out = false)::int
          + (select count(*) from ${schema}.outbox_deliveries where status = 'pending')::int as undelivered,
        (extract(epoch from now() - least(
          (select min(occurred_at) from ${schema}.outbox where fanned_out = false),
          (select min(o.occurred_at) from ${schema}.outbox_deliveries d join ${schema}.outbox o on o.id = d.event_id where d.status = 'pending')
        )) * 1000)::float8 as oldest_age_ms,
        (select count(*) from ${schema}.outbox_deliveries where status = 'dead')::int as dead`);
    if (!row) continue;
    backlog.undelivered += row.undelivered;
    backlog.dead += row.dead;
    if (row.oldest_age_ms !== null) {
      backlog.oldestAgeMs = Math.max(backlog.oldestAgeMs ?? 0, Math.round(Number(row.oldest_age_ms)));
    }
  }
  return backlog;
}

export async function listDeadEvents(database: Database, publishers: readonly string[]): Promise<DeadEvent[]> {
  const dead: DeadEvent[] = [];
  for (const publisher of publishers) {
    const schema = sql.identifier(publisher);
    const rows = await database.rows<{
      event_id: string;
      subscriber: string;
      type: string;
      version: number;
      aggregate_id: string;
      payload: unknown;
      occurred_at: string;
      attempts: number;
      last_error: string | null;
    }>(sql`
      select d.event_id, d.subscriber, o.type, o.version, o.aggregate_id, o.payload,
             to_char(o.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at, d.attempts, d.last_error
      from ${schema}.outbox_deliveries d join ${schema}.outbox o on o.id = d.event_id
      where d.status = 'dead' order by o.seq`);
    dead.push(
      ...rows.map((r) => ({
        eventId: r.event_id,
        publisher,
        subscriber: r.subscriber,
        type: r.type,
        version: r.version,
        aggregateId: r.aggregate_id,
        payload: r.payload,
        occurredAt: r.occurred_at,
        attempts: r.attempts,
        lastError: r.last_error,
      })),
    );
  }
  return dead;
}

/**
 * Puts a dead event back in line (for every subscriber it died for, or just `subscriber`), with
 * a fresh attempt budget. Returns how many deliveries were revived. The subscriber's inbox still
 * guarantees it is applied at most once.
 */
export async function redeliver(database: Database, publishers: readonly string[], eventId: string, subscriber?: string): Promise<number> {
  let revived = 0;
  for (const publisher of publishers) {
    const schema = sql.identifier(publisher);
    const rows = await database.rows(sql`
      update ${schema}.outbox_deliveries set status = 'pending', attempts = 0, next_attempt_at = now()
      where event_id = ${eventId}::uuid and status = 'dead' ${subscriber ? sql`and subscriber = ${subscriber}` : sql``}
      returning event_id`);
    revived += rows.length;
    if (rows.length > 0) await database.rows(sql`select pg_notify(${OUTBOX_CHANNEL}, ${publisher})`);
  }
  return revived;
}
