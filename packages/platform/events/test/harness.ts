import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { openDatabase, runMigrations, setupDatabase, type Database, type ModuleMigrations } from '@shop/platform-db';
import { createLogger } from '@shop/platform-logging';
import { eventually, provisionTestDatabase } from '@shop/platform-testing';
import { defineEvent, Dispatcher, publish, type DispatcherOptions } from '../src/index.js';
import { evtSubEffects } from './fixtures/sub-schema.js';

const fixtures = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
export const pubMigrations: ModuleMigrations = { name: 'evt_pub', migrationsFolder: fixtures('evt_pub') };
export const subMigrations: ModuleMigrations = { name: 'evt_sub', migrationsFolder: fixtures('evt_sub') };

export const ThingHappened = defineEvent({
  module: 'evt_pub',
  event: 'thing-happened',
  version: 1,
  schema: z.object({ label: z.string().min(1) }),
});

export const silent = createLogger({ level: 'silent' });

/** A fresh database holding only the two test modules' schemas. */
export async function freshEventsDatabase(label: string): Promise<{ database: Database; url: string | undefined; cleanup(): Promise<void> }> {
  const target = await provisionTestDatabase(label);
  const database = await openDatabase({ url: target.url });
  await setupDatabase(database, [pubMigrations, subMigrations]);
  await runMigrations(database, [pubMigrations, subMigrations]);
  return {
    database,
    url: target.url,
    async cleanup() {
      await database.close();
      await target.drop();
    },
  };
}

export function testDispatcher(database: Database, options: Partial<DispatcherOptions> = {}): Dispatcher {
  return new Dispatcher({ database, logger: silent, publishers: ['evt_pub'], backoff: { baseMs: 1, maxMs: 5 }, ...options });
}

/** The subscriber's usual handler: records the event's label as its effect. */
export function recordEffects(dispatcher: Dispatcher, before: (label: string, attempt: number) => void = () => {}): void {
  dispatcher.subscriber('evt_sub').subscribe(ThingHappened, async (tx, payload, meta) => {
    before(payload.label, meta.attempt);
    await tx.insert(evtSubEffects).values({ eventId: meta.eventId, aggregateId: meta.aggregateId, label: payload.label });
  });
}

export async function publishThing(database: Database, label: string, aggregateId: string = randomUUID()): Promise<string> {
  return database.db.transaction((tx) => publish(tx, ThingHappened, { label }, { aggregateId }));
}

export async function effects(database: Database): Promise<{ label: string; aggregate_id: string; event_id: string }[]> {
  return database.rows(sql`select label, aggregate_id, event_id from evt_sub.effects order by id`);
}

export async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  await eventually(
    async () => {
      if (!(await condition())) throw new Error(`condition not met within ${timeoutMs} ms`);
    },
    { timeoutMs },
  );
}
