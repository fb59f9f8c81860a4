/** What billing asks of a payment provider. Every call carries an idempotency key: asking twice with one key charges once. */
export interface ProviderChargeRequest {
  idempotencyKey: string;
  amountCents: number;
}

export type ProviderChargeOutcome = { outcome: 'approved'; reference: string } | { outcome: 'declined'; code: string };

export interface ProviderRefundRequest {
  idempotencyKey: string;
  /** The provider's reference of the charge being refunded. */
  chargeReference: string;
  amountCents: number;
}

/**
 * The port between billing and whoever moves the money. The sandbox adapter ships with billing;
 * a real provider is another adapter behind this interface, handed to `createBillingModule`.
 * Adapters throw on transport failures (billing leaves the charge `pending` and a retry resumes it).
 */
export interface PaymentProvider {
  readonly name: string;
  charge(request: ProviderChargeRequest): Promise<ProviderChargeOutcome>;
  refund(request: ProviderRefundRequest): Promise<{ reference: string }>;
}
