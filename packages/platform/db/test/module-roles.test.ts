import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { provisionTestDatabase } from '@shop/platform-testing';
import {
  catalogSnapshot,
  moduleRoles,
  openDatabase,
  reportingRole,
  rowsOf,
  runMigrations,
  setupDatabase,
  type Database,
  type ModuleMigrations,
  type ModuleRoleStrategy,
} from '../src/index.js';

/**
 * Roles, grants and ownership per module, proven against the database itself (PostgreSQL when
 * TEST_DATABASE_URL is set, PGlite otherwise). Each test uses its own role prefix, so suites
 * running in parallel on one cluster never share (or race on) a role, and the roles are dropped
 * afterwards.
 */
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const alpha: ModuleMigrations = { name: 'alpha', migrationsFolder: path.join(fixtures, 'alpha') };
const beta: ModuleMigrations = { name: 'beta', migrationsFolder: path.join(fixtures, 'beta') };
const gamma: ModuleMigrations = { name: 'gamma', migrationsFolder: path.join(fixtures, 'gamma'), reportingViews: ['sales_totals'] };
const all = [alpha, beta, gamma];
const adminUrl = process.env['TEST_DATABASE_URL'];

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function freshDatabase(strategy?: ModuleRoleStrategy): Promise<Database> {
  const target = await provisionTestDatabase('platform_db_roles');
  const rolePrefix = `t${randomBytes(4).toString('hex')}_`;
  const database = await openDatabase({ url: target.url, rolePrefix, ...(strategy ? { moduleRoleStrategy: strategy } : {}) });
  cleanups.push(() => dropRoles(rolePrefix), target.drop, () => database.close());
  return database;
}

