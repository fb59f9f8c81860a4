import { and, asc, eq, gt, or } from 'drizzle-orm';
import type { Db, DbTransaction } from '@shop/platform-db';
import type { KeysetPosition } from '@shop/platform-http';
import { customers, type CustomerRow } from './schema.js';

/** Data access for the customers table. Returns rows; the service maps them to DTOs. */
export class CustomerRepository {
  constructor(private readonly db: Db) {}

  /** Runs `work` in one transaction: a row and the events it publishes commit together. */
  transaction<T>(work: (tx: DbTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async insert(tx: DbTransaction, values: { email: string; name: string }): Promise<CustomerRow> {
    const [row] = await tx.insert(customers).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async findById(id: string): Promise<CustomerRow | undefined> {
    const [row] = await this.db.select().from(customers).where(eq(customers.id, id)).limit(1);
    return row;
  }

  /** Rows in `(createdAt, id)` order after `after`, at most `limit`. */
  async page(limit: number, after: KeysetPosition | null): Promise<CustomerRow[]> {
    const afterCursor = after
      ? or(gt(customers.createdAt, after.at), and(eq(customers.createdAt, after.at), gt(customers.id, after.id)))
      : undefined;
    return this.db.select().from(customers).where(afterCursor).orderBy(asc(customers.createdAt), asc(customers.id)).limit(limit);
  }
}
