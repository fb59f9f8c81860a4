import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { provisionTestDatabase, type TestDatabaseTarget } from '@shop/platform-testing';
import { openDatabase, runMigrations, setupDatabase, type Database, type ModuleMigrations } from '../src/index.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
// beta's only migration is OLDER than alpha's: a shared history table would skip it.
const alpha: ModuleMigrations = { name: 'alpha', migrationsFolder: path.join(fixtures, 'alpha') };
const beta: ModuleMigrations = { name: 'beta', migrationsFolder: path.join(fixtures, 'beta'), dependsOn: ['alpha'] };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function freshDatabase(): Promise<{ database: Database; target: TestDatabaseTarget }> {
  const target = await provisionTestDatabase('platform_db');
  const database = await openDatabase({ url: target.url });
  cleanups.push(target.drop, () => database.close());
  await setupDatabase(database, [alpha, beta]);
  return { database, target };
}

/** A PGlite data directory path in a fresh temporary folder, removed after the test. */
function temporaryDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pglite-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'pglite');
}

async function tablesIn(database: Database, schema: string): Promise<string[]> {
  const rows = await database.rows<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = ${schema} order by table_name`,
  );
  return rows.map((r) => r.table_name);
}

describe('runMigrations', () => {
  it("applies every module's migrations, each tracked in its own history table outside the module schema", async () => {
    const { database } = await freshDatabase();
    const progress: string[] = [];
    await runMigrations(database, [beta, alpha], (name) => progress.push(name));
    expect(progress).toEqual(['alpha', 'beta']);
    expect(await tablesIn(database, 'alpha')).toEqual(['things']);
    expect(await tablesIn(database, 'beta')).toEqual(['items']);
    expect(await tablesIn(database, 'drizzle')).toEqual(['__migrations_alpha', '__migrations_beta']);
  });

  it('is a no-op when run again', async () => {
    const { database } = await freshDatabase();
    await runMigrations(database, [alpha, beta]);
    await runMigrations(database, [alpha, beta]);
    const rows = await database.rows<{ n: number }>(sql`select count(*)::int as n from drizzle.__migrations_beta`);
    expect(rows[0]?.n).toBe(1);
  });

  it.runIf(process.env['TEST_DATABASE_URL'])('lets two processes migrate one database at once (advisory lock)', async () => {
    const { target } = await freshDatabase();
    const first = await openDatabase({ url: target.url });
    const second = await openDatabase({ url: target.url });
    cleanups.push(() => first.close(), () => second.close());
    await Promise.all([runMigrations(first, [alpha, beta]), runMigrations(second, [alpha, beta])]);
    expect(await tablesIn(first, 'beta')).toEqual(['items']);
  });
});

// On-disk PGlite starts a WASM Postgres per open (seconds each on a loaded 2-core machine).
describe('embedded PGlite data directory', { timeout: 120_000 }, () => {
  it('persists to disk and refuses a second opener while the first holds the lock', async () => {
    const dataDir = temporaryDataDir();

    const first = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by another process/);
    await setupDatabase(first, [alpha]);
    await runMigrations(first, [alpha]);
    await first.close();

    const reopened = await openDatabase({ dataDir });
    cleanups.push(() => reopened.close());
    expect(await tablesIn(reopened, 'alpha')).toEqual(['things']);
    // On-disk PGlite start-up (initdb in WASM) takes many seconds when every suite runs at once.
  }, 60_000);

  it('takes over a lock whose owner died (kill -9 leaves the lock file behind)', async () => {
    const dataDir = temporaryDataDir();
    // A pid that cannot be alive: beyond the kernel's pid_max (4194304 at most).
    writeFileSync(`${dataDir}.lock`, '99999999');
    const database = await openDatabase({ dataDir });
    cleanups.push(() => database.close());
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
  });
});
