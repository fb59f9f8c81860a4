import { and, asc, eq, gt, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** What a page query receives: the keyset condition, the ordering and how many rows to read. */
export interface KeysetQuery {
  /** Rows strictly after the position, in key order; undefined on the first page. */
  where: SQL | undefined;
  orderBy: SQL[];
  /** One more than the page size, so the helper can tell whether another page follows. */
  limit: number;
}

export interface KeysetPageOptions<Row, V extends readonly [unknown, ...unknown[]]> {
  /** The ordering keys, most significant first; together they must be unique (e.g. createdAt, id). */
  keys: { readonly [I in keyof V]: PgColumn };
  /** The last row's key values of the previous page, in `keys` order; absent on the first page. */
  after?: V | null | undefined;
  limit: number;
  /** Runs the page's query; combine `where` with the query's own filters using `and`. */
  query: (page: KeysetQuery) => Promise<Row[]>;
  /** A row's key values, in `keys` order. */
  keyOf: (row: Row) => V;
}

export interface KeysetPage<Row, V> {
  items: Row[];
  /** The key values to pass as `after` for the next page; null on the last page. */
  next: V | null;
}

/**
 * Keyset ("seek") pagination over any unique ordering: stable under concurrent inserts, and as
 * fast on page 1,000 as on page 1. `(k1, k2) > (v1, v2)` is spelled as column comparisons so every
 * value is bound with its column's type.
 */
export async function keysetPage<Row, V extends readonly [unknown, ...unknown[]]>(options: KeysetPageOptions<Row, V>): Promise<KeysetPage<Row, V>> {
  const { keys, after, limit } = options;
  const columns = keys as unknown as readonly PgColumn[];
  const rows = await options.query({
    where: after ? afterKeys(columns, after) : undefined,
    orderBy: columns.map((key) => asc(key)),
    limit: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last !== undefined ? options.keyOf(last) : null };
}

/** `keys > values` in lexicographic order: k1 > v1 or (k1 = v1 and (k2 > v2 or ...)). */
function afterKeys(keys: readonly PgColumn[], values: readonly unknown[]): SQL {
  const [key, ...restKeys] = keys;
  const [value, ...restValues] = values;
  if (!key) throw new Error('keysetPage needs at least one key');
  if (restKeys.length === 0) return gt(key, value);
  return or(gt(key, value), and(eq(key, value), afterKeys(restKeys, restValues))) as SQL;
}
