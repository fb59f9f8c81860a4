import { z } from 'zod';
import type { CustomersApi } from '@shop/customers';
import { publish } from '@shop/platform-events';
import type { Logger } from '@shop/platform-logging';
import { OrderPlacedV1 } from '../events.js';
import type { CancelOrderResult, OrdersApi, PayOrderResult, PlaceOrderResult } from '../orders-api.js';
import { ListOrdersSchema, PlaceOrderInputSchema, type ListOrders, type Order, type OrderPage, type PlaceOrderInput } from '../schemas.js';
import type { OrderRepository, OrderWithLines } from './order-repository.js';
import type { PaymentProcess } from './payment-process.js';
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

/**
 * The in-process implementation of `OrdersApi`. Customers is an injected API; billing is reached
 * only through the payment process manager. Their answers are validated with their published
 * schemas, so an HTTP client could stand in for either.
 */
export class OrderService implements OrdersApi {
  constructor(
    private readonly repository: OrderRepository,
    private readonly customers: CustomersApi,
    private readonly process: PaymentProcess,
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
   * Pays the order through the process manager: `placed → payment_requested`, then billing is
   * asked to charge (idempotent per order) and the outcome recorded. Answers from where the order
   * comes to rest, so every concurrent or repeated pay gets the same answer: the paid order, or
   * the same 402. An order a cancel got to first is not payable.
   */
  async pay({ id }: { id: string }): Promise<PayOrderResult> {
    if (!(await this.get({ id }))) return { ok: false, code: 'not_found' };
    await this.process.apply(id, { on: 'pay' });
    await this.process.drive(id);
    const order = await this.get({ id });
    if (!order) throw new Error(`order ${id} vanished`);
    if (order.status === 'paid') return { ok: true, order };
    if (order.status === 'payment_failed') return { ok: false, code: 'card_declined', order };
    return { ok: false, code: 'not_payable' };
  }

  /**
   * Cancels the order through the process manager: a placed order at once; one whose payment is
   * in flight or done once billing's charge is settled and, if it succeeded, refunded (the refund
   * recorded on the order and announced with the cancellation). Every concurrent or repeated
   * cancel gets the same cancelled order. A `payment_failed` order is closed: not cancellable.
   */
  async cancel({ id }: { id: string }): Promise<CancelOrderResult> {
    if (!(await this.get({ id }))) return { ok: false, code: 'not_found' };
    await this.process.apply(id, { on: 'cancel' });
    await this.process.drive(id);
    const order = await this.get({ id });
    if (!order) throw new Error(`order ${id} vanished`);
    return order.status === 'cancelled' ? { ok: true, order } : { ok: false, code: 'not_cancellable' };
  }
}
