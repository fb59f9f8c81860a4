import { and, eq, sql } from 'drizzle-orm';
import { integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTestDatabase, type TestDatabaseTarget } from '@shop/platform-testing';
import { keysetPage, openDatabase, type Database } from '../src/index.js';

const schema = pgSchema('keyset_test');
const rows = schema.table('rows', {
  id: uuid('id').primaryKey(),
  at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  position: integer('position').notNull(),
  kind: text('kind').notNull(),
});

let target: TestDatabaseTarget;
let database: Database;
beforeAll(async () => {
  target = await provisionTestDatabase('platform_db_keyset');
  database = await openDatabase({ url: target.url });
  await database.rows(sql`create schema keyset_test`);
  await database.rows(sql`create table keyset_test.rows (id uuid primary key, at timestamptz(3) not null, position int not null, kind text not null)`);
  // 25 rows, five per instant, so the id has to break ties; every third is of another kind.
  const values = Array.from({ length: 25 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(100 - i).padStart(12, '0')}`,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, Math.floor(i / 5))),
    position: i + 1,
    kind: i % 3 === 0 ? 'other' : 'kept',
  }));
  await database.db.insert(rows).values(values);
});
afterAll(async () => {
  await database?.close();
  await target?.drop();
});

type Row = typeof rows.$inferSelect;
const page = (after: [Date, string] | null, limit: number) =>
  keysetPage<Row, [Date, string]>({
    keys: [rows.at, rows.id],
    after,
    limit,
    query: ({ where, orderBy, limit: n }) => database.db.select().from(rows).where(and(eq(rows.kind, 'kept'), where)).orderBy(...orderBy).limit(n),
    keyOf: (row) => [row.at, row.id],
  });

describe('keysetPage', () => {
  it('visits every row of the filter exactly once, in (at, id) order, ending with next = null', async () => {
    const seen: Row[] = [];
    let after: [Date, string] | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const result: { items: Row[]; next: [Date, string] | null } = await page(after, 4);
      expect(result.items.length).toBeLessThanOrEqual(4);
      seen.push(...result.items);
      if (!result.next) break;
      after = result.next;
    }
    const expected = (await database.db.select().from(rows).where(eq(rows.kind, 'kept'))).sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
    expect(seen.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });

  it('answers an exact last page with next = null, and one key works as well as two', async () => {
    const all = await page(null, 100);
    expect(all.next).toBeNull();
    const single = await keysetPage<Row, [number]>({
      keys: [rows.position],
      after: [20],
      limit: 10,
      query: ({ where, orderBy, limit }) => database.db.select().from(rows).where(where).orderBy(...orderBy).limit(limit),
      keyOf: (row) => [row.position],
    });
    expect(single.items.map((r) => r.position)).toEqual([21, 22, 23, 24, 25]);
    expect(single.next).toBeNull();
  });
});
