import { describe, expect, it } from 'vitest';
import { formatCents, renderCancellation, renderOrderConfirmation, renderPaymentFailed, renderRefund } from './render.js';

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

  it('tells a declined payment as a closed order that invites a new one, not a retry', () => {
    const text = renderPaymentFailed({ email: 'a@x', name: 'A' }, { orderId: 'o', totalCents: 1013 }).text;
    expect(text).toContain('could not be paid and is now closed');
    expect(text).toContain('place a new order');
    expect(text).not.toMatch(/another card|try again|cancel it/);
  });

  it('names the amount and the refund in a late refund notice', () => {
    expect(renderRefund({ email: 'a@x', name: 'A' }, { orderId: 'o-9', amountCents: 2500, refundId: 'r-2' })).toMatchObject({
      kind: 'order-refunded',
      subject: 'Refund for order o-9',
      text: expect.stringContaining('we refunded 25.00 (refund r-2)'),
    });
  });
});
