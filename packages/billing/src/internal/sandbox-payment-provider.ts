import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@shop/platform-db';
import type { PaymentProvider, ProviderChargeOutcome, ProviderChargeRequest, ProviderRefundRequest } from './payment-provider.js';
import { sandboxProviderRequests, type SandboxProviderRequestRow } from './schema.js';

/** Amounts whose last two digits are this are declined, the way payment sandboxes use magic test amounts. */
export const SANDBOX_DECLINED_CENTS_SUFFIX = 13;

type Answer = Pick<SandboxProviderRequestRow, 'outcome' | 'reference' | 'declineCode'>;

/**
 * The built-in provider for development and tests: no network, deterministic outcomes.
 * Approves every amount except those ending in `13` cents (1013, 2513, …), which it declines with
 * `card_declined`. Like a real provider, it answers a repeated idempotency key with the first
 * answer, also after a restart: its memory is the table `billing.sandbox_provider_requests`, written
 * through `db` (billing's own role). A key reused for another request is an error, as at a real provider.
 */
export function createSandboxPaymentProvider(db: Db): PaymentProvider {
  /** The answer recorded for `key`, recording `fresh` first when the key is new (concurrent askers get the winner's). */
  async function answerOnce(key: string, request: { operation: 'charge' | 'refund'; amountCents: number }, fresh: Answer): Promise<Answer> {
    await db
      .insert(sandboxProviderRequests)
      .values({ idempotencyKey: key, ...request, ...fresh })
      .onConflictDoNothing({ target: sandboxProviderRequests.idempotencyKey });
    const [recorded] = await db.select().from(sandboxProviderRequests).where(eq(sandboxProviderRequests.idempotencyKey, key)).limit(1);
    if (!recorded) throw new Error(`sandbox provider lost idempotency key ${key}`);
    if (recorded.operation !== request.operation || recorded.amountCents !== request.amountCents) {
      throw new Error(`sandbox provider: idempotency key ${key} was first used for a ${recorded.operation} of ${recorded.amountCents} cents`);
    }
    return recorded;
  }

  return {
    name: 'sandbox',
    async charge({ idempotencyKey, amountCents }: ProviderChargeRequest): Promise<ProviderChargeOutcome> {
      const declined = amountCents % 100 === SANDBOX_DECLINED_CENTS_SUFFIX;
      const answer = await answerOnce(
        idempotencyKey,
        { operation: 'charge', amountCents },
        declined
          ? { outcome: 'declined', reference: null, declineCode: 'card_declined' }
          : { outcome: 'approved', reference: `sandbox_ch_${randomUUID()}`, declineCode: null },
      );
      if (answer.outcome === 'declined') return { outcome: 'declined', code: answer.declineCode ?? 'card_declined' };
      return { outcome: 'approved', reference: answer.reference ?? '' };
    },
    async refund({ idempotencyKey, amountCents }: ProviderRefundRequest) {
      const answer = await answerOnce(idempotencyKey, { operation: 'refund', amountCents }, { outcome: 'approved', reference: `sandbox_re_${randomUUID()}`, declineCode: null });
      return { reference: answer.reference ?? '' };
    },
  };
}
