/**
 * `db.execute()` returns an array of rows on postgres.js and `{ rows }` on PGlite; this gives
 * the rows either way.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows)) return result.rows as T[];
  throw new TypeError('Unrecognised query result shape');
}
