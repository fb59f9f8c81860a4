/** Schema that holds every module's migration history table, outside the modules' own schemas. */
export const MIGRATIONS_SCHEMA = 'drizzle';

/** Each module's own history table: drizzle's migrator compares only a table's newest timestamp. */
export function migrationsTableFor(module: string): string {
  return `__migrations_${module}`;
}

/** Key of the advisory lock that serialises set-up and migrations across processes ("shop"). */
export const MIGRATION_LOCK_KEY = 0x73686f70;
