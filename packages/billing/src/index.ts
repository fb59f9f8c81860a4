/**
 * The public API of the billing module: the only entry other modules may import (events are in
 * `@shop/billing/events`). Types, schemas and the API declaration; the implementation is reached
 * through an injected `BillingApi`.
 */
export {
  AmountCentsSchema,
  ChargeStatusSchema,
  ChargeSchema,
  RefundSchema,
  ChargeOrderInputSchema,
  RefundInputSchema,
  ChargeIdSchema,
  ListChargesQuerySchema,
  ResolveOrderChargeInputSchema,
  ChargeListSchema,
  type ChargeStatus,
  type Charge,
  type Refund,
  type ChargeOrderInput,
  type RefundInput,
  type ListChargesQuery,
  type ResolveOrderChargeInput,
  type ChargeList,
} from './schemas.js';
export {
  BillingApiDeclaration,
  BillingErrors,
  ChargeOrderResultSchema,
  RefundResultSchema,
  type BillingApi,
  type ChargeOrderResult,
  type RefundResult,
} from './billing-api.js';
