import { sql } from 'drizzle-orm';
import type { Database } from './database.js';

/**
 * Everything `setupDatabase` can change, as sorted text lines: the prefixed roles and their
 * memberships, the database's ACL, and the owner and ACL of every schema, relation, routine and
 * type outside the system catalogs, plus default privileges. Two equal snapshots mean nothing
 * changed, which is how idempotence is shown rather than asserted.
 */
export async function catalogSnapshot(database: Database): Promise<string[]> {
  const prefix = `${database.rolePrefix.replace(/[\\_%]/g, (c) => `\\${c}`)}%`;
  const rows = await database.rows<{ line: string }>(sql`
    select 'role ' || rolname || ' login=' || rolcanlogin || ' super=' || rolsuper || ' inherit=' || rolinherit as line
      from pg_roles where rolname like ${prefix}
    union all
    select 'member ' || r.rolname || ' of ' || g.rolname
      from pg_auth_members m join pg_roles r on r.oid = m.member join pg_roles g on g.oid = m.roleid
     where g.rolname like ${prefix}
    union all
    select 'database acl ' || coalesce(datacl::text, '-') from pg_database where datname = current_database()
    union all
    select 'schema ' || nspname || ' owner=' || pg_get_userbyid(nspowner) || ' acl=' || coalesce(nspacl::text, '-')
      from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema'
    union all
    select 'relation ' || c.oid::regclass::text || ' kind=' || c.relkind::text || ' owner=' || pg_get_userbyid(c.relowner) || ' acl=' || coalesce(c.relacl::text, '-')
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
    union all
    select 'routine ' || p.oid::regprocedure::text || ' owner=' || pg_get_userbyid(p.proowner)
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
    union all
    select 'default acl ' || pg_get_userbyid(defaclrole) || ' ' || defaclnamespace::regnamespace::text || ' ' || defaclobjtype::text || ' ' || defaclacl::text
      from pg_default_acl
  `);
  return rows.map((r) => r.line).sort();
}

/** Lines only in `after` (prefixed `+`) and only in `before` (prefixed `-`). */
export function catalogDiff(before: readonly string[], after: readonly string[]): string[] {
  const was = new Set(before);
  const now = new Set(after);
  return [...after.filter((l) => !was.has(l)).map((l) => `+ ${l}`), ...before.filter((l) => !now.has(l)).map((l) => `- ${l}`)];
}
