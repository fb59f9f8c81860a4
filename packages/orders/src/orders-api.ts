import type { ListOrdersQuery, Order, OrderPage, PlaceOrder } from './schemas.js';

/** Expected failures of the orders module, as stable codes. */
export const OrderErrorCode = {
  UnknownCustomer: 'unknown_customer',
  /** The `Idempotency-Key` was already used with a different body. */
  IdempotencyKeyReused: 'idempotency_key_reused',
  NotFound: 'not_found',
  NotPayable: 'not_payable',
  CardDeclined: 'card_declined',
  NotCancellable: 'not_cancellable',
} as const;
export type OrderErrorCode = (typeof OrderErrorCode)[keyof typeof OrderErrorCode];

export type PlaceOrderResult =
  | { ok: true; order: Order; /** false when an earlier request with the same key created it */ created: boolean }
  | { ok: false; code: typeof OrderErrorCode.UnknownCustomer | typeof OrderErrorCode.IdempotencyKeyReused };

export type PayOrderResult =
  | { ok: true; order: Order }
  | { ok: false; code: typeof OrderErrorCode.NotFound | typeof OrderErrorCode.NotPayable }
  | { ok: false; code: typeof OrderErrorCode.CardDeclined; order: Order };

export type CancelOrderResult =
  | { ok: true; order: Order }
  | { ok: false; code: typeof OrderErrorCode.NotFound | typeof OrderErrorCode.NotCancellable };

/** What other modules (and the HTTP adapter) may ask of orders. Async, plain data in and out. */
export interface OrdersApi {
  place(input: PlaceOrder, options?: { idempotencyKey?: string }): Promise<PlaceOrderResult>;
  get(id: string): Promise<Order | null>;
  list(query: ListOrdersQuery): Promise<OrderPage>;
  /** `placed → paid` (or `payment_failed` when declined), charging the order's total through billing. */
  pay(id: string): Promise<PayOrderResult>;
  /** `placed | paid | payment_failed → cancelled`; a paid order is refunded through billing. */
  cancel(id: string): Promise<CancelOrderResult>;
}
