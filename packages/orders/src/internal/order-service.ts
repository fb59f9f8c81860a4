import { z } from 'zod';
import { ChargeListSchema, ChargeOrderResultSchema, RefundResultSchema, type BillingApi } from '@shop/billing';
import type { CustomersApi } from '@shop/customers';
import type { DbTransaction } from '@shop/platform-db';
import { publish } from '@shop/platform-events';
import type { Logger } from '@shop/platform-logging';
import { OrderCancelledV1, OrderPaidV1, OrderPaymentFailedV1, OrderPlacedV1 } from '../events.js';
import type { CancelOrderResult, OrdersApi, PayOrderResult, PlaceOrderResult } from '../orders-api.js';
import { ListOrdersSchema, PlaceOrderInputSchema, type ListOrders, type Order, type OrderPage, type PlaceOrderInput } from '../schemas.js';
import { canTransition, isCancellable } from './order-lifecycle.js';
import type { OrderRepository, OrderWithLines } from './order-repository.js';
import type { OrderRow } from './schema.js';
import { priceLines } from './order-totals.js';
import { requestFingerprint } from './request-fingerprint.js';

const isUuid = (value: string) => z.uuid().safeParse(value).success;

export function toOrder({ order, lines }: OrderWithLines): Order {
  return {
    id: order.id,
    customerId: order.customerId,
    status: order.status,
    items: lines.map((line) => ({ sku: line.sku, quantity: line.quantity, unitPriceCents: line.unitPriceCents, lineTotalCents: line.lineTotalCents })),
    totalCents: order.totalCents,
    chargeId: order.chargeId,
    refundId: order.refundId,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

/** `orders.order-paid` or `orders.order-payment-failed`, for the row the transition just wrote. */
async function publishPaymentOutcome(tx: DbTransaction, row: OrderRow, chargeId: string): Promise<void> {
  const common = { orderId: row.id, customerId: row.customerId, totalCents: row.totalCents, chargeId };
  const at = row.updatedAt.toISOString();
  if (row.status === 'paid') await publish(tx, OrderPaidV1, { ...common, paidAt: at }, { aggregateId: row.id });
  else await publish(tx, OrderPaymentFailedV1, { ...common, failedAt: at }, { aggregateId: row.id });
}

/**
 * The in-process implementation of `OrdersApi`. Customers and billing are injected APIs; their
 * answers are validated with their published schemas, so an HTTP client could stand in for them.
 */
export class OrderService implements OrdersApi {
  constructor(
    private readonly repository: OrderRepository,
    private readonly customers: CustomersApi,
    private readonly billing: BillingApi,
    private readonly logger: Logger,
  ) {}

  async place(input: PlaceOrderInput): Promise<PlaceOrderResult> {
    const { idempotencyKey: key, ...order } = PlaceOrderInputSchema.parse(input);
    const fingerprint = requestFingerprint(order);
    if (key) {
      const replay = await this.replay(key, fingerprint);
      if (replay) return replay;
    }
    if (!(await this.customers.exists({ id: order.customerId }))) return { ok: false, code: 'unknown_customer' };

    const { items, totalCents } = priceLines(order.items);
    const inserted = await this.repository.insert(
      { customerId: order.customerId, items, totalCents, ...(key ? { idempotency: { key, fingerprint } } : {}) },
      async (tx, rows) => {
        const placed = toOrder(rows);
        await publish(
          tx,
          OrderPlacedV1,
          { orderId: placed.id, customerId: placed.customerId, items: placed.items, totalCents: placed.totalCents, placedAt: placed.createdAt },
          { aggregateId: placed.id },
        );
        return placed;
      },
    );
    if (!inserted.ok) {
      // A concurrent request with the same key committed first: answer as it did.
      const replay = key ? await this.replay(key, fingerprint) : undefined;
      if (!replay) throw new Error(`idempotency key ${key} was taken but cannot be found`);
      return replay;
    }
    this.logger.info({ orderId: inserted.value.id, customerId: inserted.value.customerId, totalCents }, 'order placed');
    return { ok: true, order: inserted.value, created: true };
  }

  /** The answer to a request whose idempotency key was seen before, or undefined if it was not. */
  private async replay(key: string, fingerprint: string): Promise<PlaceOrderResult | undefined> {
    const seen = await this.repository.findIdempotencyKey(key);
    if (!seen) return undefined;
    if (seen.requestFingerprint !== fingerprint) return { ok: false, code: 'idempotency_key_reused' };
    const existing = await this.repository.findById(seen.orderId);
    if (!existing) throw new Error(`idempotency key points at missing order ${seen.orderId}`);
    return { ok: true, order: toOrder(existing), created: false };
  }

  async get({ id }: { id: string }): Promise<Order | null> {
    if (!isUuid(id)) return null;
    const found = await this.repository.findById(id);
    return found ? toOrder(found) : null;
  }

  async list(input: ListOrders): Promise<OrderPage> {
    const { customerId, limit, after } = ListOrdersSchema.parse(input);
    const page = await this.repository.page(customerId, limit, after ? { at: new Date(after.at), id: after.id } : undefined);
    return { items: page.items.map(toOrder), next: page.next ? { at: page.next[0].toISOString(), id: page.next[1] } : null };
  }

  /**
   * The charge (billing) and the status change (here) are two writes in two modules with no shared
   * transaction. Billing charges an order at most once, so if we die after the charge and before
   * the update, the order stays `placed` and a retried pay gets the same charge back and finishes.
   */
  async pay({ id }: { id: string }): Promise<PayOrderResult> {
    const current = await this.get({ id });
    if (!current) return { ok: false, code: 'not_found' };
    if (!canTransition(current.status, 'paid')) return { ok: false, code: 'not_payable' };

    const result = ChargeOrderResultSchema.parse(await this.billing.chargeOrder({ orderId: current.id, amountCents: current.totalCents }));
    if (!result.ok && result.code === 'amount_mismatch') {
      throw new Error(`order ${current.id} was charged for another amount (charge ${result.chargeId})`);
    }
    const chargeId = result.ok ? result.charge.id : result.chargeId;
    const to = result.ok ? 'paid' : 'payment_failed';
    const moved = await this.repository.transaction(async (tx) => {
      const row = await this.repository.transition(tx, current.id, 'placed', to, { chargeId });
      if (row) await publishPaymentOutcome(tx, row, chargeId);
      return row;
    });
    const after = await this.get({ id: current.id });
    if (!after) throw new Error(`order ${current.id} vanished`);

    if (!moved && !(after.status === to && after.chargeId === chargeId)) {
      // Someone else moved the order meanwhile (a concurrent cancel). Our charge must not stand
      // for an order that is not paid with it.
      if (result.ok) await this.refundCharge(chargeId);
      return { ok: false, code: 'not_payable' };
    }
    this.logger.info({ orderId: current.id, chargeId, status: to }, 'order payment recorded');
    return result.ok ? { ok: true, order: after } : { ok: false, code: 'card_declined', order: after };
  }

  /**
   * Refunds every succeeded charge billing holds for the order, not only `chargeId`: an order
   * whose pay died after charging is still `placed`, and cancelling it must not keep the money.
   * Refunds are idempotent per charge, so a retried cancel refunds once.
   */
  async cancel({ id }: { id: string }): Promise<CancelOrderResult> {
    const current = await this.get({ id });
    if (!current) return { ok: false, code: 'not_found' };
    const from = current.status;
    if (!isCancellable(from)) return { ok: false, code: 'not_cancellable' };

    const charges = ChargeListSchema.parse(await this.billing.listCharges({ orderId: current.id }));
    let refundId: string | undefined;
    for (const charge of charges.items.filter((c) => c.status === 'succeeded' || c.status === 'refunded')) {
      refundId = await this.refundCharge(charge.id);
    }
    const moved = await this.repository.transaction(async (tx) => {
      const row = await this.repository.transition(tx, current.id, from, 'cancelled', refundId ? { refundId } : {});
      if (row) {
        await publish(
          tx,
          OrderCancelledV1,
          {
            orderId: row.id,
            customerId: row.customerId,
            totalCents: row.totalCents,
            previousStatus: from,
            refundId: row.refundId,
            cancelledAt: row.updatedAt.toISOString(),
          },
          { aggregateId: row.id },
        );
      }
      return row;
    });
    if (!moved) return { ok: false, code: 'not_cancellable' };
    this.logger.info({ orderId: current.id, refundId }, 'order cancelled');
    const after = await this.get({ id: current.id });
    if (!after) throw new Error(`order ${current.id} vanished`);
    return { ok: true, order: after };
  }

  private async refundCharge(chargeId: string): Promise<string> {
    const refund = RefundResultSchema.parse(await this.billing.refund({ chargeId }));
    // Orders only refunds charges billing reported as succeeded: any failure here is a bug, not a case.
    if (!refund.ok) throw new Error(`billing refused to refund charge ${chargeId}: ${refund.code}`);
    return refund.refund.id;
  }
}
