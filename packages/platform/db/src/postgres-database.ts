import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres, { type Sql } from 'postgres';
import type { Database, Db, OpenDatabaseOptions } from './database.js';
import { guardPostgresClient } from './guarded-postgres-client.js';
import { DEFAULT_ROLE_PREFIX, assertIdentifier, moduleRoles } from './module-roles.js';
import { DEFAULT_POOL_MAX_WAITING, PoolGate } from './pool-gate.js';
import { reconnectBackoffSeconds } from './reconnect-backoff.js';
import { rowsOf } from './rows-of.js';
import { setLocalRolePostgres } from './set-local-role-postgres.js';

/**
 * PostgreSQL through postgres.js: one pool for the login, and (by default) one small pool per
 * module role whose connections log in with `role` set, so a module's statements cost no more
 * than the login's (see `ModuleRoleStrategy`). Pools open connections lazily.
 *
 * Each pool sits behind a `PoolGate` (bounded wait, the request's deadline, outage errors as
 * `DependencyUnavailableError`), reconnects quickly after an outage (postgres.js's own backoff
 * grows to 20 s), and gives up connecting after `connectTimeoutMs`.
 */
export async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Database> {
  const onnotice = (notice: postgres.Notice) => options.onNotice?.(String(notice['message'] ?? notice));
  const connectionOptions = { onnotice, backoff: reconnectBackoffSeconds, connect_timeout: (options.connectTimeoutMs ?? 10_000) / 1000 };
  const maxWaiting = options.poolMaxWaiting ?? DEFAULT_POOL_MAX_WAITING;
  const loginSize = options.maxConnections ?? 10;
  const pool = postgres(url, { max: loginSize, ...connectionOptions });
  const loginGate = new PoolGate('login', { size: loginSize, maxWaiting });
  const gates: PoolGate[] = [loginGate];
  const gated = (name: string, sql: postgres.Sql, size: number) => {
    const gate = new PoolGate(name, { size, maxWaiting });
    gates.push(gate);
    return guardPostgresClient(sql, gate);
  };
  const client = guardPostgresClient(pool, loginGate);
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
      const size = options.moduleMaxConnections ?? 5;
      const rolePool = postgres(url, { max: size, connection: { role }, ...connectionOptions });
      rolePools.push(rolePool);
      scoped = drizzle({ client: gated(role, rolePool, size) });
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
      await client.unsafe('select 1');
    },
    limits: () => gates.map((gate) => gate.stats()),
    async withAdvisoryLock(key, work) {
      // Session-level advisory locks belong to one connection: reserve one for the lock's life
      // (it counts against the login pool's gate while held).
      return loginGate.run(async () => {
        const connection = await pool.reserve();
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
      });
    },
    async listen(channel, onNotify, onListening) {
      // postgres.js listens on a dedicated connection of its own, outside the query pool, and
      // listens again by itself after that connection was lost; `onlisten` runs each time.
      const { unlisten } = await pool.listen(channel, onNotify, onListening);
      return unlisten;
    },
    async migrate({ role, ...target }) {
      if (!role) return migrate(db, target);
      // One short-lived connection that logs in as the owner role: migrations are rare, and
      // keeping an owner pool open would leave DDL rights lying around in the running process.
      const owner = postgres(url, { ...connectionOptions, max: 1, connection: { role: assertIdentifier('Role name', role) }, onnotice: () => {} });
      try {
        await migrate(drizzle({ client: owner }), target);
      } finally {
        await owner.end({ timeout: 5 });
      }
    },
    async close() {
      await Promise.all([pool, ...rolePools].map((each) => each.end({ timeout: 5 })));
    },
  };
}
