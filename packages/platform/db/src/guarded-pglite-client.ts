import type { PGlite, Transaction } from '@electric-sql/pglite';
import { boundByDeadline, type PoolGate } from './pool-gate.js';

/**
 * PGlite as drizzle (and `setLocalRolePglite`) see it, behind a `PoolGate`: PGlite runs one
 * statement at a time, so under load work queues inside it; the gate bounds that queue and the
 * wait, as for PostgreSQL, and "PGlite is closed" becomes `DependencyUnavailableError`.
 * Drizzle's PGlite session uses exactly `query` and `transaction`.
 */
export function guardPgliteClient(client: PGlite, gate: PoolGate): PGlite {
  const boundTransaction = (tx: Transaction): Transaction =>
    ({
      query: (query: string, params?: unknown[], options?: object) => boundByDeadline(tx.query(query, params, options)),
    }) as unknown as Transaction;
  const guarded = {
    query: (query: string, params?: unknown[], options?: object) => gate.run(() => client.query(query, params, options)),
    transaction: <T>(work: (tx: Transaction) => Promise<T>) => gate.run(() => client.transaction((tx) => work(boundTransaction(tx)))),
  };
  return guarded as unknown as PGlite;
}
