import { describe, expect, it } from 'vitest';
import { createSandboxPaymentProvider } from './sandbox-payment-provider.js';

describe('sandbox payment provider', () => {
  it.each([0, 1, 100, 1000, 1012, 1014, 113_00, 999_999_99])('approves %i cents', async (amountCents) => {
    const result = await createSandboxPaymentProvider().charge({ idempotencyKey: 'k', amountCents });
    expect(result).toMatchObject({ outcome: 'approved', reference: expect.stringMatching(/^sandbox_ch_/) });
  });

  it.each([13, 113, 1013, 25_13, 1_000_013])('declines %i cents with card_declined', async (amountCents) => {
    const result = await createSandboxPaymentProvider().charge({ idempotencyKey: 'k', amountCents });
    expect(result).toEqual({ outcome: 'declined', code: 'card_declined' });
  });

  it('answers a repeated idempotency key with the first answer', async () => {
    const provider = createSandboxPaymentProvider();
    const first = await provider.charge({ idempotencyKey: 'same', amountCents: 500 });
    expect(await provider.charge({ idempotencyKey: 'same', amountCents: 500 })).toEqual(first);
    expect(await provider.charge({ idempotencyKey: 'other', amountCents: 500 })).not.toEqual(first);
    const refund = await provider.refund({ idempotencyKey: 'r', chargeReference: 'x', amountCents: 500 });
    expect(await provider.refund({ idempotencyKey: 'r', chargeReference: 'x', amountCents: 500 })).toEqual(refund);
  });
});
