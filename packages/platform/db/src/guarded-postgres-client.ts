import type { Sql, TransactionSql } from 'postgres';
import { boundByDeadline, type PoolGate } from './pool-gate.js';

type Query = PromiseLike<unknown> & { values(): PromiseLike<unknown> };

/** A statement drizzle may await directly or as `.values()`, started only then, as postgres.js does. */
function lazyStatement(run: (values: boolean) => Promise<unknown>) {
  return {
    then: <A, B>(resolve: (rows: unknown) => A, reject: (error: unknown) => B) => run(false).then(resolve, reject),
    values: () => run(true),
  };
}

/** A transaction's (or savepoint's) handle whose statements stop being waited for at the deadline. */
function deadlineBoundTransaction(tx: TransactionSql): TransactionSql {
  const bound = {
    unsafe: (query: string, params?: unknown[], options?: object) =>
      lazyStatement((values) => {
        const statement = tx.unsafe(query, params as never[], options) as unknown as Query;
        return boundByDeadline(Promise.resolve(values ? statement.values() : statement));
      }),
    savepoint: <T>(work: (inner: TransactionSql) => Promise<T>) =>
      boundByDeadline(Promise.resolve(tx.savepoint((inner: TransactionSql) => work(deadlineBoundTransaction(inner))) as PromiseLike<T>)),
  };
  return bound as unknown as TransactionSql;
}

/**
 * The postgres.js pool as drizzle (and `setLocalRolePostgres`) see it, behind a `PoolGate`: every
 * statement and every transaction waits for a connection slot within the deadline, is waited for
 * no longer than the deadline, and fails with `DependencyUnavailableError` when the database is
 * unreachable. Inside a transaction, each statement is bound by the deadline too, so a request
 * that ran out of time rolls back instead of committing after its caller got a 503.
 * Drizzle uses `options`, `unsafe(…)` (awaited or `.values()`) and `begin`.
 */
export function guardPostgresClient(pool: Sql, gate: PoolGate): Sql {
  const guarded = {
    options: pool.options,
    unsafe: (query: string, params?: unknown[], options?: object) =>
      lazyStatement((values) =>
        gate.run(() => {
          const statement = pool.unsafe(query, params as never[], options) as unknown as Query;
          return values ? statement.values() : statement;
        }),
      ),
    begin: <T>(work: (tx: TransactionSql) => Promise<T>) =>
      gate.run(() => pool.begin((tx: TransactionSql) => work(deadlineBoundTransaction(tx))) as PromiseLike<T>),
  };
  return guarded as unknown as Sql;
}
