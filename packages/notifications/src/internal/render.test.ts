import { describe, expect, it } from 'vitest';
import { formatCents, renderCancellation, renderOrderConfirmation } from './render.js';

describe('rendering', () => {
  it('formats cents exactly, up to 10^12', () => {
    expect(formatCents(0)).toBe('0.00');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(2597)).toBe('25.97');
    expect(formatCents(1_000_000_000_000)).toBe('10000000000.00');
  });

  it('lists the lines and total in an order confirmation', () => {
    const message = renderOrderConfirmation(
      { email: 'ada@example.com', name: 'Ada' },
      { orderId: 'o-1', totalCents: 2699, items: [{ sku: 'BOOK', quantity: 2, lineTotalCents: 2500 }, { sku: 'PEN', quantity: 1, lineTotalCents: 199 }] },
    );
    expect(message).toMatchObject({ kind: 'order-confirmation', to: 'ada@example.com', subject: 'Order o-1 confirmed' });
    expect(message.text).toContain('2 × BOOK  25.00');
    expect(message.text).toContain('Total: 26.99');
  });

  it('mentions a refund only when there was one', () => {
    expect(renderCancellation({ email: 'a@x', name: 'A' }, { orderId: 'o', totalCents: 100, refundId: 'r-1' }).text).toContain('refunded 1.00 (refund r-1)');
    expect(renderCancellation({ email: 'a@x', name: 'A' }, { orderId: 'o', totalCents: 100, refundId: null }).text).not.toContain('refund');
  });
});
