import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, provisionTestDatabase, type TestDatabaseTarget } from '@shop/platform-testing';
import { openDatabase, type Database } from '../src/index.js';

let target: TestDatabaseTarget;
let database: Database;
beforeAll(async () => {
  target = await provisionTestDatabase('platform_db_listen');
  database = await openDatabase({ url: target.url });
});
afterAll(async () => {
  await database?.close();
  await target?.drop();
});

const nextNotification = (received: string[], count: number) =>
  eventually(
    () => {
      if (received.length < count) throw new Error('no notification');
    },
    { timeoutMs: 5_000, intervalMs: 10 },
  );

describe('Database.listen', () => {
  it('hears a NOTIFY only once its transaction commits, and nothing after unlisten', async () => {
    const received: string[] = [];
    const unlisten = await database.listen('platform_db_test', (payload) => received.push(payload));

    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`select pg_notify('platform_db_test', 'rolled-back')`);
        throw new Error('roll back');
      })
      .catch(() => {});
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_notify('platform_db_test', 'committed')`);
    });
    await nextNotification(received, 1);
    expect(received).toEqual(['committed']);

    await unlisten();
    // NOTIFYs reach listeners in commit order: once a later marker arrives, 'after' would have too.
    const markers: string[] = [];
    const unlistenMarker = await database.listen('platform_db_test_marker', (payload) => markers.push(payload));
    await database.rows(sql`select pg_notify('platform_db_test', 'after')`);
    await database.rows(sql`select pg_notify('platform_db_test_marker', 'marker')`);
    await nextNotification(markers, 1);
    await unlistenMarker();
    expect(received).toEqual(['committed']);
  });
});
