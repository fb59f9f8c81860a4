import { createServer, type Server, type Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import { DependencyUnavailableError, findDependencyUnavailable, withDeadline } from '@shop/platform-resilience';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, throwawayPostgresUnavailableReason, type ThrowawayPostgres } from '@shop/platform-testing';
import { openDatabase, type Database } from '../src/index.js';

const unavailable = throwawayPostgresUnavailableReason();
if (unavailable) console.warn(`database outage test skipped: ${unavailable}`);

async function failureOf(work: () => Promise<unknown>): Promise<{ error: DependencyUnavailableError | undefined; ms: number }> {
  const started = performance.now();
  try {
    await work();
  } catch (error) {
    return { error: findDependencyUnavailable(error), ms: performance.now() - started };
  }
  throw new Error('expected the database call to fail');
}

async function pollUntil(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = performance.now();
  while (!(await condition().catch(() => false))) {
    if (performance.now() - started > timeoutMs) throw new Error(`${what} not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return performance.now() - started;
}

describe('a database that accepts connections and never answers (a dead socket)', () => {
  let blackhole: Server;
  const sockets: Socket[] = [];
  let database: Database;
  beforeAll(async () => {
    blackhole = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
    const port = (blackhole.address() as { port: number }).port;
    database = await openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/none`, connectTimeoutMs: 2_000, maxConnections: 2, poolMaxWaiting: 1 });
  });
  afterAll(async () => {
    await database?.close();
    for (const socket of sockets) socket.destroy();
    blackhole?.close();
  });

  it('stops waiting at the deadline, where a statement timeout could not, and then refuses early while the pool is stuck', async () => {
    const ping = await failureOf(() => withDeadline(300, () => database.ping()));
    expect(ping.error?.reason).toBe('timeout');
    expect(ping.ms).toBeLessThan(1_000);

    // Through drizzle, as module code sees it: the cause chain still says "unavailable". (Drizzle's
    // queries start when awaited, so they are awaited inside the deadline, as a handler does.)
    const query = await failureOf(() => withDeadline(300, async () => await database.forModule('anything').execute(sql`select 1`)));
    expect(query.error).toBeInstanceOf(DependencyUnavailableError);

    // The login pool has 2 connections: the ping's is still stuck connecting, the next takes the
    // other, one more may wait, and the one after that is refused at once.
    console.log(JSON.stringify(database.limits()));
    const stuck = failureOf(() => withDeadline(500, () => database.rows(sql`select 1`)));
    const waiting = failureOf(() => withDeadline(500, () => database.rows(sql`select 1`)));
    const refused = await failureOf(() => withDeadline(500, () => database.rows(sql`select 2`)));
    expect(refused.error?.reason).toBe('overloaded');
    expect(refused.ms).toBeLessThan(100);
    expect((await stuck).error?.reason).toBe('timeout');
    expect((await waiting).error?.reason).toBe('timeout');
    expect(database.limits().find((pool) => pool.name === 'login')).toMatchObject({ size: 2, maxWaiting: 1 });
  });
});

describe.skipIf(unavailable !== null)('a database across a PostgreSQL outage (throwaway cluster)', () => {
  let cluster: ThrowawayPostgres;
  let database: Database;
  beforeAll(async () => {
    cluster = await startThrowawayPostgres('outage');
    database = await openDatabase({ url: cluster.url });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await cluster?.destroy();
  });

  it('fails fast and catchably while the server is down, serves again within seconds of its return, and listens again', async () => {
    const heard: string[] = [];
    let listening = 0;
    await database.listen('outage_test', (payload) => heard.push(payload), () => listening++);
    expect(listening).toBe(1);
    await database.rows(sql`select 1`);

    await cluster.stop('fast');
    const down = await failureOf(() => withDeadline(2_000, () => database.rows(sql`select 1`)));
    expect(down.error?.reason).toMatch(/unreachable|timeout/);
    expect(down.ms).toBeLessThan(2_500);
    const inTransaction = await failureOf(() => withDeadline(2_000, async () => await database.db.transaction(async (tx) => tx.execute(sql`select 1`))));
    expect(inTransaction.error).toBeInstanceOf(DependencyUnavailableError);

    await cluster.start();
    const backMs = await pollUntil(async () => (await withDeadline(1_000, () => database.rows(sql`select 1 as one`))).length === 1, 10_000, 'a query after the restart');
    expect(backMs).toBeLessThan(5_000);
    await pollUntil(async () => listening >= 2, 10_000, 'LISTEN again');
    await pollUntil(
      async () => {
        await database.rows(sql`select pg_notify('outage_test', 'after the outage')`);
        return heard.includes('after the outage');
      },
      5_000,
      'a NOTIFY after the outage',
    );
    console.log(`outage test: a query failed after ${Math.round(down.ms)} ms while down; served again ${Math.round(backMs)} ms after the server was back`);
  }, 60_000);
});
