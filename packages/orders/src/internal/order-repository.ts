import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { isUniqueViolation, keysetPage, type Db, type DbTransaction, type KeysetPage } from '@shop/platform-db';
import type { OrderLine, OrderStatus } from '../schemas.js';
import type { Stage } from './payment-workflow.js';
import { idempotencyKeys, orderLines, orders, workflowTimers, type OrderLineRow, type OrderRow } from './schema.js';

export interface OrderWithLines {
  order: OrderRow;
  lines: OrderLineRow[];
}

/** Data access for orders, their lines and idempotency keys. Returns rows; the service maps them to DTOs. */
export class OrderRepository {
  constructor(private readonly db: Db) {}

  /** Runs `work` in one transaction: a state change and the events it publishes commit together. */
  transaction<T>(work: (tx: DbTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * Writes the order, its lines and (when given) its idempotency key, and whatever `andThen`
   * writes (its events), in one transaction. A key another request committed first is
   * `key_taken`, and nothing is written.
   */
  async insert<T>(
    values: {
      customerId: string;
      items: OrderLine[];
      totalCents: number;
      idempotency?: { key: string; fingerprint: string };
    },
    andThen: (tx: DbTransaction, inserted: OrderWithLines) => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; code: 'key_taken' }> {
    try {
      const value = await this.db.transaction(async (tx) => andThen(tx, await this.insertRows(tx, values)));
      return { ok: true, value };
    } catch (error) {
      if (values.idempotency && isUniqueViolation(error, 'idempotency_keys_pkey')) return { ok: false, code: 'key_taken' };
      throw error;
    }
  }

  private async insertRows(
    tx: DbTransaction,
    values: { customerId: string; items: OrderLine[]; totalCents: number; idempotency?: { key: string; fingerprint: string } },
  ): Promise<OrderWithLines> {
    const [order] = await tx
      .insert(orders)
      .values({ customerId: values.customerId, status: 'placed', totalCents: values.totalCents })
      .returning();
    if (!order) throw new Error('insert returned no order');
    const lines = await tx
      .insert(orderLines)
      .values(values.items.map((item, index) => ({ orderId: order.id, lineNo: index + 1, ...item })))
      .returning();
    if (values.idempotency) {
      await tx
        .insert(idempotencyKeys)
        .values({ key: values.idempotency.key, requestFingerprint: values.idempotency.fingerprint, orderId: order.id });
    }
    return { order, lines: lines.sort((a, b) => a.lineNo - b.lineNo) };
  }

  async findIdempotencyKey(key: string): Promise<{ requestFingerprint: string; orderId: string } | undefined> {
    const [row] = await this.db
      .select({ requestFingerprint: idempotencyKeys.requestFingerprint, orderId: idempotencyKeys.orderId })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, key))
      .limit(1);
    return row;
  }

  async findById(id: string): Promise<OrderWithLines | undefined> {
    const [order] = await this.db.select().from(orders).where(eq(orders.id, id)).limit(1);
    if (!order) return undefined;
    const lines = await this.db.select().from(orderLines).where(eq(orderLines.orderId, id)).orderBy(asc(orderLines.lineNo));
    return { order, lines };
  }

  /** The order's row as `executor` sees it (inside a transaction: with that transaction's writes). */
  async findRow(id: string, executor: Db | DbTransaction = this.db): Promise<OrderRow | undefined> {
    const [row] = await executor.select().from(orders).where(eq(orders.id, id)).limit(1);
    return row;
  }

  /**
   * Moves the order from `from` (the row as it was read) to `to`, only if it is still that row's
   * version: a compare-and-set, so of two transitions decided on one version exactly one applies,
   * and the other gets undefined (and decides again on what it reads next). Keeps the process
   * manager's timer in step in the same transaction: started at `timerSince` when the order enters
   * an in-between stage, removed (`timerSince` null) once it rests.
   */
  async move(
    tx: DbTransaction,
    from: OrderRow,
    to: { stage: Stage; status: OrderStatus; chargeId?: string; refundId?: string },
    timerSince: Date | null,
  ): Promise<OrderRow | undefined> {
    const [row] = await tx
      .update(orders)
      .set({ ...to, version: from.version + 1, updatedAt: new Date() })
      .where(and(eq(orders.id, from.id), eq(orders.version, from.version), eq(orders.stage, from.stage)))
      .returning();
    if (!row) return undefined;
    if (timerSince) {
      await tx.insert(workflowTimers).values({ orderId: row.id, since: timerSince }).onConflictDoUpdate({ target: workflowTimers.orderId, set: { since: timerSince } });
    } else {
      await tx.delete(workflowTimers).where(eq(workflowTimers.orderId, row.id));
    }
    return row;
  }

  /** Orders in between whose timer started at or before `startedBy`, oldest first. */
  async ordersInBetweenSince(startedBy: Date, limit: number): Promise<string[]> {
    const rows = await this.db
      .select({ orderId: workflowTimers.orderId })
      .from(workflowTimers)
      .where(lte(workflowTimers.since, startedBy))
      .orderBy(asc(workflowTimers.since), asc(workflowTimers.orderId))
      .limit(limit);
    return rows.map((row) => row.orderId);
  }

  /** Starts an order's timer again at `since` (the sweep could not finish it now: wait another timeout). */
  async restartTimer(orderId: string, since: Date): Promise<void> {
    await this.db.update(workflowTimers).set({ since }).where(eq(workflowTimers.orderId, orderId));
  }

  /** A customer's orders in `(createdAt, id)` order after `after`, at most `limit`, with their lines. */
  async page(customerId: string, limit: number, after: { at: Date; id: string } | undefined): Promise<KeysetPage<OrderWithLines, [Date, string]>> {
    const page = await keysetPage<OrderRow, [Date, string]>({
      keys: [orders.createdAt, orders.id],
      after: after ? [after.at, after.id] : null,
      limit,
      query: ({ where, orderBy, limit: rows }) =>
        this.db
          .select()
          .from(orders)
          .where(and(eq(orders.customerId, customerId), where))
          .orderBy(...orderBy)
          .limit(rows),
      keyOf: (row) => [row.createdAt, row.id],
    });
    if (page.items.length === 0) return { items: [], next: page.next };
    const lines = await this.db
      .select()
      .from(orderLines)
      .where(inArray(orderLines.orderId, page.items.map((row) => row.id)))
      .orderBy(asc(orderLines.orderId), asc(orderLines.lineNo));
    return { items: page.items.map((order) => ({ order, lines: lines.filter((line) => line.orderId === order.id) })), next: page.next };
  }
}
