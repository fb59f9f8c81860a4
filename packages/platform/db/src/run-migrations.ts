import type { Database } from './database.js';
import { orderModules } from './order-modules.js';

export interface ModuleMigrations {
  /** The module's name; also its Postgres schema's name. */
  name: string;
  /** Folder of drizzle-kit generated SQL migrations for this module's schema only. */
  migrationsFolder: string;
  /** Modules whose migrations must run first. */
  dependsOn?: readonly string[];
}

/** Key of the advisory lock that serialises migrations across processes ("shopmigr"). */
export const MIGRATION_LOCK_KEY = 0x73686f70;

/** Schema that holds every module's migration history table, outside the modules' own schemas. */
export const MIGRATIONS_SCHEMA = 'drizzle';

export function migrationsTableFor(module: string): string {
  return `__migrations_${module}`;
}

/**
 * Applies each module's migrations, in dependency order, under one advisory lock. Each module has
 * its own history table: drizzle's migrator compares only the newest timestamp of a table, so one
 * shared table would silently skip another module's older migrations.
 */
export async function runMigrations(
  database: Database,
  modules: readonly ModuleMigrations[],
  onProgress: (module: string, elapsedMs: number) => void = () => {},
): Promise<void> {
  const ordered = orderModules(modules);
  await database.withAdvisoryLock(MIGRATION_LOCK_KEY, async () => {
    for (const module of ordered) {
      const started = performance.now();
      await database.migrate({
        migrationsFolder: module.migrationsFolder,
        migrationsTable: migrationsTableFor(module.name),
        migrationsSchema: MIGRATIONS_SCHEMA,
      });
      onProgress(module.name, performance.now() - started);
    }
  });
}
