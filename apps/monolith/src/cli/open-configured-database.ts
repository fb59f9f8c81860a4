import { exitOnConfigError, loadConfig } from '@shop/platform-config';
import { openDatabase, type Database } from '@shop/platform-db';
import { MonolithConfigSchema } from '../config.js';

/**
 * The monolith's database, as `DATABASE_URL` / `DATA_DIR` and `DB_ROLE_PREFIX` name it (a PGlite
 * directory is locked while the monolith runs).
 */
export function openConfiguredDatabase(): Promise<Database> {
  const config = exitOnConfigError(() => loadConfig(MonolithConfigSchema));
  return openDatabase(
    config.DATABASE_URL ? { url: config.DATABASE_URL, rolePrefix: config.DB_ROLE_PREFIX } : { dataDir: config.DATA_DIR, rolePrefix: config.DB_ROLE_PREFIX },
  );
}
