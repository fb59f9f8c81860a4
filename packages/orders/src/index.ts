/**
 * The public API of the orders module: the only entry other modules may import.
 * Types and schemas only; the implementation is reached through an injected `OrdersApi`.
 */
export {
  OrderStatusSchema,
  OrderLineInputSchema,
  PlaceOrderSchema,
  IdempotencyKeySchema,
  OrderLineSchema,
  OrderSchema,
  ListOrdersQuerySchema,
  OrderPageSchema,
  MAX_LINES,
  MAX_QUANTITY,
  MAX_UNIT_PRICE_CENTS,
  type OrderStatus,
  type PlaceOrder,
  type OrderLine,
  type Order,
  type ListOrdersQuery,
  type OrderPage,
} from './schemas.js';
export {
  OrderErrorCode,
  type OrdersApi,
  type PlaceOrderResult,
  type PayOrderResult,
  type CancelOrderResult,
} from './orders-api.js';
export {
  OrderPlacedV1,
  OrderPaidV1,
  OrderPaymentFailedV1,
  OrderCancelledV1,
  type OrderPlacedPayload,
  type OrderPaidPayload,
  type OrderPaymentFailedPayload,
  type OrderCancelledPayload,
} from './events.js';
