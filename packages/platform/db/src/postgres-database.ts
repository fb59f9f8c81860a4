import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Database, OpenDatabaseOptions } from './database.js';
import { rowsOf } from './rows-of.js';

/** PostgreSQL through a postgres.js pool. */
export async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Database> {
  const client = postgres(url, {
    max: options.maxConnections ?? 10,
    onnotice: (notice) => options.onNotice?.(String(notice['message'] ?? notice)),
  });
  const db = drizzle({ client });
  return {
    kind: 'postgres',
    db,
    async rows(query) {
      return rowsOf(await db.execute(query));
    },
    async ping() {
      await client`select 1`;
    },
    async withAdvisoryLock(key, work) {
      // Session-level advisory locks belong to one connection: reserve one for the lock's life.
      const connection = await client.reserve();
      try {
        await connection`select pg_advisory_lock(${key})`;
        try {
          return await work();
        } finally {
          await connection`select pg_advisory_unlock(${key})`;
        }
      } finally {
        connection.release();
      }
    },
    async listen(channel, onNotify) {
      // postgres.js listens on a dedicated connection of its own, outside the query pool.
      const { unlisten } = await client.listen(channel, onNotify);
      return unlisten;
    },
    async migrate(target) {
      await migrate(db, target);
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}
