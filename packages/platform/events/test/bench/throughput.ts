/**
 * Dispatcher benchmark on PostgreSQL: `pnpm --filter @shop/platform-events bench`
 * (server from BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres).
 *   1. throughput: BENCH_EVENTS events published first, then one dispatcher started; events/s until all applied;
 *   2. latency: with the dispatcher running (woken by NOTIFY), events published one at a time;
 *      commit-to-handler latency = handler start − publisher's commit returning.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, runMigrations } from '@shop/platform-db';
import { createLogger } from '@shop/platform-logging';
import { provisionTestDatabase } from '@shop/platform-testing';
import { Dispatcher, publish } from '../../src/index.js';
import { evtSubEffects } from '../fixtures/sub-schema.js';
import { pubMigrations, subMigrations, ThingHappened } from '../harness.js';

const adminUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const total = Number(process.env['BENCH_EVENTS'] ?? 5_000);
const latencySamples = Number(process.env['BENCH_LATENCY_EVENTS'] ?? 500);
const aggregates = 50;

const target = await provisionTestDatabase('events_bench', adminUrl);
const database = await openDatabase({ url: target.url });
try {
  await runMigrations(database, [pubMigrations, subMigrations]);
  const committedAt = new Map<string, number>();
  const latencies: number[] = [];
  let applied = 0;
  const dispatcher = new Dispatcher({ database, logger: createLogger({ level: 'silent' }), publishers: ['evt_pub'], pollIntervalMs: 1_000 });
  dispatcher.subscriber('evt_sub').subscribe(ThingHappened, async (tx, payload, meta) => {
    const committed = committedAt.get(meta.eventId);
    if (committed !== undefined) latencies.push(performance.now() - committed);
    await tx.insert(evtSubEffects).values({ eventId: meta.eventId, aggregateId: meta.aggregateId, label: payload.label });
    applied++;
  });
  const aggregateIds = Array.from({ length: aggregates }, () => randomUUID());

  // 1. Throughput: a backlog of `total` events across `aggregates` aggregates.
  for (let i = 0; i < total; i += 100) {
    await database.db.transaction(async (tx) => {
      for (let j = i; j < Math.min(total, i + 100); j++) {
        await publish(tx, ThingHappened, { label: `e${j}` }, { aggregateId: aggregateIds[j % aggregates] ?? '' });
      }
    });
  }
  const started = performance.now();
  await dispatcher.start();
  while (applied < total) await new Promise((resolve) => setTimeout(resolve, 5));
  const seconds = (performance.now() - started) / 1000;

  // 2. Latency: one event per transaction, paced so the dispatcher is idle between them.
  for (let i = 0; i < latencySamples; i++) {
    const eventId = randomUUID();
    await database.db.transaction((tx) => publish(tx, ThingHappened, { label: `l${i}` }, { aggregateId: aggregateIds[i % aggregates] ?? '', eventId }));
    committedAt.set(eventId, performance.now());
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  while (applied < total + latencySamples) await new Promise((resolve) => setTimeout(resolve, 5));
  await dispatcher.stop();

  const sorted = [...latencies].sort((a, b) => a - b);
  const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  console.log(`postgres ${(await database.rows<{ server_version: string }>(sql`show server_version`))[0]?.server_version}`);
  console.log(`throughput: ${total} events, one dispatcher, batch 100: ${(total / seconds).toFixed(0)} events/s (${seconds.toFixed(2)} s)`);
  console.log(
    `commit-to-handler latency over ${sorted.length} events (NOTIFY wake-up): p50 ${quantile(0.5).toFixed(1)} ms, p99 ${quantile(0.99).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms`,
  );
} finally {
  await database.close();
  await target.drop();
}
