import { z } from 'zod';

/** Money is integer cents; an order total can exceed 2^31, so it is bounded by JS's safe integers. */
export const AmountCentsSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * `pending`: claimed for the order, the provider's answer not yet recorded (a crash or a concurrent
 * retry can leave it so; the next `chargeOrder` for the order finishes it).
 */
export const ChargeStatusSchema = z.enum(['pending', 'succeeded', 'declined', 'refunded']);
export type ChargeStatus = z.infer<typeof ChargeStatusSchema>;

export const ChargeSchema = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  amountCents: AmountCentsSchema,
  status: ChargeStatusSchema,
  /** Why the provider declined it (`card_declined`); null unless `status` is `declined`. */
  declineCode: z.string().nullable(),
  /** The refund of a `refunded` charge; null otherwise. */
  refundId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Charge = z.infer<typeof ChargeSchema>;

export const RefundSchema = z.object({
  id: z.uuid(),
  chargeId: z.uuid(),
  amountCents: AmountCentsSchema,
  createdAt: z.iso.datetime(),
});
export type Refund = z.infer<typeof RefundSchema>;

export const ChargeOrderInputSchema = z.object({ orderId: z.uuid(), amountCents: AmountCentsSchema });
export type ChargeOrderInput = z.input<typeof ChargeOrderInputSchema>;

export const RefundInputSchema = z.object({ chargeId: z.uuid() });
export type RefundInput = z.input<typeof RefundInputSchema>;

export const ChargeIdSchema = z.object({ id: z.uuid() });

/** `resolveOrderCharge`'s input: the order whose charge to settle and return. */
export const ResolveOrderChargeInputSchema = z.object({ orderId: z.uuid() });
export type ResolveOrderChargeInput = z.input<typeof ResolveOrderChargeInputSchema>;

export const ListChargesQuerySchema = z.object({ orderId: z.uuid() });
export type ListChargesQuery = z.input<typeof ListChargesQuerySchema>;

export const ChargeListSchema = z.object({ items: z.array(ChargeSchema) });
export type ChargeList = z.infer<typeof ChargeListSchema>;

