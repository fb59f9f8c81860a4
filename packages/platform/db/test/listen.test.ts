import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTestDatabase, type TestDatabaseTarget } from '@shop/platform-testing';
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
  new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const check = () => (received.length >= count ? resolve() : Date.now() - started > 5_000 ? reject(new Error('no notification')) : setTimeout(check, 10));
    check();
  });

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
    await database.rows(sql`select pg_notify('platform_db_test', 'after')`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual(['committed']);
  });
});
