import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@shop/platform-db';
import { publish } from '../src/index.js';
import {
  effects,
  freshEventsDatabase,
  publishThing,
  recordEffects,
  testDispatcher,
  ThingHappened,
  waitFor,
} from './harness.js';

let database: Database;
let url: string | undefined;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ database, url, cleanup } = await freshEventsDatabase('platform_events'));
});
afterAll(() => cleanup?.());
beforeEach(async () => {
  await database.rows(sql`truncate evt_pub.outbox, evt_pub.outbox_deliveries, evt_sub.inbox, evt_sub.effects`);
});
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stops.length) await stops.pop()?.();
});

describe('publishing', () => {
  it('publishes with the transaction: a rollback publishes nothing, a commit publishes once', async () => {
    const dispatcher = testDispatcher(database);
    recordEffects(dispatcher);
    await database.db
      .transaction(async (tx) => {
        await publish(tx, ThingHappened, { label: 'rolled back' }, { aggregateId: 'a' });
        throw new Error('the state change failed');
      })
      .catch(() => {});
    await publishThing(database, 'committed');
    await dispatcher.runUntilIdle();
    expect((await database.rows(sql`select type, version from evt_pub.outbox`)).length).toBe(1);
    expect((await effects(database)).map((e) => e.label)).toEqual(['committed']);
  });

  it('refuses a payload that fails its schema at publish time', async () => {
    await expect(publishThing(database, '')).rejects.toThrow();
    expect(await database.rows(sql`select 1 from evt_pub.outbox`)).toHaveLength(0);
  });
});

