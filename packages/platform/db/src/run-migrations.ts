import { sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { moduleRoles } from './module-roles.js';
import { orderModules } from './order-modules.js';
import { reportingGrants } from './reporting-views.js';
import { adoptModuleSchema } from './adopt-module-schema.js';
import { appendOnlyRevocations } from './append-only-tables.js';
import { MIGRATION_LOCK_KEY, MIGRATIONS_SCHEMA, migrationsTableFor } from './migrations-table.js';

export interface ModuleMigrations {
  /** The module's name; also its Postgres schema's name. */
  name: string;
  /** Folder of drizzle-kit generated SQL migrations for this module's schema only. */
  migrationsFolder: string;
  /** Modules whose migrations must run first. */
  dependsOn?: readonly string[];
  /**
   * Views in the module's schema that the read-only reporting role may read (none by default).
   * Publishing a view is a contract: reporting reads it, never the tables behind it.
   */
  reportingViews?: readonly string[];
  /**
   * Tables of the module's schema its own runtime role may only read and insert into (an audit
   * log): UPDATE, DELETE and TRUNCATE are revoked after every migration.
   */
  appendOnlyTables?: readonly string[];
}


/**
 * Applies each module's migrations, in dependency order, under one advisory lock, each as the
 * module's owner role (so a migration can touch nothing but its own schema), then publishes the
 * module's reporting views. Each module has its own history table: drizzle's migrator compares
 * only the newest timestamp of a table, so one shared table would silently skip another module's
 * older migrations. `setupDatabase` must have run first: it creates the roles.
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
      const { owner } = moduleRoles(module.name, database.rolePrefix);
      try {
        // PGlite cannot grant the owner CREATE on its database (any GRANT on the database row
        // fails there), so it migrates as the login and hands the result to the owner at once.
        // Same end state; what PGlite loses is Postgres confining the migration's own DDL,
        // which the static check `db/ddl-outside-module-schema` still does.
        const migratesAsOwner = database.kind !== 'pglite';
        await database.migrate({
          migrationsFolder: module.migrationsFolder,
          migrationsTable: migrationsTableFor(module.name),
          migrationsSchema: MIGRATIONS_SCHEMA,
          ...(migratesAsOwner ? { role: owner } : {}),
        });
        if (!migratesAsOwner) await adoptModuleSchema(database, module.name);
        for (const grant of reportingGrants(module, database.rolePrefix)) await database.forRole(owner).execute(sql.raw(grant));
        for (const revoke of appendOnlyRevocations(module, database.rolePrefix)) await database.forRole(owner).execute(sql.raw(revoke));
      } catch (error) {
        throw new Error(`Migrations of module "${module.name}" failed as role "${owner}"${hintFor(error)}`, { cause: error });
      }
      onProgress(module.name, performance.now() - started);
    }
  });
}

function hintFor(error: unknown): string {
  const message = error instanceof Error ? `${error.message} ${String((error.cause as Error | undefined)?.message ?? '')}` : String(error);
  if (/role .* does not exist/.test(message)) return ': the role does not exist; run `pnpm db:setup` (setupDatabase) before migrations';
  return `: ${message.trim()}`;
}
