import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@shop/platform-db';
import { createLogger } from '@shop/platform-logging';
import { DependencyUnavailableError } from '@shop/platform-resilience';
import { effects, freshEventsDatabase, publishThing, recordEffects, testDispatcher, waitFor } from './harness.js';

let real: Database;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ database: real, cleanup } = await freshEventsDatabase('platform_events_outage'));
});
afterAll(() => cleanup?.());

/**
 * The real database behind a switch: while `down`, every statement the dispatcher runs fails as
 * an unreachable database does. `relisten()` plays the database's "listening again" callback.
 */
function switchableDatabase(database: Database) {
  const state = { down: false, attempts: 0, onListening: [] as (() => void)[] };
  const refuse = () => {
    state.attempts++;
    return Promise.reject(new DependencyUnavailableError('database', 'unreachable', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }));
  };
  const db = new Proxy(database.db, {
    get(target, key, receiver) {
      if (key === 'transaction') return (work: never) => (state.down ? refuse() : target.transaction(work));
      return Reflect.get(target, key, receiver);
    },
  });
  const switched: Database = {
    ...database,
    db,
    rows: (query) => (state.down ? refuse() : database.rows(query)),
    listen: async (channel, onNotify, onListening) => {
      if (onListening) state.onListening.push(onListening);
      return database.listen(channel, onNotify);
    },
  };
  return { database: switched, state, relisten: () => state.onListening.forEach((callback) => callback()) };
}

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _e, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ destination }), lines };
}

describe('the dispatcher while the database is away', () => {
  it('backs off instead of hammering, logs the outage once, and resumes by itself when LISTEN comes back', async () => {
    await real.rows(sql`truncate evt_pub.outbox, evt_pub.outbox_deliveries, evt_sub.inbox, evt_sub.effects`);
    const { database, state, relisten } = switchableDatabase(real);
    const { logger, lines } = capturingLogger();
    const dispatcher = testDispatcher(database, { logger, pollIntervalMs: 250, outageBackoffMaxMs: 60_000 });
    recordEffects(dispatcher);
    await dispatcher.start();
    try {
      state.down = true;
      const outageStarted = performance.now();
      // Failed passes wait 250, 500, 1000 ms… between them: the fourth comes no sooner than
      // 1.75 s after the first (polling every 250 ms: 0.75 s), and then it sleeps 2 s.
      await waitFor(async () => state.attempts >= 4, 10_000);
      expect(performance.now() - outageStarted).toBeGreaterThan(1_500);
      expect(state.attempts).toBe(4);
      expect(lines.filter((l) => l['msg'] === 'database unavailable; dispatcher backing off')).toHaveLength(1);
      expect(lines.filter((l) => l['level'] === 50)).toEqual([]); // nothing logged as an error

      // The database returns with an event waiting while the dispatcher sleeps out its backoff;
      // the database listening again wakes it at once.
      state.down = false;
      await publishThing(real, 'after the outage');
      const resumed = performance.now();
      relisten();
      await waitFor(async () => (await effects(real)).some((e) => e.label === 'after the outage'), 5_000);
      expect(performance.now() - resumed).toBeLessThan(1_000);
      expect(lines.find((l) => l['msg'] === 'database reachable again; dispatcher resumed')).toBeTruthy();
    } finally {
      await dispatcher.stop();
    }
  });
});
