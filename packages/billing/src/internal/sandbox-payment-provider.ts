import { randomUUID } from 'node:crypto';
import type { PaymentProvider, ProviderChargeOutcome, ProviderChargeRequest, ProviderRefundRequest } from './payment-provider.js';

/** Amounts whose last two digits are this are declined, the way payment sandboxes use magic test amounts. */
export const SANDBOX_DECLINED_CENTS_SUFFIX = 13;

/**
 * The built-in provider for development and tests: no network, deterministic outcomes.
 * Approves every amount except those ending in `13` cents (1013, 2513, …), which it declines with
 * `card_declined`. Like a real provider, it answers a repeated idempotency key with the first answer.
 */
export function createSandboxPaymentProvider(): PaymentProvider {
  const charges = new Map<string, ProviderChargeOutcome>();
  const refunds = new Map<string, { reference: string }>();
  return {
    name: 'sandbox',
    async charge({ idempotencyKey, amountCents }: ProviderChargeRequest) {
      const known = charges.get(idempotencyKey);
      if (known) return known;
      const outcome: ProviderChargeOutcome =
        amountCents % 100 === SANDBOX_DECLINED_CENTS_SUFFIX
          ? { outcome: 'declined', code: 'card_declined' }
          : { outcome: 'approved', reference: `sandbox_ch_${randomUUID()}` };
      charges.set(idempotencyKey, outcome);
      return outcome;
    },
    async refund({ idempotencyKey }: ProviderRefundRequest) {
      const known = refunds.get(idempotencyKey);
      if (known) return known;
      const refund = { reference: `sandbox_re_${randomUUID()}` };
      refunds.set(idempotencyKey, refund);
      return refund;
    },
  };
}
