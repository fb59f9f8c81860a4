import { drizzle } from 'drizzle-orm/postgres-js';
import type { Sql, TransactionSql } from 'postgres';
import type { Db } from './database.js';
import { quoteIdent } from './quote-ident.js';

/**
 * A drizzle handle over a shared postgres.js pool whose every statement runs as `role`: each
 * statement becomes `BEGIN; SET LOCAL ROLE …; <statement>; COMMIT`, and a drizzle transaction
 * starts with `SET LOCAL ROLE`. This is the "one shared pool" strategy, measured against a pool
 * per module in `apps/monolith/bench/module-role-cost.ts`; it costs three extra round trips per
 * statement, which is why a pool per module (`connection: { role }`) is the default.
 */
export function setLocalRolePostgres(client: Sql, role: string): Db {
  const setRole = `set local role ${quoteIdent(role)}`;
  const run = (query: string, params: unknown[] | undefined, options: object | undefined, values: boolean) =>
    client.begin(async (tx: TransactionSql) => {
      await tx.unsafe(setRole);
      const pending = tx.unsafe(query, params as never[], options);
      return values ? await pending.values() : await pending;
    });
  const scoped = {
    options: client.options,
    unsafe: (query: string, params?: unknown[], options?: object) => ({
      then: (resolve: (rows: unknown) => unknown, reject: (error: unknown) => unknown) => run(query, params, options, false).then(resolve, reject),
      values: () => run(query, params, options, true),
    }),
    begin: <T>(work: (tx: TransactionSql) => Promise<T>) =>
      client.begin(async (tx: TransactionSql) => {
        await tx.unsafe(setRole);
        return work(tx);
      }),
  };
  // drizzle's postgres.js session uses `options`, `unsafe(...)` (awaited or `.values()`) and `begin`.
  return drizzle({ client: scoped as unknown as Sql });
}
