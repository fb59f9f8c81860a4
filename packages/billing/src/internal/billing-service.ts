import { z } from 'zod';
import type { DbTransaction } from '@shop/platform-db';
import { publish } from '@shop/platform-events';
import type { Logger } from '@shop/platform-logging';
import type { BillingApi, ChargeOrderResult, RefundResult } from '../billing-api.js';
import { ChargeDeclinedV1, ChargeSucceededV1, RefundIssuedV1 } from '../events.js';
import {
  ChargeOrderInputSchema,
  ListChargesQuerySchema,
  ResolveOrderChargeInputSchema,
  type Charge,
  type ChargeList,
  type ChargeOrderInput,
  type ListChargesQuery,
  type Refund,
  type RefundInput,
  type ResolveOrderChargeInput,
} from '../schemas.js';
import type { ChargeRepository, ChargeWithRefund } from './charge-repository.js';
import type { PaymentProvider } from './payment-provider.js';
import type { ChargeRow, RefundRow } from './schema.js';

const isUuid = (value: string) => z.uuid().safeParse(value).success;

export function toCharge(row: ChargeWithRefund): Charge {
  return {
    id: row.id,
    orderId: row.orderId,
    amountCents: row.amountCents,
    status: row.status,
    declineCode: row.declineCode,
    refundId: row.refundId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toRefund(row: RefundRow): Refund {
  return { id: row.id, chargeId: row.chargeId, amountCents: row.amountCents, createdAt: row.createdAt.toISOString() };
}

/** The outcome `chargeOrder` reports for a charge whose provider answer is recorded. */
function outcomeOf(row: ChargeWithRefund): ChargeOrderResult {
  if (row.status === 'declined') return { ok: false, code: 'card_declined', chargeId: row.id };
  return { ok: true, charge: toCharge(row) };
}

/** `billing.charge-succeeded` or `billing.charge-declined`, in the transaction that settled `row`. */
async function publishSettlement(tx: DbTransaction, row: ChargeRow): Promise<void> {
  const common = { chargeId: row.id, orderId: row.orderId, amountCents: row.amountCents };
  const at = row.updatedAt.toISOString();
  if (row.status === 'succeeded') await publish(tx, ChargeSucceededV1, { ...common, succeededAt: at }, { aggregateId: row.id });
  else await publish(tx, ChargeDeclinedV1, { ...common, declineCode: row.declineCode ?? 'unknown', declinedAt: at }, { aggregateId: row.id });
}

/** `billing.refund-issued`, in the transaction that recorded the refund. */
async function publishRefund(tx: DbTransaction, refund: RefundRow, charge: ChargeRow): Promise<void> {
  await publish(
    tx,
    RefundIssuedV1,
    { refundId: refund.id, chargeId: charge.id, orderId: charge.orderId, amountCents: refund.amountCents, refundedAt: refund.createdAt.toISOString() },
    { aggregateId: charge.id },
  );
}

/** The in-process implementation of `BillingApi`. */
export class BillingService implements BillingApi {
  constructor(
    private readonly repository: ChargeRepository,
    private readonly provider: PaymentProvider,
    private readonly logger: Logger,
  ) {}

  async chargeOrder(request: ChargeOrderInput): Promise<ChargeOrderResult> {
    const input = ChargeOrderInputSchema.parse(request);
    // Claim the order's one charge first, so concurrent or retried calls find it instead of
    // charging again. The charge id is the provider's idempotency key.
    const claimed = await this.repository.claim({ ...input, provider: this.provider.name });
    const charge = claimed ? { ...claimed, refundId: null } : await this.repository.findByOrder(input.orderId);
    if (!charge) throw new Error(`charge for order ${input.orderId} vanished after claim`);
    if (charge.amountCents !== input.amountCents) {
      return { ok: false, code: 'amount_mismatch', chargeId: charge.id };
    }
    return outcomeOf(await this.settled(charge));
  }

  async resolveOrderCharge(input: ResolveOrderChargeInput): Promise<Charge | null> {
    const { orderId } = ResolveOrderChargeInputSchema.parse(input);
    const charge = await this.repository.findByOrder(orderId);
    return charge ? toCharge(await this.settled(charge)) : null;
  }

  /**
   * `charge` with the provider's answer recorded. A pending charge was either just claimed or left
   * by an attempt that died before recording the answer: asking the provider again with the same
   * key is safe, it answers with its first answer (the sandbox too, across restarts).
   */
  private async settled(charge: ChargeWithRefund): Promise<ChargeWithRefund> {
    if (charge.status !== 'pending') return charge;
    const answer = await this.provider.charge({ idempotencyKey: charge.id, amountCents: charge.amountCents });
    const settled = await this.repository.settle(
      charge.id,
      answer.outcome === 'approved'
        ? { status: 'succeeded', providerReference: answer.reference }
        : { status: 'declined', declineCode: answer.code },
      publishSettlement,
    );
    const final = settled ? { ...settled, refundId: null } : await this.repository.findById(charge.id);
    if (!final) throw new Error(`charge ${charge.id} vanished`);
    this.logger.info({ chargeId: final.id, orderId: final.orderId, status: final.status }, 'charge settled');
    return final;
  }

  async refund({ chargeId }: RefundInput): Promise<RefundResult> {
    if (!isUuid(chargeId)) return { ok: false, code: 'unknown_charge' };
    const charge = await this.repository.findById(chargeId);
    if (!charge) return { ok: false, code: 'unknown_charge' };
    if (charge.status === 'refunded') {
      const existing = await this.repository.findRefundByCharge(charge.id);
      if (existing) return { ok: true, refund: toRefund(existing) };
    } else if (charge.status !== 'succeeded' || !charge.providerReference) {
      return { ok: false, code: 'not_refundable' };
    }
    // The provider is asked first and keyed by the charge: if we die before recording the refund,
    // a retry asks again, gets the same refund back, and records it once.
    const answer = await this.provider.refund({
      idempotencyKey: `refund-${charge.id}`,
      chargeReference: charge.providerReference ?? '',
      amountCents: charge.amountCents,
    });
    const refund = await this.repository.recordRefund({ chargeId: charge.id, amountCents: charge.amountCents, providerReference: answer.reference }, publishRefund);
    this.logger.info({ chargeId: charge.id, refundId: refund.id }, 'charge refunded');
    return { ok: true, refund: toRefund(refund) };
  }

  async getCharge({ id }: { id: string }): Promise<Charge | null> {
    if (!isUuid(id)) return null;
    const row = await this.repository.findById(id);
    return row ? toCharge(row) : null;
  }

  async listCharges(query: ListChargesQuery): Promise<ChargeList> {
    const { orderId } = ListChargesQuerySchema.parse(query);
    return { items: (await this.repository.listByOrder(orderId)).map(toCharge) };
  }
}
