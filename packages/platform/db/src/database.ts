import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { PoolStats } from './pool-gate.js';

/** Drizzle over either driver. Modules write queries against this type only. */
export type Db = PgDatabase<PgQueryResultHKT>;
/** Exactly the transaction `db.transaction(work)` hands to `work`. */
export type DbTransaction = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface MigrationTarget {
  migrationsFolder: string;
  migrationsTable: string;
  migrationsSchema: string;
  /** The role the migration's statements run as (the module's owner role); absent: the login. */
  role?: string;
}

/**
 * How a module's statements come to run as its role on PostgreSQL (PGlite, with one connection,
 * always uses `set-local-role`). Measured in `apps/monolith/bench/module-role-cost.ts`.
 * - `pool-per-module`: a small pool per role whose connections log in with `role` set (default).
 * - `set-local-role`: the shared pool, each statement wrapped in `BEGIN; SET LOCAL ROLE; …; COMMIT`.
 */
export type ModuleRoleStrategy = 'pool-per-module' | 'set-local-role';

/**
 * One database for the whole process: embedded PGlite when no URL is given, PostgreSQL through
 * postgres.js otherwise. The rest of the code sees only drizzle (`db`) and these few methods.
 */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Drizzle as the login itself: for the host's own work (readiness, set-up), never handed to a
   * module. A module gets `forModule(name)`.
   */
  readonly db: Db;
  /** Prefix of every role name (`DB_ROLE_PREFIX`, default `shop_`). */
  readonly rolePrefix: string;
  /** Drizzle whose every statement runs as the module's runtime role (`<prefix><module>`). */
  forModule(module: string): Db;
  /** Drizzle whose every statement runs as `role` (the login must be allowed to assume it). */
  forRole(role: string): Db;
  /** Runs a raw statement and returns its rows, whatever the driver. */
  rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** Each connection pool's bounds and what is using it now (for `/ready`). */
  limits(): PoolStats[];
  /** Runs `work` while holding a cluster-wide advisory lock, so concurrent start-ups queue. */
  withAdvisoryLock<T>(key: number, work: () => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` for every NOTIFY on `channel` (delivered by Postgres at the notifier's
   * commit). Resolves once listening; the returned function stops listening. After the listening
   * connection was lost (a restart), it listens again by itself and calls `onListening` each time
   * it is listening (again): NOTIFYs sent in between were missed, so a caller should look for
   * work then.
   */
  listen(channel: string, onNotify: (payload: string) => void, onListening?: () => void): Promise<() => Promise<void>>;
  /** Applies one drizzle-kit migrations folder as `target.role`, tracked in its own history table. */
  migrate(target: MigrationTarget): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; when absent the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; when absent (and no url) PGlite runs in memory. */
  dataDir?: string;
  /** postgres.js pool size (the login's pool). */
  maxConnections?: number;
  /**
   * Operations that may wait for a connection of one pool; the next one fails at once with
   * `DependencyUnavailableError` (`overloaded`). Default `DEFAULT_POOL_MAX_WAITING`.
   */
  poolMaxWaiting?: number;
  /** PostgreSQL only: give up opening a connection after this many ms (default 10 000). */
  connectTimeoutMs?: number;
  onNotice?: (message: string) => void;
  /** Prefix of the module roles `db:setup` creates; default `shop_`. */
  rolePrefix?: string;
  /** PostgreSQL only; default `pool-per-module`. */
  moduleRoleStrategy?: ModuleRoleStrategy;
  /** PostgreSQL, `pool-per-module` only: connections per module pool (default 5). */
  moduleMaxConnections?: number;
}
