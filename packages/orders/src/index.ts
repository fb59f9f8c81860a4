/**
 * The public API of the orders module: the only entry other modules may import (events are in
 * `@shop/orders/events`). Types, schemas and the API declaration; the implementation is reached
 * through an injected `OrdersApi`.
 */
export {
  OrderStatusSchema,
  OrderLineInputSchema,
  PlaceOrderSchema,
  PlaceOrderInputSchema,
  IdempotencyKeySchema,
  OrderIdSchema,
  OrderLineSchema,
  OrderSchema,
  ListOrdersSchema,
  OrderPageSchema,
  MAX_LINES,
  MAX_QUANTITY,
  MAX_UNIT_PRICE_CENTS,
  type OrderStatus,
  type PlaceOrder,
  type PlaceOrderInput,
  type OrderLine,
  type Order,
  type ListOrders,
  type OrderPage,
} from './schemas.js';
export {
  OrderErrors,
  OrdersApiDeclaration,
  PlaceOrderResultSchema,
  PayOrderResultSchema,
  CancelOrderResultSchema,
  type OrdersApi,
  type PlaceOrderResult,
  type PayOrderResult,
  type CancelOrderResult,
} from './orders-api.js';
