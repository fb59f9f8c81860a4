import { eq } from 'drizzle-orm';
import { isUniqueViolation, keysetPage, type Db, type DbTransaction, type KeysetPage } from '@shop/platform-db';
import { customers, type CustomerRow } from './schema.js';

/** Data access for the customers table. Returns rows (or typed results); the service maps them to DTOs. */
export class CustomerRepository {
  constructor(private readonly db: Db) {}

  /**
   * Writes a customer and whatever `andThen` writes (its events) in one transaction; an email
   * already registered, whatever its case, is `email_taken` and nothing is written.
   */
  async insert<T>(
    values: { email: string; name: string },
    andThen: (tx: DbTransaction, row: CustomerRow) => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; code: 'email_taken' }> {
    try {
      const value = await this.db.transaction(async (tx) => {
        const [row] = await tx.insert(customers).values(values).returning();
        if (!row) throw new Error('insert returned no row');
        return andThen(tx, row);
      });
      return { ok: true, value };
    } catch (error) {
      if (isUniqueViolation(error, 'customers_email_lower_key')) return { ok: false, code: 'email_taken' };
      throw error;
    }
  }

  async findById(id: string): Promise<CustomerRow | undefined> {
    const [row] = await this.db.select().from(customers).where(eq(customers.id, id)).limit(1);
    return row;
  }

  /** Customers in `(createdAt, id)` order after `after`, at most `limit`. */
  page(limit: number, after: { at: Date; id: string } | undefined): Promise<KeysetPage<CustomerRow, [Date, string]>> {
    return keysetPage<CustomerRow, [Date, string]>({
      keys: [customers.createdAt, customers.id],
      after: after ? [after.at, after.id] : null,
      limit,
      query: ({ where, orderBy, limit: rows }) => this.db.select().from(customers).where(where).orderBy(...orderBy).limit(rows),
      keyOf: (row) => [row.createdAt, row.id],
    });
  }
}
