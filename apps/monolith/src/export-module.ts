import { execFileSync } from 'node:child_process';
import { MIGRATIONS_SCHEMA, migrationsTableFor } from '@shop/platform-db';

/**
 * A self-contained plain-SQL dump of one module (`pnpm db:export <module>`): its schema (structure
 * and data) and its migration history table, without owners or grants, because role names
 * depend on the target's `DB_ROLE_PREFIX`. Restore it into an empty database with
 * `psql -v ON_ERROR_STOP=1 -f <file>`, then run `pnpm db:setup` there: it hands the schema and
 * history to the module's owner role and grants its runtime role, and migrations are a no-op.
 * Needs `pg_dump` (PostgreSQL 15 client or newer) on the PATH; PostgreSQL only.
 */
export function exportModule(url: string, module: string): string {
  const dump = (...args: string[]) =>
    execFileSync('pg_dump', [`--dbname=${url}`, '--no-owner', '--no-privileges', '--format=plain', ...args], {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
    });
  const history = `${MIGRATIONS_SCHEMA}.${migrationsTableFor(module)}`;
  return [
    `-- Module "${module}": schema "${module}" (structure and data) and its migration history ${history}.`,
    '-- Restore into an empty database with psql, then run `pnpm db:setup` against it.',
    dump(`--schema=${module}`),
    `CREATE SCHEMA IF NOT EXISTS ${MIGRATIONS_SCHEMA};`,
    dump(`--table=${history}`),
  ].join('\n');
}