describe('delivery', () => {
  it('retries a throwing handler with backoff, then marks it dead with the last error; redelivery revives it', async () => {
    const dispatcher = testDispatcher(database, { maxAttempts: 3 });
    const attempts: number[] = [];
    let broken = true;
    recordEffects(dispatcher, (_label, attempt) => {
      attempts.push(attempt);
      if (broken) throw new Error(`handler broke on attempt ${attempt}`);
    });
    const eventId = await publishThing(database, 'fragile');
    await waitFor(async () => {
      await dispatcher.runOnce();
      return (await dispatcher.backlog()).dead === 1;
    });
    expect(attempts).toEqual([1, 2, 3]);
    expect(await effects(database)).toEqual([]);
    const [dead] = await dispatcher.deadEvents();
    expect(dead).toMatchObject({ eventId, subscriber: 'evt_sub', type: 'evt_pub.thing-happened', attempts: 3, lastError: 'handler broke on attempt 3' });
    expect(await dispatcher.backlog()).toMatchObject({ undelivered: 0, dead: 1 });

    broken = false;
    expect(await dispatcher.redeliver(eventId)).toBe(1);
    await dispatcher.runUntilIdle();
    expect((await effects(database)).map((e) => e.label)).toEqual(['fragile']);
    expect(await dispatcher.deadEvents()).toEqual([]);
  });

  it('applies a redelivered event once: the inbox turns the second delivery into a no-op', async () => {
    const dispatcher = testDispatcher(database);
    recordEffects(dispatcher);
    await publishThing(database, 'once');
    await dispatcher.runUntilIdle();
    // As if the delivery's state had been lost after the effect committed.
    await database.rows(sql`update evt_pub.outbox_deliveries set status = 'pending'`);
    await dispatcher.runUntilIdle();
    expect((await effects(database)).map((e) => e.label)).toEqual(['once']);
    expect(await database.rows(sql`select 1 from evt_pub.outbox_deliveries where status = 'delivered'`)).toHaveLength(1);
  });

  it('dead-letters a payload that fails its schema with the reason, and keeps delivering the others', async () => {
    const dispatcher = testDispatcher(database);
    recordEffects(dispatcher);
    await publishThing(database, 'before');
    // A publisher that bypassed `publish` (or an older version of it) wrote a bad payload.
    await database.rows(sql`
      insert into evt_pub.outbox (id, type, version, aggregate_id, payload)
      values (gen_random_uuid(), 'evt_pub.thing-happened', 1, 'x', '{"label": 42}'::jsonb)`);
    await publishThing(database, 'after');
    await dispatcher.runUntilIdle();
    expect((await effects(database)).map((e) => e.label)).toEqual(['before', 'after']);
    const [dead] = await dispatcher.deadEvents();
    expect(dead?.attempts).toBe(1);
    expect(dead?.lastError).toMatch(/payload fails evt_pub\.thing-happened\.v1: .*label/s);
  });

  it("delivers one aggregate's events in commit order, even when one of them has to be retried", async () => {
    const dispatcher = testDispatcher(database, { backoff: { baseMs: 30, maxMs: 30 } });
    let failedOnce = false;
    recordEffects(dispatcher, (label) => {
      if (label === 'A2' && !failedOnce) {
        failedOnce = true;
        throw new Error('transient');
      }
    });
    for (const label of ['A1', 'A2', 'A3']) await publishThing(database, label, 'aggregate-a');
    for (const label of ['B1', 'B2']) await publishThing(database, label, 'aggregate-b');
    await waitFor(async () => {
      await dispatcher.runOnce();
      return (await dispatcher.backlog()).undelivered === 0;
    });
    const applied = await effects(database);
    expect(applied.filter((e) => e.aggregate_id === 'aggregate-a').map((e) => e.label)).toEqual(['A1', 'A2', 'A3']);
    expect(applied.filter((e) => e.aggregate_id === 'aggregate-b').map((e) => e.label)).toEqual(['B1', 'B2']);
    // B was not held back by A's retry.
    expect(applied.findIndex((e) => e.label === 'B2')).toBeLessThan(applied.findIndex((e) => e.label === 'A2'));
  });

  it('two dispatchers at once (separate connection pools on Postgres) apply every event exactly once, in aggregate order', async () => {
    const second: Database = url ? await openDatabase({ url }) : database;
    if (second !== database) stops.push(() => second.close());
    const one = testDispatcher(database, { batchSize: 7 });
    const two = testDispatcher(second, { batchSize: 7 });
    recordEffects(one);
    recordEffects(two);
    const published: string[] = [];
    for (let i = 0; i < 120; i++) published.push(`${i % 6}:${i}`);
    await Promise.all(
      [0, 1, 2, 3, 4, 5].map(async (aggregate) => {
        for (const label of published.filter((l) => l.startsWith(`${aggregate}:`))) await publishThing(database, label, `agg-${aggregate}`);
      }),
    );
    await Promise.all([one.runUntilIdle(), two.runUntilIdle(), one.runUntilIdle()]);
    await one.runUntilIdle();
    const applied = await effects(database);
    expect(applied.map((e) => e.label).sort()).toEqual([...published].sort());
    for (let aggregate = 0; aggregate < 6; aggregate++) {
      const labels = applied.filter((e) => e.aggregate_id === `agg-${aggregate}`).map((e) => Number(e.label.split(':')[1]));
      expect(labels).toEqual([...labels].sort((a, b) => a - b));
    }
  });

  it('resumes after a restart: a new dispatcher delivers what the stopped one left behind', async () => {
    const first = testDispatcher(database);
    recordEffects(first);
    await first.start();
    await first.stop();
    for (const label of ['r1', 'r2', 'r3']) await publishThing(database, label);
    expect(await first.backlog()).toMatchObject({ undelivered: 3, dead: 0 });
    expect((await first.backlog()).oldestAgeMs).toBeGreaterThanOrEqual(0);

    const restarted = testDispatcher(database);
    recordEffects(restarted);
    await restarted.runUntilIdle();
    expect((await effects(database)).map((e) => e.label).sort()).toEqual(['r1', 'r2', 'r3']);
    expect(await restarted.backlog()).toEqual({ undelivered: 0, oldestAgeMs: null, dead: 0 });
  });

  it('wakes on NOTIFY at commit, long before its next poll', async () => {
    const dispatcher = testDispatcher(database, { pollIntervalMs: 60_000 });
    recordEffects(dispatcher);
    await dispatcher.start();
    stops.push(() => dispatcher.stop());
    // Let the first (empty) pass finish and the loop go to sleep.
    await waitFor(() => dispatcher.idle);
    await publishThing(database, 'woken');
    await waitFor(async () => (await effects(database)).length === 1, 5_000);
  });

  it('gives every subscriber to every event its own delivery, unvalidated', async () => {
    const dispatcher = testDispatcher(database);
    recordEffects(dispatcher);
    const seen: { type: string; payload: unknown }[] = [];
    // A second subscriber; its inbox is the same test schema's, so it gets a schema of its own here.
    await database.rows(sql`create schema if not exists evt_all`);
    await database.rows(sql`create table if not exists evt_all.inbox (event_id uuid primary key, type text not null, handled_at timestamptz(3) not null default now())`);
    dispatcher.subscriber('evt_all').subscribeAll(async (_tx, event) => {
      seen.push({ type: event.type, payload: event.payload });
    });
    await publishThing(database, 'fan');
    await dispatcher.runUntilIdle();
    expect(seen).toEqual([{ type: 'evt_pub.thing-happened', payload: { label: 'fan' } }]);
    expect(await database.rows(sql`select subscriber from evt_pub.outbox_deliveries where status = 'delivered' order by 1`)).toEqual([
      { subscriber: 'evt_all' },
      { subscriber: 'evt_sub' },
    ]);
  });
});
