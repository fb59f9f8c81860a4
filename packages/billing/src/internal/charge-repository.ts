import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@shop/platform-db';
import { charges, refunds, type ChargeRow, type RefundRow } from './schema.js';

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

  /** Records the provider's answer on a still-pending charge; undefined when it was already settled. */
  async settle(
    id: string,
    outcome: { status: 'succeeded'; providerReference: string } | { status: 'declined'; declineCode: string },
  ): Promise<ChargeRow | undefined> {
    const [row] = await this.db
      .update(charges)
      .set({ ...outcome, updatedAt: new Date() })
      .where(and(eq(charges.id, id), eq(charges.status, 'pending')))
      .returning();
    return row;
  }

  async findById(id: string): Promise<ChargeRow | undefined> {
    const [row] = await this.db.select().from(charges).where(eq(charges.id, id)).limit(1);
    return row;
  }

  async findByOrder(orderId: string): Promise<ChargeRow | undefined> {
    const [row] = await this.db.select().from(charges).where(eq(charges.orderId, orderId)).limit(1);
    return row;
  }

  async listByOrder(orderId: string): Promise<ChargeRow[]> {
    return this.db.select().from(charges).where(eq(charges.orderId, orderId)).orderBy(asc(charges.createdAt), asc(charges.id));
  }

  async findRefundByCharge(chargeId: string): Promise<RefundRow | undefined> {
    const [row] = await this.db.select().from(refunds).where(eq(refunds.chargeId, chargeId)).limit(1);
    return row;
  }

  /** Records a refund and marks its charge refunded, atomically; a second call for the charge is a no-op. */
  async recordRefund(values: { chargeId: string; amountCents: number; providerReference: string }): Promise<RefundRow> {
    return this.db.transaction(async (tx) => {
      await tx.insert(refunds).values(values).onConflictDoNothing({ target: refunds.chargeId });
      await tx.update(charges).set({ status: 'refunded', updatedAt: new Date() }).where(eq(charges.id, values.chargeId));
      const [row] = await tx.select().from(refunds).where(eq(refunds.chargeId, values.chargeId)).limit(1);
      if (!row) throw new Error('refund row missing after insert');
      return row;
    });
  }
}
