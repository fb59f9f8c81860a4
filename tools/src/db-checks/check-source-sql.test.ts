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
});
