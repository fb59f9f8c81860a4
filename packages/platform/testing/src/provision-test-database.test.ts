import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { provisionTestDatabase } from './provision-test-database.js';

describe('provisionTestDatabase', () => {
  it('falls back to embedded PGlite (no url) when no server is configured', async () => {
    const target = await provisionTestDatabase('fallback', null);
    expect(target.url).toBeUndefined();
    await target.drop();
  });

  const adminUrl = process.env['TEST_DATABASE_URL'];
  it.runIf(adminUrl)('creates a new empty database per call and drops it', async () => {
    const [a, b] = await Promise.all([provisionTestDatabase('Some Suite!', adminUrl), provisionTestDatabase('Some Suite!', adminUrl)]);
    expect(a.url).not.toEqual(b.url);
    const name = new URL(a.url ?? '').pathname.slice(1);
    expect(name).toMatch(/^test_some_suite_[0-9a-f]{10}$/);
    const admin = postgres(adminUrl ?? '', { max: 1 });
    try {
      const exists = async () => (await admin`select 1 from pg_database where datname = ${name}`).length === 1;
      expect(await exists()).toBe(true);
      await a.drop();
      await b.drop();
      expect(await exists()).toBe(false);
    } finally {
      await admin.end();
    }
  });
});
