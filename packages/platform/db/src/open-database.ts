import type { Database, OpenDatabaseOptions } from './database.js';
import { openPglite } from './pglite-database.js';
import { openPostgres } from './postgres-database.js';

/** PostgreSQL when `url` is set, embedded PGlite (on disk or in memory) otherwise. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  return options.url ? openPostgres(options.url, options) : openPglite(options.dataDir, options);
}
