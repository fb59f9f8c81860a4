import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { PlaceOrderSchema } from '../schemas.js';

/**
 * A digest of a parsed `POST /orders` body, to tell "the same request again" from "another
 * request under a reused key". Computed after validation, so key order, whitespace and dropped
 * unknown fields do not make two equal requests differ.
 */
export function requestFingerprint(input: z.output<typeof PlaceOrderSchema>): string {
  const canonical = JSON.stringify([input.customerId.toLowerCase(), input.items.map((line) => [line.sku, line.quantity, line.unitPriceCents])]);
  return createHash('sha256').update(canonical).digest('hex');
}
