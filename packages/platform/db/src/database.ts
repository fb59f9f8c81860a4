import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** Drizzle over either driver. Modules write queries against this type only. */
export type Db = PgDatabase<PgQueryResultHKT>;
/** Exactly the transaction `db.transaction(work)` hands to `work`. */
export type DbTransaction = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface MigrationTarget {
  migrationsFolder: string;
  migrationsTable: string;
  migrationsSchema: string;
}

/**
 * One database for the whole process: embedded PGlite when no URL is given, PostgreSQL through
 * postgres.js otherwise. The rest of the code sees only drizzle (`db`) and these few methods.
 */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs a raw statement and returns its rows, whatever the driver. */
  rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** Runs `work` while holding a cluster-wide advisory lock, so concurrent start-ups queue. */
  withAdvisoryLock<T>(key: number, work: () => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` for every NOTIFY on `channel` (delivered by Postgres at the notifier's
   * commit). Resolves once listening; the returned function stops listening.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** Applies one drizzle-kit migrations folder, tracked in its own history table. */
  migrate(target: MigrationTarget): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; when absent the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; when absent (and no url) PGlite runs in memory. */
  dataDir?: string;
  /** postgres.js pool size. */
  maxConnections?: number;
  onNotice?: (message: string) => void;
}
