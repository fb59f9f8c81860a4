import { sql } from 'drizzle-orm';
import { catalogDiff, catalogSnapshot } from './database-catalog.js';
import type { Database } from './database.js';
import { moduleRoles, reportingRole } from './module-roles.js';
import { reportingGrants } from './reporting-views.js';
import { adoptModuleSchema } from './adopt-module-schema.js';
import { MIGRATION_LOCK_KEY, MIGRATIONS_SCHEMA } from './migrations-table.js';
import { quoteIdent as quote } from './quote-ident.js';
import type { ModuleMigrations } from './run-migrations.js';

export interface SetupDatabaseOptions {
  /**
   * The login the application connects as, granted membership of every module role so it may
   * assume them. Default: the login running the set-up. Superusers need no membership.
   */
  appLogin?: string;
}

export interface SetupDatabaseResult {
  /** What changed in the catalog, one line each (`+` added, `-` removed); empty on a re-run. */
  changes: string[];
}

/**
 * Creates, on a fresh or an existing database, the roles, grants and ownership that let each
 * module use its own schema and nothing else (`pnpm db:setup`). Run it with an admin login
 * (superuser, or one that may create roles and is a member of them) before migrations. Safe to
 * re-run: every statement either checks first or is a no-op when its effect is already there.
 *
 * Per module `m` (prefix `p`):
 * - `p m_owner` (NOLOGIN) owns schema `m` and runs its migrations. It gets CREATE on the database
 *   because drizzle-kit's first migration runs `CREATE SCHEMA "m"` (and the migrator
 *   `CREATE SCHEMA IF NOT EXISTS "drizzle"`, which checks that privilege too); Postgres cannot
 *   grant "create only the schema named m", so the static check `db/ddl-outside-module-schema`
 *   covers the rest. It gets USAGE and CREATE on `drizzle` for its history table.
 * - `p m` (NOLOGIN) is what running code executes as: USAGE on schema `m`, DML on its tables and
 *   sequences (default privileges of the owner, so tables created later are covered too).
 * On an existing database, the schema, its objects and the history table are handed to the owner.
 */
export async function setupDatabase(
  database: Database,
  modules: readonly Pick<ModuleMigrations, 'name' | 'reportingViews'>[],
  options: SetupDatabaseOptions = {},
): Promise<SetupDatabaseResult> {
  const run = (statement: string) => database.rows(sql.raw(statement));
  const scalar = async <T>(query: ReturnType<typeof sql>): Promise<T | undefined> => {
    const [row] = await database.rows<{ value: T }>(query);
    return row?.value;
  };
  const prefix = database.rolePrefix;

  return database.withAdvisoryLock(MIGRATION_LOCK_KEY, async () => {
    const before = await catalogSnapshot(database);
    const login = options.appLogin ?? (await scalar<string>(sql`select current_user as value`)) ?? '';
    const loginIsSuperuser = (await scalar<boolean>(sql`select rolsuper as value from pg_roles where rolname = ${login}`)) ?? false;
    const databaseName = (await scalar<string>(sql`select current_database() as value`)) ?? '';

    const ensureRole = async (role: string) => {
      // Roles are cluster-wide: databases set up in parallel (test suites) race to create them.
      for (let attempt = 0; ; attempt++) {
        if (await scalar<number>(sql`select 1 as value from pg_roles where rolname = ${role}`)) break;
        try {
          await run(`create role ${quote(role)} nologin`);
          break;
        } catch (error) {
          if (attempt >= 3) throw error;
        }
      }
      if (!loginIsSuperuser) {
        const member = await scalar<number>(
          sql`select 1 as value from pg_auth_members m join pg_roles r on r.oid = m.roleid join pg_roles l on l.oid = m.member where r.rolname = ${role} and l.rolname = ${login}`,
        );
        if (!member) await run(`grant ${quote(role)} to ${quote(login)}`);
      }
    };

    await run(`create schema if not exists ${quote(MIGRATIONS_SCHEMA)}`);
    await ensureRole(reportingRole(prefix));
    for (const module of modules) {
      const { owner, runtime } = moduleRoles(module.name, prefix);
      await ensureRole(owner);
      await ensureRole(runtime);
      // PGlite fails any GRANT on its database row ("tuple concurrently deleted"), so on PGlite
      // migrations run as the login and are handed to the owner afterwards (see runMigrations).
      if (database.kind !== 'pglite') await run(`grant create on database ${quote(databaseName)} to ${quote(owner)}`);
      await run(`grant usage, create on schema ${quote(MIGRATIONS_SCHEMA)} to ${quote(owner)}`);
      await run(`alter default privileges for role ${quote(owner)} grant usage on schemas to ${quote(runtime)}`);
      await run(`alter default privileges for role ${quote(owner)} grant select, insert, update, delete on tables to ${quote(runtime)}`);
      await run(`alter default privileges for role ${quote(owner)} grant usage, select, update on sequences to ${quote(runtime)}`);
      await adoptModuleSchema(database, module.name);
      const views = await database.rows<{ name: string }>(
        sql`select viewname as name from pg_views where schemaname = ${module.name} and viewname = any(${`{${(module.reportingViews ?? []).join(',')}}`}::text[])`,
      );
      for (const grant of reportingGrants({ name: module.name, reportingViews: views.map((v) => v.name) }, prefix)) await run(grant);
    }
    return { changes: catalogDiff(before, await catalogSnapshot(database)) };
  });
}
