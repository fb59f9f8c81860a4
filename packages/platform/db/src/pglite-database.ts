import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Database, Db, OpenDatabaseOptions } from './database.js';
import { lockDataDir } from './data-dir-lock.js';
import { guardPgliteClient } from './guarded-pglite-client.js';
import { DEFAULT_ROLE_PREFIX, assertIdentifier, moduleRoles } from './module-roles.js';
import { DEFAULT_POOL_MAX_WAITING, PoolGate } from './pool-gate.js';
import { rowsOf } from './rows-of.js';
import { setLocalRolePglite } from './set-local-role-pglite.js';

/**
 * Embedded PostgreSQL in this process. PGlite is single-connection and single-process: the data
 * directory is guarded by a lock file, since two processes opening one directory corrupt it.
 * Roles and grants work as on a server; with one connection, a module's role is taken per
 * transaction with `SET LOCAL ROLE` (see `setLocalRolePglite`).
 */
export async function openPglite(dataDir: string | undefined, options: OpenDatabaseOptions): Promise<Database> {
  let release = async () => {};
  let client: PGlite;
  if (dataDir) {
    const absolute = path.resolve(dataDir);
    mkdirSync(path.dirname(absolute), { recursive: true });
    release = await lockDataDir(absolute);
    try {
      client = new PGlite(absolute);
      await client.waitReady;
    } catch (error) {
      await release();
      throw error;
    }
  } else {
    client = new PGlite();
    await client.waitReady;
  }
  // One gate for the one connection: PGlite runs a statement at a time, so `size` only bounds
  // how much may be handed to it at once; the rest waits in the gate, bounded and within deadlines.
  const gate = new PoolGate('pglite', { size: options.maxConnections ?? 10, maxWaiting: options.poolMaxWaiting ?? DEFAULT_POOL_MAX_WAITING });
  const guarded = guardPgliteClient(client, gate);
  const db = drizzle({ client: guarded });
  const rolePrefix = options.rolePrefix ?? DEFAULT_ROLE_PREFIX;
  const byRole = new Map<string, Db>();
  const forRole = (role: string): Db => {
    let scoped = byRole.get(role);
    if (!scoped) byRole.set(role, (scoped = setLocalRolePglite(guarded, assertIdentifier('Role name', role))));
    return scoped;
  };
  return {
    kind: 'pglite',
    db,
    rolePrefix,
    forRole,
    forModule: (module) => forRole(moduleRoles(module, rolePrefix).runtime),
    async rows(query) {
      return rowsOf(await db.execute(query));
    },
    async ping() {
      await guarded.query('select 1');
    },
    limits: () => [gate.stats()],
    // PGlite has exactly one connection in one process (the data-dir lock guarantees it), so
    // there is nobody to exclude; running `work` directly keeps the semantics.
    async withAdvisoryLock(_key, work) {
      return work();
    },
    async listen(channel, onNotify, onListening) {
      // PGlite delivers NOTIFY to listeners on its single connection, including its own; it is in
      // this process, so it is never lost and listened to again.
      const unsubscribe = await client.listen(channel, onNotify);
      onListening?.();
      return async () => {
        if (!client.closed) await unsubscribe();
      };
    },
    async migrate({ role, ...target }) {
      await migrate(role ? (forRole(role) as Parameters<typeof migrate>[0]) : db, target);
    },
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        await release();
      }
    },
  };
}
