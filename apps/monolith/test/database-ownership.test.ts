import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleRoles, openDatabase, runMigrations, setupDatabase, type Database, type ModuleMigrations } from '@shop/platform-db';
import { provisionTestDatabase, type TestDatabaseTarget } from '@shop/platform-testing';
import { moduleMigrations } from '../src/compose.js';

/**
 * The runtime proof of "one module, one schema, one role", against the real database: every
 * module the host composes (plus `probe`, a test-only module, so there is always a second one)
 * is set up and migrated, then each module's roles try to reach every other module's tables.
 */
const probe: ModuleMigrations = { name: 'probe', migrationsFolder: fileURLToPath(new URL('./fixtures/probe', import.meta.url)) };
const everyModule = [...moduleMigrations, probe];

let target: TestDatabaseTarget;
let database: Database;
const tablesOf = new Map<string, string[]>();

beforeAll(async () => {
  target = await provisionTestDatabase('ownership');
  database = await openDatabase({ url: target.url });
  await setupDatabase(database, everyModule);
  await runMigrations(database, everyModule);
  for (const module of everyModule) {
    const rows = await database.rows<{ name: string }>(
      sql`select table_name as name from information_schema.tables where table_schema = ${module.name} and table_type = 'BASE TABLE' order by 1`,
    );
    tablesOf.set(module.name, rows.map((r) => r.name));
  }
});

afterAll(async () => {
  await database?.close();
  await target?.drop();
});

async function failure(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return `${(error as Error).message} ${(error as { cause?: Error }).cause?.message ?? ''}`;
  }
  return 'no error';
}

const pairs = everyModule.flatMap((reader) => everyModule.filter((owner) => owner.name !== reader.name).map((owner) => [reader.name, owner.name] as const));

describe('database ownership, enforced by PostgreSQL', () => {
  it('every module owns at least one table (or the checks below would prove nothing)', () => {
    for (const module of everyModule) expect(tablesOf.get(module.name)?.length, module.name).toBeGreaterThan(0);
  });

  it.each(pairs)("as %s's role, reading %s's tables fails with permission denied", async (reader, owner) => {
    for (const table of tablesOf.get(owner) ?? []) {
      const attempt = database.forModule(reader).execute(sql.raw(`select * from "${owner}"."${table}" limit 1`));
      expect(await failure(attempt)).toMatch(new RegExp(`permission denied for schema ${owner}`));
    }
  });

  it.each(pairs)("as %s's role, writing into %s's schema fails", async (reader, owner) => {
    for (const table of tablesOf.get(owner) ?? []) {
      expect(await failure(database.forModule(reader).execute(sql.raw(`delete from "${owner}"."${table}"`)))).toMatch(/permission denied for schema/);
    }
    expect(await failure(database.forModule(reader).execute(sql.raw(`create table "${owner}".planted (id int)`)))).toMatch(/permission denied for schema/);
  });

  it.each(pairs)("as %s's owner role, creating a foreign key into %s's schema fails", async (reader, owner) => {
    const [table] = tablesOf.get(owner) ?? [];
    const asOwner = database.forRole(moduleRoles(reader, database.rolePrefix).owner);
    const attempt = asOwner.execute(sql.raw(`create table "${reader}".planted_fk (ref uuid references "${owner}"."${table}" (id))`));
    expect(await failure(attempt)).toMatch(new RegExp(`permission denied for schema ${owner}`));
  });

  it('the module role really is the module: it reads and writes its own tables', async () => {
    const probeDb = database.forModule('probe');
    await probeDb.execute(sql`insert into probe.notes (customer_id) values (gen_random_uuid())`);
    expect(JSON.stringify(await probeDb.execute(sql`select count(*)::int as n from probe.notes`))).toContain('"n":1');
  });
});

describe('a fully migrated database, read from pg_catalog', () => {
  it('has no constraint linking tables of two different module schemas', async () => {
    const names = everyModule.map((m) => m.name);
    const crossing = await database.rows<{ constraint: string }>(sql`
      select c.conname || ' on ' || c.conrelid::regclass::text || ' -> ' || c.confrelid::regclass::text as constraint
        from pg_constraint c
        join pg_class t on t.oid = c.conrelid join pg_namespace tn on tn.oid = t.relnamespace
        join pg_class r on r.oid = c.confrelid join pg_namespace rn on rn.oid = r.relnamespace
       where c.confrelid <> 0 and tn.nspname <> rn.nspname
         and (tn.nspname = any(${`{${names.join(',')}}`}::text[]) or rn.nspname = any(${`{${names.join(',')}}`}::text[]))`);
    expect(crossing).toEqual([]);
  });

  it("has no view of one module reading another module's tables", async () => {
    const crossing = await database.rows<{ view: string }>(sql`
      select distinct v.oid::regclass::text || ' reads ' || t.oid::regclass::text as view
        from pg_rewrite w join pg_class v on v.oid = w.ev_class join pg_namespace vn on vn.oid = v.relnamespace
        join pg_depend d on d.objid = w.oid and d.classid = 'pg_rewrite'::regclass and d.refclassid = 'pg_class'::regclass
        join pg_class t on t.oid = d.refobjid join pg_namespace tn on tn.oid = t.relnamespace
       where vn.nspname <> tn.nspname and vn.nspname not like 'pg\\_%' and vn.nspname <> 'information_schema'`);
    expect(crossing).toEqual([]);
  });

  it('has every module schema owned by its owner role and nothing in it owned by anyone else', async () => {
    for (const module of everyModule) {
      const owners = await database.rows<{ owner: string }>(sql`
        select pg_get_userbyid(nspowner) as owner from pg_namespace where nspname = ${module.name}
        union
        select pg_get_userbyid(c.relowner) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = ${module.name}`);
      expect(owners, module.name).toEqual([{ owner: moduleRoles(module.name, database.rolePrefix).owner }]);
    }
  });
});
