import { z } from 'zod';
import { defineApi, defineErrors, errorCodes, resultSchema, type ApiOf } from '@shop/platform-module';
import { moduleName } from './module-name.js';
import {
  ChargeIdSchema,
  ChargeListSchema,
  ChargeOrderInputSchema,
  ChargeSchema,
  ListChargesQuerySchema,
  RefundInputSchema,
  RefundSchema,
  ResolveOrderChargeInputSchema,
} from './schemas.js';

/** Expected failures of the billing module, each with its HTTP status. */
export const BillingErrors = defineErrors({
  /** The payment provider refused the charge. */
  card_declined: { status: 402, title: 'The payment was declined' },
  /** The order already has a charge for a different amount; it is never charged twice. */
  amount_mismatch: { status: 409, title: 'The order was already charged for another amount' },
  unknown_charge: { status: 404, title: 'No such charge' },
  /** Only a succeeded charge can be refunded. */
  not_refundable: { status: 409, title: 'Only a succeeded charge can be refunded' },
});

export const ChargeOrderResultSchema = resultSchema({ charge: ChargeSchema }, { code: errorCodes(BillingErrors, 'card_declined', 'amount_mismatch'), chargeId: z.uuid() });
export type ChargeOrderResult = z.infer<typeof ChargeOrderResultSchema>;

export const RefundResultSchema = resultSchema({ refund: RefundSchema }, { code: errorCodes(BillingErrors, 'unknown_charge', 'not_refundable') });
export type RefundResult = z.infer<typeof RefundResultSchema>;

/**
 * What other modules may ask of billing, as data: hosts check it is provided, the docs list it,
 * and the service's HTTP client is derived from it. Plain data in and out.
 */
export const BillingApiDeclaration = defineApi({
  module: moduleName,
  name: 'BillingApi',
  operations: {
    chargeOrder: {
      summary:
        'Charges an order once. Idempotent per order: a retry returns the first attempt’s outcome and never reaches the provider again for a settled charge.',
      input: ChargeOrderInputSchema,
      output: ChargeOrderResultSchema,
      idempotent: true,
    },
    refund: {
      summary: 'Refunds a succeeded charge in full. Idempotent per charge: a second refund returns the first one.',
      input: RefundInputSchema,
      output: RefundResultSchema,
      idempotent: true,
    },
    resolveOrderCharge: {
      summary:
        'The order’s charge with its outcome settled, or null when the order was never charged. A charge still pending (its first attempt died before the provider’s answer was recorded) is asked of the provider again with the same idempotency key and recorded; nothing new is ever charged. Idempotent.',
      input: ResolveOrderChargeInputSchema,
      output: ChargeSchema.nullable(),
      idempotent: true,
    },
    getCharge: { summary: 'A charge, or null.', input: ChargeIdSchema, output: ChargeSchema.nullable(), idempotent: true },
    listCharges: { summary: "An order's charges, oldest first.", input: ListChargesQuerySchema, output: ChargeListSchema, idempotent: true },
  },
});

export type BillingApi = ApiOf<typeof BillingApiDeclaration>;
