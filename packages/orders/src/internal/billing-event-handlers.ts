import { ChargeDeclinedV1, ChargeSucceededV1, RefundIssuedV1 } from '@shop/billing/events';
import type { Subscriber } from '@shop/platform-events';
import type { PaymentProcess } from './payment-process.js';

/** Billing's events orders reacts to (its descriptor's `consumes`). */
export const consumedBillingEvents = [ChargeSucceededV1, ChargeDeclinedV1, RefundIssuedV1] as const;

/**
 * Billing's events as facts for the process manager, applied in the delivering transaction (the
 * database only: no call to billing from inside it). They finish what a crashed request left: a
 * `charge-succeeded` for an order still `payment_requested` pays it, one for an order cancelled
 * meanwhile makes it due for a refund, a `refund-issued` the order does not know is recorded. A
 * fact already applied changes nothing, so redeliveries and the requests' own answers agree.
 */
export function subscribeBillingEvents(events: Subscriber, process: PaymentProcess): void {
  events.subscribe(ChargeSucceededV1, async (tx, charge) => {
    await process.apply(charge.orderId, { on: 'charge_succeeded', chargeId: charge.chargeId }, tx);
  });
  events.subscribe(ChargeDeclinedV1, async (tx, charge) => {
    await process.apply(charge.orderId, { on: 'charge_declined', chargeId: charge.chargeId }, tx);
  });
  events.subscribe(RefundIssuedV1, async (tx, refund) => {
    await process.apply(refund.orderId, { on: 'refund_issued', chargeId: refund.chargeId, refundId: refund.refundId }, tx);
  });
}
