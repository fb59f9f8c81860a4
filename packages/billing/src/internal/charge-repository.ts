import { and, asc, eq, getTableColumns, type SQL } from 'drizzle-orm';
import type { Db, DbTransaction } from '@shop/platform-db';
import { charges, refunds, type ChargeRow, type RefundRow } from './schema.js';

/** A charge with the id of its refund (null unless refunded): what `Charge` shows. */
export type ChargeWithRefund = ChargeRow & { refundId: string | null };

/** Data access for charges and refunds. Returns rows; the service maps them to DTOs. */
export class ChargeRepository {
  constructor(private readonly db: Db) {}

  /** Inserts a `pending` charge for the order, or returns undefined when the order already has one. */
  async claim(values: { orderId: string; amountCents: number; provider: string }): Promise<ChargeRow | undefined> {
    const [row] = await this.db
      .insert(charges)
      .values({ ...values, status: 'pending' })
      .onConflictDoNothing({ target: charges.orderId })
      .returning();
    return row;
  }

  /**
   * Records the provider's answer on a still-pending charge; undefined when it was already settled.
   * `onSettled` runs in the same transaction when this call settled it (to publish the outcome).
   */
  async settle(
    id: string,
    outcome: { status: 'succeeded'; providerReference: string } | { status: 'declined'; declineCode: string },
    onSettled: (tx: DbTransaction, row: ChargeRow) => Promise<void>,
  ): Promise<ChargeRow | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(charges)
        .set({ ...outcome, updatedAt: new Date() })
        .where(and(eq(charges.id, id), eq(charges.status, 'pending')))
        .returning();
      if (row) await onSettled(tx, row);
      return row;
    });
  }

  /** Charges matching `where`, each with its refund's id, oldest first. */
  private withRefunds(where: SQL | undefined): Promise<ChargeWithRefund[]> {
    return this.db
      .select({ ...getTableColumns(charges), refundId: refunds.id })
      .from(charges)
      .leftJoin(refunds, eq(refunds.chargeId, charges.id))
      .where(where)
      .orderBy(asc(charges.createdAt), asc(charges.id));
  }

  async findById(id: string): Promise<ChargeWithRefund | undefined> {
    return (await this.withRefunds(eq(charges.id, id)))[0];
  }

  async findByOrder(orderId: string): Promise<ChargeWithRefund | undefined> {
    return (await this.withRefunds(eq(charges.orderId, orderId)))[0];
  }

  async listByOrder(orderId: string): Promise<ChargeWithRefund[]> {
    return this.withRefunds(eq(charges.orderId, orderId));
  }

  async findRefundByCharge(chargeId: string): Promise<RefundRow | undefined> {
    const [row] = await this.db.select().from(refunds).where(eq(refunds.chargeId, chargeId)).limit(1);
    return row;
  }

  /**
   * Records a refund and marks its charge refunded, atomically; a second call for the charge is a
   * no-op. `onRecorded` runs in the same transaction only when this call inserted the refund.
   */
  async recordRefund(
    values: { chargeId: string; amountCents: number; providerReference: string },
    onRecorded: (tx: DbTransaction, refund: RefundRow, charge: ChargeRow) => Promise<void>,
  ): Promise<RefundRow> {
    return this.db.transaction(async (tx) => {
      const [inserted] = await tx.insert(refunds).values(values).onConflictDoNothing({ target: refunds.chargeId }).returning();
      if (!inserted) {
        const [existing] = await tx.select().from(refunds).where(eq(refunds.chargeId, values.chargeId)).limit(1);
        if (!existing) throw new Error('refund row missing after insert');
        return existing;
      }
      const [charge] = await tx
        .update(charges)
        .set({ status: 'refunded', updatedAt: new Date() })
        .where(eq(charges.id, values.chargeId))
        .returning();
      if (!charge) throw new Error(`charge ${values.chargeId} missing while recording its refund`);
      await onRecorded(tx, inserted, charge);
      return inserted;
    });
  }
}
