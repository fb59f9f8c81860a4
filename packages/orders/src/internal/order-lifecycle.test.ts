import { describe, expect, it } from 'vitest';
import { OrderStatusSchema, type OrderStatus } from '../schemas.js';
import { canTransition } from './order-lifecycle.js';

describe('order lifecycle', () => {
  const allowed = new Set(['placed>paid', 'placed>payment_failed', 'placed>cancelled', 'paid>cancelled', 'payment_failed>cancelled']);
  const statuses = OrderStatusSchema.options as OrderStatus[];

  it.each(statuses.flatMap((from) => statuses.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(allowed.has(`${from}>${to}`));
  });
});
