import { describe, expect, it } from 'vitest';
import { checkDrizzleSchema } from './check-drizzle-schema.js';

const file = (text: string, name = 'packages/orders/src/internal/schema.ts') => ({ file: name, text });
const OWN = `import { pgSchema, uuid, integer, foreignKey } from 'drizzle-orm/pg-core';
export const ordersSchema = pgSchema('orders');
export const orders = ordersSchema.table('orders', { id: uuid('id').primaryKey(), customerId: uuid('customer_id').notNull() });
export const items = ordersSchema.table('items', {
  id: uuid('id').primaryKey(),
  orderId: uuid('order_id').notNull().references(() => orders.id),
});
`;

describe('checkDrizzleSchema', () => {
  it("accepts tables on the module's own pgSchema referencing each other, across files", () => {
    const other = file(`import { ordersSchema, orders } from './schema.js';\nexport const notes = ordersSchema.table('notes', { o: uuid('o').references((): AnyPgColumn => orders.id) });`, 'packages/orders/src/internal/notes.ts');
    expect(checkDrizzleSchema([file(OWN), other], 'orders')).toEqual([]);
  });

  it('follows pgSchema(moduleName) to the constant the module declares once, through an import renaming it', () => {
    const name = file(`export const moduleName = 'orders';\n`, 'packages/orders/src/module-name.ts');
    const schema = file(`import { moduleName as own } from '../module-name.js';\nexport const ordersSchema = pgSchema(own);\nexport const orders = ordersSchema.table('orders', { id: uuid('id') });\nexport const lines = ordersSchema.table('lines', { o: uuid('o').references(() => orders.id) });\n`);
    expect(checkDrizzleSchema([name, schema], 'orders')).toEqual([]);
    const wrong = file(`export const moduleName = 'customers';\n`, 'packages/orders/src/module-name.ts');
    expect(checkDrizzleSchema([wrong, schema], 'orders').map((f) => f.message)).toContain(
      `pgSchema('customers') in module "orders": its objects must live in pgSchema('orders').`,
    );
    const computed = file(`export const s = pgSchema(\`ord\${'ers'}\`);\n`);
    expect(checkDrizzleSchema([computed], 'orders').map((f) => f.message)).toEqual([
      `pgSchema(<not a string literal>) in module "orders": its objects must live in pgSchema('orders').`,
    ]);
  });

  it('finds a table in the public schema or in another module pgSchema, on its line', () => {
    const findings = checkDrizzleSchema(
      [file(`${OWN}export const loose = pgTable('loose', {});\nconst theirs = pgSchema('customers');\nexport const e = pgEnum('status', ['a']);\n`)],
      'orders',
    );
    expect(findings.map((f) => `${f.rule}@${f.line}`)).toEqual([
      'db/table-outside-module-schema@8',
      'db/table-outside-module-schema@9',
      'db/table-outside-module-schema@10',
    ]);
    expect(findings[1]?.message).toBe(`pgSchema('customers') in module "orders": its objects must live in pgSchema('orders').`);
  });

  it('finds .references() and foreignKey() pointing at a table that is not on the own schema', () => {
    const findings = checkDrizzleSchema(
      [
        file(`${OWN}import { customers } from '@shop/customers-tables';
export const bad = ordersSchema.table('bad', {
  customerId: uuid('customer_id').references(() => customers.id),
}, (t) => [foreignKey({ columns: [t.customerId], foreignColumns: [customers.id] })]);
`),
      ],
      'orders',
    );
    expect(findings.map((f) => `${f.rule}@${f.line}`)).toEqual(['db/cross-module-reference@10', 'db/cross-module-reference@11']);
    expect(findings[0]?.message).toMatch(/points at "customers.id", which is not a table of pgSchema\('orders'\)/);
  });

  it.each([
    ['pgTable under another name', "import { pgTable as table } from 'drizzle-orm/pg-core';\nexport const loose = table('loose', {});"],
    ['a namespace import', "import * as core from 'drizzle-orm/pg-core';\nexport const loose = core.pgTable('loose', {});"],
    ['another module pgSchema under another name', "import { pgSchema as schema } from 'drizzle-orm/pg-core';\nexport const theirs = schema('customers');"],
    ['a destructured require', "const { pgEnum: e } = require('drizzle-orm/pg-core');\nexport const status = e('status', ['a']);"],
  ])('finds a table outside the module schema declared with %s', (_spelling, source) => {
    expect(checkDrizzleSchema([file(source)], 'orders').map((f) => f.rule)).toEqual(['db/table-outside-module-schema']);
  });

  it('finds a foreignKey() into another module under another name', () => {
    const source = `${OWN}import { foreignKey as fk } from 'drizzle-orm/pg-core';\nexport const bad = ordersSchema.table('bad', { c: uuid('c') }, (t) => [fk({ columns: [t.c], foreignColumns: [customers.id] })]);\n`;
    expect(checkDrizzleSchema([file(source)], 'orders').map((f) => f.rule)).toEqual(['db/cross-module-reference']);
  });
});
