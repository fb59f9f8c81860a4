import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export interface TestDatabaseTarget {
  /** URL of a brand-new, empty PostgreSQL database; `undefined` means "use in-memory PGlite". */
  url: string | undefined;
  /** Drops the database (no-op for PGlite). Close your connections first. */
  drop(): Promise<void>;
}

/**
 * Gives a test suite a database of its own, so suites run in parallel without sharing state:
 * a new database on the server named by `TEST_DATABASE_URL` when it is set, otherwise nothing
 * (the caller opens in-memory PGlite).
 */
export async function provisionTestDatabase(
  label: string,
  /** Server to create the database on; `null` forces PGlite. Defaults to `TEST_DATABASE_URL`. */
  adminUrl: string | null | undefined = process.env['TEST_DATABASE_URL'],
): Promise<TestDatabaseTarget> {
  if (!adminUrl) return { url: undefined, drop: async () => {} };
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  const name = `test_${slug}_${randomBytes(5).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await cleanup.end({ timeout: 5 });
      }
    },
  };
}
