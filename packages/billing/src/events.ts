import { z } from 'zod';
import { defineEvent } from '@shop/platform-events';
import { moduleName } from './module-name.js';
import { AmountCentsSchema } from './schemas.js';

/**
 * The billing module's integration events (the `@shop/billing/events` entry). Each is published in the same transaction as the
 * charge's state change (aggregate = the charge id), so a charge's events arrive in commit order.
 */
export const ChargeSucceededV1 = defineEvent({
  module: moduleName,
  event: 'charge-succeeded',
  version: 1,
  schema: z.object({
    chargeId: z.uuid(),
    orderId: z.uuid(),
    amountCents: AmountCentsSchema,
    succeededAt: z.iso.datetime(),
  }),
});
export type ChargeSucceededPayload = z.infer<typeof ChargeSucceededV1.schema>;

/** The payment provider refused the charge; `declineCode` says why (`card_declined`). */
export const ChargeDeclinedV1 = defineEvent({
  module: moduleName,
  event: 'charge-declined',
  version: 1,
  schema: z.object({
    chargeId: z.uuid(),
    orderId: z.uuid(),
    amountCents: AmountCentsSchema,
    declineCode: z.string(),
    declinedAt: z.iso.datetime(),
  }),
});
export type ChargeDeclinedPayload = z.infer<typeof ChargeDeclinedV1.schema>;

/** A succeeded charge was refunded in full. Published once per charge, however often refund is retried. */
export const RefundIssuedV1 = defineEvent({
  module: moduleName,
  event: 'refund-issued',
  version: 1,
  schema: z.object({
    refundId: z.uuid(),
    chargeId: z.uuid(),
    orderId: z.uuid(),
    amountCents: AmountCentsSchema,
    refundedAt: z.iso.datetime(),
  }),
});
export type RefundIssuedPayload = z.infer<typeof RefundIssuedV1.schema>;
