import { describe, expect, it } from 'vitest';
import { analyseMigration, createdTables, isWidening, type Baseline } from './analyse-migration.js';

/** The orders module with two migrations on main: orders.orders (with a varchar and an integer column) and orders.outbox. */
const baseline: Baseline = {
  tables: new Set(['orders.orders', 'orders.outbox']),
  migrations: new Set(['0000_init', '0001_outbox']),
  columnTypes: new Map([['orders.orders', new Map([['note', 'varchar(40)'], ['total_cents', 'integer'], ['status', 'text']])]]),
};
const hazards = (sql: string) => analyseMigration(sql, 'orders', baseline).map((f) => `${f.hazard}@${f.line}`);

describe('analyseMigration', () => {
  it.each([
    ['drop a table', 'DROP TABLE "orders"."outbox";', 'migration/drop-table'],
    ['drop a table, unqualified and lower case', 'drop table if exists outbox cascade;', 'migration/drop-table'],
    ['drop a column', 'ALTER TABLE "orders"."orders" DROP COLUMN "status";', 'migration/drop-column'],
    ['drop a column among other actions', 'ALTER TABLE orders.orders ADD COLUMN x text, DROP status;', 'migration/drop-column'],
    ['rename a column', 'ALTER TABLE "orders"."orders" RENAME COLUMN "status" TO "state";', 'migration/rename'],
    ['rename a table', 'ALTER TABLE "orders"."orders" RENAME TO "purchases";', 'migration/rename'],
    ['narrow a varchar', 'ALTER TABLE "orders"."orders" ALTER COLUMN "note" SET DATA TYPE varchar(20);', 'migration/type-change'],
    ['narrow an integer', 'ALTER TABLE orders.orders ALTER total_cents TYPE smallint USING total_cents::smallint;', 'migration/type-change'],
    ['change a type the snapshot does not know', 'ALTER TABLE "orders"."orders" ALTER COLUMN "mystery" TYPE integer;', 'migration/type-change'],
    ['SET NOT NULL', 'ALTER TABLE "orders"."orders" ALTER COLUMN "status" SET NOT NULL;', 'migration/not-null'],
    ['add a NOT NULL column without a default', 'ALTER TABLE "orders"."orders" ADD COLUMN "region" text NOT NULL;', 'migration/not-null'],
    ['build an index without CONCURRENTLY', 'CREATE INDEX "orders_status_idx" ON "orders"."orders" USING btree ("status");', 'migration/blocking-index'],
    ['build a unique index, unnamed', 'create unique index on orders.orders (status);', 'migration/blocking-index'],
  ])('flags: %s', (_step, sql, hazard) => {
    expect(hazards(`-- a new migration\n${sql}\n`)).toEqual([`${hazard}@2`]);
  });

  it.each([
    ['a widening of a varchar, and to text', 'ALTER TABLE "orders"."orders" ALTER COLUMN "note" SET DATA TYPE varchar(80);\nALTER TABLE "orders"."orders" ALTER COLUMN "note" TYPE text;'],
    ['a widening of an integer', 'ALTER TABLE "orders"."orders" ALTER COLUMN "total_cents" SET DATA TYPE bigint;'],
    ['a NOT NULL column with a default', `ALTER TABLE "orders"."orders" ADD COLUMN "region" text DEFAULT 'eu' NOT NULL;`],
    ['a nullable column', 'ALTER TABLE "orders"."orders" ADD COLUMN "region" text;'],
    ['a concurrent index', 'CREATE INDEX CONCURRENTLY IF NOT EXISTS "i" ON "orders"."orders" ("status");'],
    ['anything on a table this same migration creates', 'CREATE TABLE "orders"."fresh" ("a" text);\nCREATE INDEX "fresh_a" ON "orders"."fresh" ("a");\nALTER TABLE "orders"."fresh" RENAME COLUMN "a" TO "b";\nDROP TABLE "orders"."fresh";'],
    ['the words in a comment or a string', "-- DROP TABLE orders.orders;\nINSERT INTO orders.outbox (type) VALUES ('ALTER TABLE orders.orders DROP COLUMN status');"],
  ])('accepts %s', (_step, sql) => {
    expect(hazards(sql)).toEqual([]);
  });

  it('accepts drops, type changes and SET NOT NULL in a contract step whose expand migration is on main, never a rename or a blocking index', () => {
    const contract = `-- contract-of: 0001_outbox
ALTER TABLE "orders"."orders" DROP COLUMN "status";
ALTER TABLE "orders"."orders" ALTER COLUMN "note" SET NOT NULL;
DROP TABLE "orders"."outbox";
ALTER TABLE "orders"."orders" RENAME COLUMN "note" TO "remark";
CREATE INDEX "i" ON "orders"."orders" ("note");`;
    expect(hazards(contract)).toEqual(['migration/rename@5', 'migration/blocking-index@6']);
  });

  it('flags a contract step whose expand migration is not on main yet', () => {
    expect(hazards('-- contract-of: 0002_add_state\nALTER TABLE "orders"."orders" DROP COLUMN "status";')).toEqual(['migration/contract-too-early@1', 'migration/drop-column@2']);
  });

  it('says what changed, naming the table and the column', () => {
    expect(analyseMigration('ALTER TABLE "orders"."orders" ALTER COLUMN "note" TYPE varchar(20);', 'orders', baseline)[0]?.message).toBe(
      'note of orders.orders changes type from varchar(40) to varchar(20), not a strict widening.',
    );
  });
});

describe('isWidening and createdTables', () => {
  it('knows the strict widenings', () => {
    expect([isWidening('varchar(10)', 'varchar(11)'), isWidening('character varying(10)', 'text'), isWidening('integer', 'bigint'), isWidening('numeric(10,2)', 'numeric(12,2)')]).toEqual([true, true, true, true]);
    expect([isWidening('text', 'varchar(10)'), isWidening('bigint', 'integer'), isWidening('numeric(10,2)', 'numeric(10,1)'), isWidening('text', 'uuid')]).toEqual([false, false, false, false]);
  });

  it('reads the tables a migration creates, in the module schema when unqualified', () => {
    expect(createdTables('CREATE TABLE "orders"."a" (x int);\n--> statement-breakpoint\ncreate table if not exists b (y int);', 'orders')).toEqual(['orders.a', 'orders.b']);
  });
});
