import { z } from 'zod';
import { defineApi, defineErrors, errorCodes, resultSchema, type ApiOf } from '@shop/platform-module';
import { moduleName } from './module-name.js';
import { ListOrdersSchema, OrderIdSchema, OrderPageSchema, OrderSchema, PlaceOrderInputSchema } from './schemas.js';

/** Expected failures of the orders module, each with its HTTP status. */
export const OrderErrors = defineErrors({
  unknown_customer: { status: 422, title: 'The customer does not exist' },
  /** The `Idempotency-Key` was already used with a different body. */
  idempotency_key_reused: { status: 422, title: 'This Idempotency-Key was already used with a different request body' },
  not_found: { status: 404, title: 'No such order' },
  not_payable: { status: 409, title: 'The order can no longer be paid' },
  card_declined: { status: 402, title: 'The payment was declined' },
  not_cancellable: { status: 409, title: 'The order can no longer be cancelled' },
});

/** `created` is false when an earlier request with the same key created the order. */
export const PlaceOrderResultSchema = resultSchema({ order: OrderSchema, created: z.boolean() }, { code: errorCodes(OrderErrors, 'unknown_customer', 'idempotency_key_reused') });
export type PlaceOrderResult = z.infer<typeof PlaceOrderResultSchema>;

export const PayOrderResultSchema = resultSchema(
  { order: OrderSchema },
  { code: errorCodes(OrderErrors, 'not_found', 'not_payable') },
  { code: errorCodes(OrderErrors, 'card_declined'), order: OrderSchema },
);
export type PayOrderResult = z.infer<typeof PayOrderResultSchema>;

export const CancelOrderResultSchema = resultSchema({ order: OrderSchema }, { code: errorCodes(OrderErrors, 'not_found', 'not_cancellable') });
export type CancelOrderResult = z.infer<typeof CancelOrderResultSchema>;

/** What other modules (and the HTTP adapter) may ask of orders, as data. Plain data in and out. */
export const OrdersApiDeclaration = defineApi({
  module: moduleName,
  name: 'OrdersApi',
  operations: {
    place: {
      summary: 'Places an order priced by the server; with an idempotency key, a repeat returns the same order.',
      input: PlaceOrderInputSchema,
      output: PlaceOrderResultSchema,
      idempotent: false,
    },
    get: { summary: 'An order, or null.', input: OrderIdSchema, output: OrderSchema.nullable(), idempotent: true },
    list: { summary: "A customer's orders, oldest first, a page at a time.", input: ListOrdersSchema, output: OrderPageSchema, idempotent: true },
    pay: {
      summary:
        '`placed → paid` (or `payment_failed`, which closes the order, when declined), charging the order’s total through billing once. Repeated or concurrent pays answer the same paid order, or the same decline.',
      input: OrderIdSchema,
      output: PayOrderResultSchema,
      idempotent: true,
    },
    cancel: {
      summary:
        '`placed | paid → cancelled`; any payment is refunded through billing, and the refund recorded on the order. Repeated or concurrent cancels answer the same cancelled order.',
      input: OrderIdSchema,
      output: CancelOrderResultSchema,
      idempotent: true,
    },
  },
});

export type OrdersApi = ApiOf<typeof OrdersApiDeclaration>;
