import { z } from 'zod';
import { PageLimitSchema, PagePositionSchema, pageSchema } from '@shop/platform-module';

export const OrderStatusSchema = z.enum(['placed', 'paid', 'payment_failed', 'cancelled']);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const MAX_LINES = 100;
export const MAX_QUANTITY = 1_000;
export const MAX_UNIT_PRICE_CENTS = 10_000_000;

/** What a client sends for one line. Prices are integer cents; nothing here is a total. */
export const OrderLineInputSchema = z.object({
  sku: z.string().trim().min(1).max(64),
  quantity: z.number().int().min(1).max(MAX_QUANTITY),
  unitPriceCents: z.number().int().min(0).max(MAX_UNIT_PRICE_CENTS),
});

/** `POST /orders`. Unknown fields (a client's `totalCents`, say) are dropped: totals are computed here. */
export const PlaceOrderSchema = z.object({
  customerId: z.uuid(),
  items: z.array(OrderLineInputSchema).min(1).max(MAX_LINES),
});
export type PlaceOrder = z.input<typeof PlaceOrderSchema>;

/** Header value of `Idempotency-Key`. */
export const IdempotencyKeySchema = z.string().trim().min(1).max(255);

/** `place`'s input: the order, and the client's `Idempotency-Key` when it sent one. */
export const PlaceOrderInputSchema = PlaceOrderSchema.extend({ idempotencyKey: IdempotencyKeySchema.optional() });
export type PlaceOrderInput = z.input<typeof PlaceOrderInputSchema>;

export const OrderIdSchema = z.object({ id: z.uuid() });

export const OrderLineSchema = OrderLineInputSchema.extend({ lineTotalCents: z.number().int().min(0) });
export type OrderLine = z.infer<typeof OrderLineSchema>;

export const OrderSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  status: OrderStatusSchema,
  items: z.array(OrderLineSchema),
  /** Sum of the lines' totals, computed by the server. Up to 10^12 cents. */
  totalCents: z.number().int().min(0),
  /** Billing's charge for this order, once payment was attempted. */
  chargeId: z.uuid().nullable(),
  /** Billing's refund, when a paid order was cancelled. */
  refundId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Order = z.infer<typeof OrderSchema>;

/** A customer's orders, oldest first, after `after` (the previous page's `next`). */
export const ListOrdersSchema = z.object({
  customerId: z.uuid(),
  limit: PageLimitSchema.default(20),
  after: PagePositionSchema.optional(),
});
export type ListOrders = z.input<typeof ListOrdersSchema>;

export const OrderPageSchema = pageSchema(OrderSchema);
export type OrderPage = z.infer<typeof OrderPageSchema>;
