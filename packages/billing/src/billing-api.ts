import type { Charge, ChargeList, ChargeOrderResult, ListChargesQuery, RefundResult } from './schemas.js';

/** Expected failures of the billing module, as stable codes. */
export const BillingErrorCode = {
  /** The payment provider refused the charge. */
  CardDeclined: 'card_declined',
  /** The order already has a charge for a different amount; it is never charged twice. */
  AmountMismatch: 'amount_mismatch',
  UnknownCharge: 'unknown_charge',
  /** Only a succeeded charge can be refunded. */
  NotRefundable: 'not_refundable',
} as const;
export type BillingErrorCode = (typeof BillingErrorCode)[keyof typeof BillingErrorCode];

/**
 * What other modules may ask of billing. Async, plain data in and out (see the result schemas),
 * so a host can hand in this in-process implementation today and an HTTP client tomorrow.
 */
export interface BillingApi {
  /**
   * Charges an order once. Idempotent per order: a retry returns the first attempt's outcome
   * (approved or declined) and never reaches the provider a second time for a settled charge.
   */
  chargeOrder(orderId: string, amountCents: number): Promise<ChargeOrderResult>;
  /** Refunds a succeeded charge in full. Idempotent: a second refund returns the first one. */
  refund(chargeId: string): Promise<RefundResult>;
  getCharge(id: string): Promise<Charge | null>;
  listCharges(query: ListChargesQuery): Promise<ChargeList>;
}
