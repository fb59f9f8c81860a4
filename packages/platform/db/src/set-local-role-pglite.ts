import type { PGlite, Transaction } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { Db } from './database.js';
import { quoteIdent } from './quote-ident.js';

/**
 * A drizzle handle over PGlite whose every statement runs as `role`. PGlite has one connection,
 * so a role cannot be fixed at login: each statement (or drizzle transaction) runs in a
 * transaction that starts with `SET LOCAL ROLE`, which ends with it. PGlite serialises
 * transactions, so no other statement can observe the role.
 */
export function setLocalRolePglite(client: PGlite, role: string): Db {
  const setRole = `set local role ${quoteIdent(role)}`;
  const scoped = {
    query: (query: string, params?: unknown[], options?: object) =>
      client.transaction(async (tx) => {
        await tx.query(setRole);
        return tx.query(query, params, options);
      }),
    transaction: <T>(work: (tx: Transaction) => Promise<T>) =>
      client.transaction(async (tx) => {
        await tx.query(setRole);
        return work(tx);
      }),
  };
  // drizzle's PGlite session uses exactly `query` and `transaction` of its client.
  return drizzle({ client: scoped as unknown as PGlite });
}
