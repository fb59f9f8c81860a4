import { describe, expect, it } from 'vitest';
import { checkSourceSql } from './check-source-sql.js';

const check = (text: string) =>
  checkSourceSql({ file: 'packages/orders/src/internal/repo.ts', text }, 'orders', ['orders', 'customers']).map((f) => `${f.line}: ${f.message}`);

describe('checkSourceSql', () => {
  it('accepts SQL on the own schema and strings that are not SQL', () => {
    expect(
      check(`const a = sql\`select * from orders.orders where id = \${id}\`;
const type = 'customers.registered';
const message = \`customer \${id} not found\`;`),
    ).toEqual([]);
  });

  it('finds drizzle sql templates, raw SQL strings and sql.identifier naming another module', () => {
    expect(
      check(`const a = sql\`select * from orders.orders o
  join "customers"."customers" c on c.id = o.customer_id\`;
await client.unsafe('delete from customers.customers');
const t = sql.identifier('customers');`),
    ).toEqual([
      '2: A drizzle sql template in module "orders" names schema "customers" of another module.',
      '3: A raw SQL string in module "orders" names schema "customers" of another module.',
      '4: sql.identifier() in module "orders" names schema "customers" of another module.',
    ]);
  });

  it.each([
    ['sql imported under another name', "import { sql as q } from 'drizzle-orm';\nconst a = q`select * from customers.customers`;"],
    ['a namespace import', "import * as orm from 'drizzle-orm';\nconst a = orm.sql`select * from customers.customers`;"],
    ['destructured from a dynamic import', "const { sql: raw } = await import('drizzle-orm');\nconst a = raw`select * from customers.customers`;"],
    ['an alias of the import', "import { sql } from 'drizzle-orm';\nconst query = sql;\nconst a = query`select * from customers.customers`;"],
    ['sql.identifier under another name', "import { sql as q } from 'drizzle-orm';\nconst a = q.identifier('customers');"],
  ])('finds the same cross-module query spelled with %s', (_spelling, source) => {
    expect(check(source)).toHaveLength(1);
  });
});
