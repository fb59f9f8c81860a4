import { z } from 'zod';
import { defineEvent } from '@shop/platform-events';
import { moduleName } from './module-name.js';
import { OrderLineSchema } from './schemas.js';

/**
 * The orders module's integration events (the `@shop/orders/events` entry). Each is published in the same transaction as the
 * order's state change (aggregate = the order id), so subscribers see them in commit order.
 */
export const OrderPlacedV1 = defineEvent({
  module: moduleName,
  event: 'order-placed',
  version: 1,
  schema: z.object({
    orderId: z.uuid(),
    customerId: z.uuid(),
    items: z.array(OrderLineSchema).min(1),
    totalCents: z.number().int().min(0),
    placedAt: z.iso.datetime(),
  }),
});
export type OrderPlacedPayload = z.infer<typeof OrderPlacedV1.schema>;

/** `placed → paid`: billing's charge succeeded. */
export const OrderPaidV1 = defineEvent({
  module: moduleName,
  event: 'order-paid',
  version: 1,
  schema: z.object({
    orderId: z.uuid(),
    customerId: z.uuid(),
    totalCents: z.number().int().min(0),
    chargeId: z.uuid(),
    paidAt: z.iso.datetime(),
  }),
});
export type OrderPaidPayload = z.infer<typeof OrderPaidV1.schema>;

/** `placed → payment_failed`: billing's charge was declined; the order is closed. */
export const OrderPaymentFailedV1 = defineEvent({
  module: moduleName,
  event: 'order-payment-failed',
  version: 1,
  schema: z.object({
    orderId: z.uuid(),
    customerId: z.uuid(),
    totalCents: z.number().int().min(0),
    chargeId: z.uuid(),
    failedAt: z.iso.datetime(),
  }),
});
export type OrderPaymentFailedPayload = z.infer<typeof OrderPaymentFailedV1.schema>;

/**
 * The order is cancelled (`previousStatus` is the status it showed before); `refundId` is set when
 * its payment was refunded. (`payment_failed` orders are closed and no longer cancelled; v1 keeps the value.)
 */
export const OrderCancelledV1 = defineEvent({
  module: moduleName,
  event: 'order-cancelled',
  version: 1,
  schema: z.object({
    orderId: z.uuid(),
    customerId: z.uuid(),
    totalCents: z.number().int().min(0),
    previousStatus: z.enum(['placed', 'paid', 'payment_failed']),
    refundId: z.uuid().nullable(),
    cancelledAt: z.iso.datetime(),
  }),
});
export type OrderCancelledPayload = z.infer<typeof OrderCancelledV1.schema>;

/**
 * A cancelled order's payment was refunded after its cancellation was announced: a pay charged
 * while the cancel found no charge yet. The follow-up to `order-cancelled`, so the customer is told.
 */
export const OrderRefundedV1 = defineEvent({
  module: moduleName,
  event: 'order-refunded',
  version: 1,
  schema: z.object({
    orderId: z.uuid(),
    customerId: z.uuid(),
    amountCents: z.number().int().min(0),
    chargeId: z.uuid(),
    refundId: z.uuid(),
    refundedAt: z.iso.datetime(),
  }),
});
export type OrderRefundedPayload = z.infer<typeof OrderRefundedV1.schema>;
