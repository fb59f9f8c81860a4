import { ChargeOrderResultSchema, ChargeSchema, RefundResultSchema, type BillingApi, type Charge } from '@shop/billing';
import type { DbTransaction } from '@shop/platform-db';
import type { Logger } from '@shop/platform-logging';
import { announce } from './order-announcements.js';
import type { OrderRepository } from './order-repository.js';
import { isResting, statusOf, transitionFor, type Stage, type Trigger } from './payment-workflow.js';
import type { OrderRow } from './schema.js';

/** More rounds than any path through the workflow takes: beyond it, something keeps undoing our work. */
const MAX_ROUNDS = 12;

export interface PaymentProcessOptions {
  now?: () => Date;
}

/** What billing's answer about an order's charge means for the workflow. */
export function triggerOfCharge(charge: Charge): Trigger {
  switch (charge.status) {
    case 'succeeded':
      return { on: 'charge_succeeded', chargeId: charge.id };
    case 'declined':
      return { on: 'charge_declined', chargeId: charge.id };
    case 'refunded':
      if (!charge.refundId) throw new Error(`billing reports charge ${charge.id} refunded without a refund`);
      return { on: 'refund_issued', chargeId: charge.id, refundId: charge.refundId };
    case 'pending':
      throw new Error(`billing left charge ${charge.id} pending after settling it`);
  }
}

/**
 * Orders' process manager for payments: the only code that decides to charge or refund, and the
 * only code that moves an order through the workflow (`payment-workflow.ts`). Requests, billing's
 * events and the sweep all come here:
 * - `apply` feeds one trigger to an order: a conditional update decided on the version it read,
 *   decided again on a fresh read when a concurrent transition got there first. Database only, so
 *   billing's event handlers run it in the dispatcher's transaction.
 * - `drive` takes an order in between to a resting stage: it asks billing what leaving its stage
 *   needs (charge, settle, refund; each idempotent at billing) and applies the answer.
 * Whatever interleaving of requests, event deliveries, sweeps and crashes, each step is either
 * applied once or decided again, and a crash leaves the order in between with its timer set.
 */
export class PaymentProcess {
  readonly #now: () => Date;

  constructor(
    private readonly repository: OrderRepository,
    private readonly billing: BillingApi,
    private readonly logger: Logger,
    options: PaymentProcessOptions = {},
  ) {
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Feeds `trigger` to the order until it applies or no longer can; returns the order as it then
   * is (undefined when there is no such order). With `tx`, everything runs in it (an event
   * handler's transaction); otherwise each attempt is a transaction of its own.
   */
  async apply(orderId: string, trigger: Trigger, tx?: DbTransaction): Promise<OrderRow | undefined> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const current = await this.repository.findRow(orderId, tx);
      if (!current) return undefined;
      const transition = transitionFor(current, trigger.on);
      if (!transition) return current;
      const move = async (inTx: DbTransaction) => {
        const moved = await this.repository.move(inTx, current, this.targetOf(current, transition.to, trigger), isResting(transition.to) ? null : this.#now());
        if (moved && transition.announces) await announce(inTx, transition.announces, moved, current);
        return moved;
      };
      const moved = tx ? await move(tx) : await this.repository.transaction(move);
      if (moved) {
        this.logger.info({ orderId, from: current.stage, to: moved.stage, trigger: trigger.on }, 'order workflow transition');
        return moved;
      }
    }
    throw new Error(`order ${orderId}: ${trigger.on} kept losing to concurrent transitions`);
  }

  /** Takes the order to a resting stage, asking billing whatever leaving each in-between stage needs. */
  async drive(orderId: string): Promise<OrderRow | undefined> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const current = await this.repository.findRow(orderId);
      if (!current || isResting(current.stage)) return current;
      await this.apply(orderId, await this.ask(current));
    }
    throw new Error(`order ${orderId} did not come to rest in ${MAX_ROUNDS} rounds`);
  }

  /**
   * The one call to billing that leaves `order`'s in-between stage, and what its answer means.
   * Each is idempotent at billing: asked twice (a retry, a concurrent request, the sweep after a
   * crash), billing charges or refunds once and answers alike.
   */
  private async ask(order: OrderRow): Promise<Trigger> {
    switch (order.stage) {
      case 'payment_requested': {
        const result = ChargeOrderResultSchema.parse(await this.billing.chargeOrder({ orderId: order.id, amountCents: order.totalCents }));
        if (result.ok) return triggerOfCharge(result.charge);
        if (result.code === 'card_declined') return { on: 'charge_declined', chargeId: result.chargeId };
        throw new Error(`order ${order.id} was charged for another amount (charge ${result.chargeId})`);
      }
      case 'cancel_requested': {
        const charge = ChargeSchema.nullable().parse(await this.billing.resolveOrderCharge({ orderId: order.id }));
        return charge ? triggerOfCharge(charge) : { on: 'no_charge' };
      }
      case 'refund_requested':
      case 'late_refund_requested': {
        if (!order.chargeId) throw new Error(`order ${order.id} awaits a refund but records no charge`);
        const refund = RefundResultSchema.parse(await this.billing.refund({ chargeId: order.chargeId }));
        // Only charges billing reported succeeded get here: a refusal is a bug, not a case.
        if (!refund.ok) throw new Error(`billing refused to refund charge ${order.chargeId} of order ${order.id}: ${refund.code}`);
        return { on: 'refund_issued', chargeId: order.chargeId, refundId: refund.refund.id };
      }
      default:
        throw new Error(`order ${order.id} rests in ${order.stage}: nothing to ask billing`);
    }
  }

  /** The columns a transition to `to` writes: stage, public status, and billing's ids the trigger carries. */
  private targetOf(current: OrderRow, to: Stage, trigger: Trigger) {
    return {
      stage: to,
      status: statusOf(to, current.status),
      ...('chargeId' in trigger ? { chargeId: trigger.chargeId } : {}),
      ...('refundId' in trigger ? { refundId: trigger.refundId } : {}),
    };
  }
}
