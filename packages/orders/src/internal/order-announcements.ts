import type { DbTransaction } from '@shop/platform-db';
import { publish } from '@shop/platform-events';
import { OrderCancelledV1, OrderPaidV1, OrderPaymentFailedV1, OrderRefundedV1 } from '../events.js';
import type { Announcement } from './payment-workflow.js';
import type { OrderRow } from './schema.js';

/** `previousStatus` of `order-cancelled`: the status the order showed before (never `cancelled`). */
function cancellableStatus(row: OrderRow): 'placed' | 'paid' | 'payment_failed' {
  if (row.status === 'cancelled') throw new Error(`order ${row.id} was cancelled already`);
  return row.status;
}

function requireId(value: string | null, what: string, row: OrderRow): string {
  if (!value) throw new Error(`order ${row.id} announces ${what} without one`);
  return value;
}

/**
 * Publishes the integration event of a transition, in its transaction (aggregate = the order, so
 * subscribers get an order's events in commit order). `row` is the order after the transition,
 * `before` as it was.
 */
export async function announce(tx: DbTransaction, announcement: Announcement, row: OrderRow, before: OrderRow): Promise<void> {
  const common = { orderId: row.id, customerId: row.customerId };
  const at = row.updatedAt.toISOString();
  const options = { aggregateId: row.id };
  switch (announcement) {
    case 'paid':
      await publish(tx, OrderPaidV1, { ...common, totalCents: row.totalCents, chargeId: requireId(row.chargeId, 'a payment', row), paidAt: at }, options);
      return;
    case 'payment_failed':
      await publish(tx, OrderPaymentFailedV1, { ...common, totalCents: row.totalCents, chargeId: requireId(row.chargeId, 'a declined charge', row), failedAt: at }, options);
      return;
    case 'cancelled':
      await publish(tx, OrderCancelledV1, { ...common, totalCents: row.totalCents, previousStatus: cancellableStatus(before), refundId: row.refundId, cancelledAt: at }, options);
      return;
    case 'refunded':
      await publish(
        tx,
        OrderRefundedV1,
        { ...common, amountCents: row.totalCents, chargeId: requireId(row.chargeId, 'a refund', row), refundId: requireId(row.refundId, 'a refund', row), refundedAt: at },
        options,
      );
      return;
  }
}
