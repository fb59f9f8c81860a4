/**
 * The public API of the billing module: the only entry other modules may import.
 * Types and schemas only; the implementation is reached through an injected `BillingApi`.
 */
export {
  AmountCentsSchema,
  ChargeStatusSchema,
  ChargeSchema,
  RefundSchema,
  ListChargesQuerySchema,
  ChargeListSchema,
  ChargeOrderResultSchema,
  RefundResultSchema,
  type ChargeStatus,
  type Charge,
  type Refund,
  type ListChargesQuery,
  type ChargeList,
  type ChargeOrderResult,
  type RefundResult,
} from './schemas.js';
export { BillingErrorCode, type BillingApi } from './billing-api.js';
export {
  ChargeSucceededV1,
  ChargeDeclinedV1,
  RefundIssuedV1,
  type ChargeSucceededPayload,
  type ChargeDeclinedPayload,
  type RefundIssuedPayload,
} from './events.js';
