import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { customersModule } from '@shop/customers/module';
import { openDatabase, runMigrations, setupDatabase, type Database } from '@shop/platform-db';
import { Dispatcher } from '@shop/platform-events';
import { composeModules, moduleMigrationsOf } from '@shop/platform-host';
import { createLogger } from '@shop/platform-logging';
import { provisionTestDatabase, type TestDatabaseTarget } from '@shop/platform-testing';
import { exportModule } from '../src/export-module.js';

/**
 * The data exit ramp: one module's export restores into an empty database where the module
 * works, keeps its data and its migration history, and passes its own integration suite.
 * PostgreSQL only (pg_dump).
 */
const adminUrl = process.env['TEST_DATABASE_URL'];
const logger = createLogger({ level: 'silent' });
const customersMigrations = moduleMigrationsOf(customersModule);
/** The customers API on `database`, as its own role, as a host composes it. */
const customersOn = (database: Database) =>
  composeModules({ modules: [customersModule], database, logger, events: new Dispatcher({ database, logger, publishers: [] }) }).apiOf(customersModule);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function open(label: string): Promise<{ target: TestDatabaseTarget; database: Database }> {
  const target = await provisionTestDatabase(label);
  const database = await openDatabase({ url: target.url });
  cleanups.push(target.drop, () => database.close());
  return { target, database };
}

describe.runIf(adminUrl)('pnpm db:export <module>', () => {
  it('restores customers into an empty database: tables, data and history, then migrations are a no-op and its suite passes', async () => {
    const source = await open('export_source');
    await setupDatabase(source.database, [customersMigrations]);
    await runMigrations(source.database, [customersMigrations]);
    const before = customersOn(source.database);
    const registered = await before.register({ email: 'exported@example.com', name: 'Exported' });
    if (!registered.ok) throw new Error('registration failed');

    const dump = exportModule(source.target.url ?? '', 'customers');
    expect(dump).toContain('CREATE TABLE customers.customers');
    expect(dump).not.toMatch(/OWNER TO|GRANT /);

    const restored = await open('export_restored');
    execFileSync('psql', ['-v', 'ON_ERROR_STOP=1', '-q', '-d', restored.target.url ?? '', '-f', '-'], { input: dump, stdio: ['pipe', 'ignore', 'pipe'] });
    const history = async () => (await restored.database.rows<{ n: number }>(sql`select count(*)::int as n from drizzle.__migrations_customers`))[0]?.n;
    const migrationsBefore = await history();
    expect(migrationsBefore).toBeGreaterThan(0);

    await setupDatabase(restored.database, [customersMigrations]);
    await runMigrations(restored.database, [customersMigrations]);
    expect(await history()).toBe(migrationsBefore);

    const after = customersOn(restored.database);
    expect(await after.get({ id: registered.customer.id })).toEqual(registered.customer);
    expect((await after.register({ email: 'exported@example.com', name: 'Again' })).ok).toBe(false);
    expect((await after.register({ email: 'new@example.com', name: 'New' })).ok).toBe(true);

    // The module's own integration suite, pointed at the restored database.
    const suite = spawnSync('pnpm', ['exec', 'vitest', 'run', 'test/'], {
      cwd: fileURLToPath(new URL('../../../packages/customers', import.meta.url)),
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CUSTOMERS_TEST_DATABASE_URL: restored.target.url ?? '' },
      encoding: 'utf8',
    });
    expect(suite.status, `${suite.stdout}\n${suite.stderr}`).toBe(0);
    expect(stripVTControlCharacters(suite.stdout)).toMatch(/Tests\s+(\d+) passed \(\1\)/);
  }, 120_000);
});
