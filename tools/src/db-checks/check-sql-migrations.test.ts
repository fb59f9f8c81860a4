import { describe, expect, it } from 'vitest';
import { checkSqlMigration } from './check-sql-migrations.js';

const check = (sql: string) => checkSqlMigration(sql, 'packages/orders/drizzle/0001_x.sql', 'orders', ['orders', 'customers', 'billing']);
const rules = (sql: string) => check(sql).map((f) => `${f.rule}@${f.line}`);

describe('checkSqlMigration', () => {
  it('accepts a drizzle-kit migration that stays in its own schema', () => {
    expect(
      check(`CREATE SCHEMA "orders";
--> statement-breakpoint
CREATE TABLE "orders"."orders" ("id" uuid PRIMARY KEY, "customer_id" uuid NOT NULL);
--> statement-breakpoint
CREATE UNIQUE INDEX "orders_x_key" ON "orders"."orders" USING btree ("customer_id");
--> statement-breakpoint
ALTER TABLE "orders"."items" ADD CONSTRAINT "items_order_fk" FOREIGN KEY ("order_id") REFERENCES "orders"."orders"("id");
--> statement-breakpoint
CREATE VIEW orders.totals AS SELECT o.id FROM orders.orders o JOIN orders.items i ON i.order_id = o.id;`),
    ).toEqual([]);
  });

  it('finds a REFERENCES into another module, on its line', () => {
    expect(rules(`CREATE TABLE "orders"."orders" (\n  "id" uuid PRIMARY KEY,\n  "customer_id" uuid REFERENCES "customers"."customers"("id")\n);`)).toEqual([
      'db/cross-module-sql-in-migration@3',
    ]);
  });

  it('finds JOIN, VIEW, FUNCTION, TRIGGER, GRANT and ALTER naming another module, whatever the quoting or case', () => {
    const findings = check(`CREATE VIEW "orders"."v" AS SELECT 1 FROM orders.orders o JOIN Customers.customers c ON true;
CREATE FUNCTION "orders"."f"() RETURNS int AS $$ SELECT count(*) FROM billing.charges; $$ LANGUAGE sql;
CREATE TRIGGER t AFTER INSERT ON "customers"."customers" FOR EACH ROW EXECUTE FUNCTION orders.f();
GRANT SELECT ON "billing"."charges" TO someone;
ALTER TABLE "customers"."customers" ADD COLUMN x int;`);
    expect(findings.filter((f) => f.rule === 'db/cross-module-sql-in-migration').map((f) => f.line)).toEqual([1, 2, 3, 4, 5]);
    expect(findings[0]?.message).toBe('Migration of module "orders" names schema "customers" of another module (JOIN).');
    expect(findings.filter((f) => f.rule === 'db/ddl-outside-module-schema').map((f) => f.line)).toEqual([3, 5]);
  });

  it('finds DDL outside the module schema: unqualified, another schema, database-wide objects', () => {
    const findings = check(`CREATE TABLE things (id int);
CREATE TABLE "public"."things" (id int);
CREATE SCHEMA "reports";
CREATE EXTENSION IF NOT EXISTS pgcrypto;
DROP TABLE IF EXISTS "drizzle"."x";
CREATE INDEX i ON things (id);`);
    expect(findings.map((f) => `${f.rule}@${f.line}`)).toEqual([1, 2, 3, 4, 5, 6].map((l) => `db/ddl-outside-module-schema@${l}`));
    expect(findings[0]?.message).toMatch(/CREATE table "things" is not qualified with schema "orders"/);
    expect(findings[3]?.message).toMatch(/database-wide object/);
    for (const finding of findings) {
      expect(finding.why.length).toBeGreaterThan(20);
      expect(finding.fix.length).toBeGreaterThan(20);
    }
  });

  it('ignores comments and string literals that merely mention another module', () => {
    expect(check(`-- copied from customers.customers\nINSERT INTO "orders"."notes" (body) VALUES ('see customers.customers');`)).toEqual([]);
  });
});
