import { sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { moduleRoles } from './module-roles.js';
import { MIGRATIONS_SCHEMA, migrationsTableFor } from './migrations-table.js';
import { quoteIdent as quote } from './quote-ident.js';

async function schemaExists(database: Database, schema: string): Promise<boolean> {
  return (await database.rows(sql`select 1 from pg_namespace where nspname = ${schema}`)).length > 0;
}

/**
 * A module schema that already exists (a database from before module roles, a restored export,
 * or one PGlite just migrated as the login) is handed to the module's owner role with everything
 * in it, and its tables opened to the runtime role. Only objects with another owner are touched,
 * so a re-run changes nothing.
 */
export async function adoptModuleSchema(database: Database, module: string): Promise<void> {
  const { owner, runtime } = moduleRoles(module, database.rolePrefix);
  const run = (statement: string) => database.rows(sql.raw(statement));
  const schema = module;
  if (await schemaExists(database, schema)) {
    const [current] = await database.rows<{ owner: string }>(sql`select pg_get_userbyid(nspowner) as owner from pg_namespace where nspname = ${schema}`);
    if (current?.owner !== owner) await run(`alter schema ${quote(schema)} owner to ${quote(owner)}`);
    // Tables first: sequences owned by a column follow their table and cannot be moved alone.
    for (const kinds of [['r', 'p', 'v', 'm', 'f'], ['S']]) {
      const relations = await database.rows<{ name: string; kind: string }>(sql`
        select c.oid::regclass::text as name, c.relkind as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = ${schema} and c.relkind = any(${`{${kinds.join(',')}}`}::"char"[]) and pg_get_userbyid(c.relowner) <> ${owner}`);
      for (const relation of relations) {
        const keyword = { v: 'view', m: 'materialized view', S: 'sequence', f: 'foreign table' }[relation.kind] ?? 'table';
        await run(`alter ${keyword} ${relation.name} owner to ${quote(owner)}`);
      }
    }
    const routines = await database.rows<{ name: string }>(sql`
      select p.oid::regprocedure::text as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = ${schema} and pg_get_userbyid(p.proowner) <> ${owner}`);
    for (const routine of routines) await run(`alter routine ${routine.name} owner to ${quote(owner)}`);
    const types = await database.rows<{ name: string }>(sql`
      select t.oid::regtype::text as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
       where n.nspname = ${schema} and t.typtype in ('e', 'd') and pg_get_userbyid(t.typowner) <> ${owner}`);
    for (const type of types) await run(`alter type ${type.name} owner to ${quote(owner)}`);
    await run(`grant usage on schema ${quote(schema)} to ${quote(runtime)}`);
    await run(`grant select, insert, update, delete on all tables in schema ${quote(schema)} to ${quote(runtime)}`);
    await run(`grant usage, select, update on all sequences in schema ${quote(schema)} to ${quote(runtime)}`);
  }
  const history = migrationsTableFor(module);
  const [historyOwner] = await database.rows<{ owner: string }>(sql`
    select pg_get_userbyid(c.relowner) as owner from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = ${MIGRATIONS_SCHEMA} and c.relname = ${history}`);
  if (historyOwner && historyOwner.owner !== owner) {
    await run(`alter table ${quote(MIGRATIONS_SCHEMA)}.${quote(history)} owner to ${quote(owner)}`);
  }
}
