import postgres, { type ReservedSql, type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, throwawayPostgresUnavailableReason, type ThrowawayPostgres } from '@shop/platform-testing';

/**
 * Regression test for the patched postgres.js (patches/postgres@3.4.9.patch): a PostgreSQL restart
 * while queries are in flight and a reserved connection is held used to end the process with
 * `TypeError: Cannot read properties of null (reading 'write')` thrown from a `setImmediate`
 * (porsager/postgres#1154, #1208), or leave a reused connection that never flushed again.
 * It restarts a throwaway cluster of its own, so it never disturbs the shared server.
 */
const unavailable = throwawayPostgresUnavailableReason();
if (unavailable) console.warn(`postgres driver restart test skipped: ${unavailable}`);

/** Settles within `ms` or reports a hang: the point is that nothing waits forever. */
const settleWithin = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise.then(
      (value) => ({ outcome: 'resolved' as const, value }),
      (error: unknown) => ({ outcome: 'rejected' as const, error }),
    ),
    new Promise<{ outcome: 'hung' }>((resolve) => setTimeout(() => resolve({ outcome: 'hung' }), ms).unref()),
  ]);

const codeOf = (error: unknown) => String((error as { code?: unknown }).code ?? (error as Error).message);

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await condition().catch(() => false)) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(unavailable !== null)('postgres.js across a PostgreSQL restart (patched driver)', () => {
  let cluster: ThrowawayPostgres;
  let sql: Sql;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);

  beforeAll(async () => {
    cluster = await startThrowawayPostgres('driver-restart');
    // Reconnect quickly after the restart: the default backoff grows to 20 s.
    sql = postgres(cluster.url, { max: 4, backoff: () => 0.05, connect_timeout: 5, onnotice: () => {} });
    await sql`create table writes (id serial primary key, writer int not null)`;
    process.on('uncaughtException', onUncaught);
  }, 120_000);
  afterAll(async () => {
    process.removeListener('uncaughtException', onUncaught);
    await sql?.end({ timeout: 1 });
    await cluster?.destroy();
  });

  it('survives restarts under concurrent writes with a reserved connection held; every query settles; the pool and new reservations work afterwards', async () => {
    const reserved: ReservedSql = await sql.reserve();
    await reserved`select pg_advisory_lock(42)`;
    let stop = false;
    const failures = new Map<string, number>();
    let committed = 0;
    let hung = 0;
    const note = (error: unknown) => failures.set(codeOf(error), (failures.get(codeOf(error)) ?? 0) + 1);

    // Four writers through the pool, one through the reserved connection, none awaiting forever.
    const writers = [1, 2, 3, 4].map(async (writer) => {
      while (!stop) {
        const result = await settleWithin(sql`insert into writes (writer) values (${writer})`, 10_000);
        if (result.outcome === 'resolved') committed++;
        else if (result.outcome === 'rejected') note(result.error);
        else hung++;
        if (result.outcome !== 'resolved') await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    const reservedUser = (async () => {
      while (!stop) {
        const result = await settleWithin(reserved`insert into writes (writer) values (0)`, 10_000);
        if (result.outcome === 'rejected') note(result.error);
        if (result.outcome === 'hung') hung++;
        await new Promise((resolve) => setTimeout(resolve, result.outcome === 'resolved' ? 1 : 20));
      }
    })();

    await until(async () => committed > 50, 20_000, 'writes before the restart');
    for (let round = 0; round < 3; round++) {
      await cluster.restart('fast');
      const before = committed;
      await until(async () => committed > before + 20, 20_000, `writes after restart ${round + 1}`);
    }
    stop = true;
    await Promise.all([...writers, reservedUser]);

    expect(uncaught).toEqual([]);
    expect(hung).toBe(0);
    // The reserved connection died with the server: its queries rejected, catchably, as closed.
    expect([...failures.keys()].some((code) => /CONNECTION_(CLOSED|DESTROYED|ENDED)|57P01|ECONNRESET|ECONNREFUSED/.test(code))).toBe(true);

    // Releasing the dead reservation must not poison the pool: far more queries than
    // connections, all answered.
    reserved.release();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => settleWithin(sql`select ${i}::int as i`, 10_000)));
    expect(results.map((r) => r.outcome)).toEqual(Array(40).fill('resolved'));

    // A new reservation works and sees a fresh session (the old one's advisory lock is gone).
    const fresh = await sql.reserve();
    try {
      const [row] = await fresh`select pg_try_advisory_lock(42) as locked`;
      expect(row?.['locked']).toBe(true);
    } finally {
      fresh.release();
    }
    console.log(`driver restart test: ${committed} writes committed across 3 restarts; rejections: ${JSON.stringify(Object.fromEntries(failures))}`);
  }, 120_000);

  it('a query on a reserved connection whose server went away rejects instead of hanging or crashing', async () => {
    const reserved = await sql.reserve();
    await reserved`select 1`;
    await cluster.restart('fast');
    const first = await settleWithin(reserved`select 1`, 10_000);
    expect(first.outcome).toBe('rejected');
    const second = await settleWithin(reserved`select 1`, 10_000);
    expect(second.outcome).toBe('rejected');
    reserved.release();
    expect(uncaught).toEqual([]);
    const after = await settleWithin(sql`select 1 as one`, 10_000);
    expect(after.outcome).toBe('resolved');
  }, 60_000);
});