async function dropRoles(prefix: string) {
  if (!adminUrl) return;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const roles = await admin<{ rolname: string }[]>`select rolname from pg_roles where rolname like ${`${prefix}%`}`;
    for (const { rolname } of roles) await admin.unsafe(`drop role "${rolname}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

async function migrated(strategy?: ModuleRoleStrategy): Promise<Database> {
  const database = await freshDatabase(strategy);
  await setupDatabase(database, all);
  await runMigrations(database, all);
  return database;
}

const failure = async (work: Promise<unknown>): Promise<string> => {
  try {
    await work;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return `${(error as Error).message} ${cause?.message ?? ''}`;
  }
  return 'no error';
};

describe('setupDatabase', () => {
  it('creates an owner and a runtime role per module and a reporting role, all unable to log in', async () => {
    const database = await freshDatabase();
    const { changes } = await setupDatabase(database, all);
    const roles = await database.rows<{ rolname: string; rolcanlogin: boolean }>(
      sql`select rolname, rolcanlogin from pg_roles where rolname like ${`${database.rolePrefix}%`} order by 1`,
    );
    const expected = [...all.flatMap((m) => Object.values(moduleRoles(m.name, database.rolePrefix))), reportingRole(database.rolePrefix)].sort();
    expect(roles.map((r) => r.rolname)).toEqual(expected);
    expect(roles.every((r) => !r.rolcanlogin)).toBe(true);
    expect(changes.length).toBeGreaterThan(0);
  });

  it('is idempotent: a second run, before or after migrations, changes nothing', async () => {
    const database = await freshDatabase();
    await setupDatabase(database, all);
    expect((await setupDatabase(database, all)).changes).toEqual([]);
    await runMigrations(database, all);
    const before = await catalogSnapshot(database);
    expect((await setupDatabase(database, all)).changes).toEqual([]);
    expect(await catalogSnapshot(database)).toEqual(before);
  });

  it('adopts a database migrated before module roles existed: the owner role takes over schema and history', async () => {
    const database = await freshDatabase();
    // The pre-roles way: migrated as the login, so the login owns everything.
    const [login] = await database.rows<{ name: string }>(sql`select current_user as name`);
    await database.migrate({ migrationsFolder: gamma.migrationsFolder, migrationsTable: '__migrations_gamma', migrationsSchema: 'drizzle', role: login?.name ?? '' });
    await setupDatabase(database, all);
    const { owner, runtime } = moduleRoles('gamma', database.rolePrefix);
    const owners = await database.rows<{ name: string; owner: string }>(sql`
      select c.oid::regclass::text as name, pg_get_userbyid(c.relowner) as owner from pg_class c
       where c.oid in ('gamma.sales'::regclass, 'gamma.sales_id_seq'::regclass, 'gamma.sales_totals'::regclass, 'drizzle.__migrations_gamma'::regclass)
       order by 1`);
    expect(owners.every((o) => o.owner === owner)).toBe(true);
    await runMigrations(database, all);
    await database.forRole(runtime).execute(sql`insert into gamma.sales (amount_cents) values (5)`);
    expect(await database.forRole(runtime).execute(sql`select amount_cents from gamma.sales`)).toBeTruthy();
  });

  it('refuses to migrate before the roles exist, and says to run db:setup', async () => {
    const database = await freshDatabase();
    await expect(runMigrations(database, [alpha])).rejects.toThrow(/role .* does not exist; run `pnpm db:setup`/);
  });
});

describe.runIf(!adminUrl)('on PGlite', () => {
  // Why PGlite migrates as the login: if this starts passing, PGlite can grant CREATE on its
  // database and runMigrations can migrate as the owner role there too.
  it('any GRANT on the database fails, so owner roles cannot be given CREATE on it', async () => {
    const database = await freshDatabase();
    await setupDatabase(database, [alpha]);
    expect(await failure(database.db.execute(sql.raw(`grant create on database template1 to "${moduleRoles('alpha', database.rolePrefix).owner}"`)))).toMatch(
      /tuple concurrently deleted/,
    );
  });

  it('hands what the login migrated to the owner role, so the end state matches PostgreSQL', async () => {
    const database = await migrated();
    const owners = await database.rows<{ owner: string }>(sql`
      select distinct pg_get_userbyid(c.relowner) as owner from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'gamma'`);
    expect(owners).toEqual([{ owner: moduleRoles('gamma', database.rolePrefix).owner }]);
  });
});

describe.each<ModuleRoleStrategy | undefined>([undefined, 'set-local-role'])('module roles (%s)', (strategy) => {
  it("runs a module's statements, and its transactions, as the module's runtime role", async () => {
    const database = await migrated(strategy);
    const { runtime } = moduleRoles('alpha', database.rolePrefix);
    const [row] = rowsOf<{ name: string }>(await database.forModule('alpha').execute(sql`select current_user as name`));
    expect(row?.name).toBe(runtime);
    const inTransaction = await database.forModule('alpha').transaction(async (tx) => {
      await tx.execute(sql`insert into alpha.things (id) values (1)`);
      return tx.execute(sql`select current_user as name`);
    });
    expect(JSON.stringify(inTransaction)).toContain(runtime);
  });

  it("a module's role cannot read, write or reference another module's tables", async () => {
    const database = await migrated(strategy);
    const beta = database.forModule('beta');
    expect(await failure(beta.execute(sql`select * from alpha.things`))).toMatch(/permission denied for schema alpha/);
    expect(await failure(beta.execute(sql`insert into alpha.things (id) values (2)`))).toMatch(/permission denied for schema alpha/);
    const betaOwner = database.forRole(moduleRoles('beta', database.rolePrefix).owner);
    expect(await failure(betaOwner.execute(sql`create table beta.links (thing integer references alpha.things (id))`))).toMatch(
      /permission denied for schema alpha/,
    );
  });

  it('the runtime role cannot change its own schema; only the owner can', async () => {
    const database = await migrated(strategy);
    expect(await failure(database.forModule('alpha').execute(sql`create table alpha.sneaky (id int)`))).toMatch(/permission denied for schema alpha/);
    expect(await failure(database.forModule('alpha').execute(sql`drop table alpha.things`))).toMatch(/must be owner of table things/);
  });

  it('the reporting role reads published views only, never raw tables', async () => {
    const database = await migrated(strategy);
    await database.forModule('gamma').execute(sql`insert into gamma.sales (amount_cents, secret) values (250, 'x'), (750, 'y')`);
    const reporting = database.forRole(reportingRole(database.rolePrefix));
    expect(JSON.stringify(await reporting.execute(sql`select * from gamma.sales_totals`))).toContain('1000');
    expect(await failure(reporting.execute(sql`select * from gamma.sales`))).toMatch(/permission denied for table sales/);
    expect(await failure(reporting.execute(sql`select * from alpha.things`))).toMatch(/permission denied for schema alpha/);
    expect(await failure(reporting.execute(sql`insert into gamma.sales (amount_cents) values (1)`))).toMatch(/permission denied for table sales/);
  });
});
