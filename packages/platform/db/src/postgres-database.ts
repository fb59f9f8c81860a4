import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres, { type Sql } from 'postgres';
import type { Database, Db, OpenDatabaseOptions } from './database.js';
import { DEFAULT_ROLE_PREFIX, assertIdentifier, moduleRoles } from './module-roles.js';
import { rowsOf } from './rows-of.js';
import { setLocalRolePostgres } from './set-local-role-postgres.js';

/**
 * PostgreSQL through postgres.js: one pool for the login, and (by default) one small pool per
 * module role whose connections log in with `role` set, so a module's statements cost no more
 * than the login's (see `ModuleRoleStrategy`). Pools open connections lazily.
 */
export async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Database> {
  const onnotice = (notice: postgres.Notice) => options.onNotice?.(String(notice['message'] ?? notice));
  const client = postgres(url, { max: options.maxConnections ?? 10, onnotice });
  const db = drizzle({ client });
  const rolePrefix = options.rolePrefix ?? DEFAULT_ROLE_PREFIX;
  const strategy = options.moduleRoleStrategy ?? 'pool-per-module';
  const rolePools: Sql[] = [];
  const byRole = new Map<string, Db>();
  const forRole = (role: string): Db => {
    let scoped = byRole.get(role);
    if (scoped) return scoped;
    assertIdentifier('Role name', role);
    if (strategy === 'set-local-role') {
      scoped = setLocalRolePostgres(client, role);
    } else {
      const pool = postgres(url, { max: options.moduleMaxConnections ?? 5, connection: { role }, onnotice });
      rolePools.push(pool);
      scoped = drizzle({ client: pool });
    }
    byRole.set(role, scoped);
    return scoped;
  };
  return {
    kind: 'postgres',
    db,
    rolePrefix,
    forRole,
    forModule: (module) => forRole(moduleRoles(module, rolePrefix).runtime),
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
    async migrate({ role, ...target }) {
      if (!role) return migrate(db, target);
      // One short-lived connection that logs in as the owner role: migrations are rare, and
      // keeping an owner pool open would leave DDL rights lying around in the running process.
      const owner = postgres(url, { max: 1, connection: { role: assertIdentifier('Role name', role) }, onnotice: () => {} });
      try {
        await migrate(drizzle({ client: owner }), target);
      } finally {
        await owner.end({ timeout: 5 });
      }
    },
    async close() {
      await Promise.all([client, ...rolePools].map((pool) => pool.end({ timeout: 5 })));
    },
  };
}
