import type { MailMessage } from '../mailer.js';

/** The welcome message a newly registered customer receives. */
export function renderWelcome(contact: { email: string; name: string }): MailMessage & { kind: 'welcome' } {
  return {
    kind: 'welcome',
    to: contact.email,
    subject: 'Welcome to the shop',
    text: `Hello ${contact.name},\n\nyour account is ready. Happy shopping!\n`,
  };
}

/** `1234` → `12.34`, in integer arithmetic (totals reach 10^12 cents). */
export function formatCents(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

interface Contact {
  email: string;
  name: string;
}

/** Sent when an order is placed. */
export function renderOrderConfirmation(
  contact: Contact,
  order: { orderId: string; totalCents: number; items: readonly { sku: string; quantity: number; lineTotalCents: number }[] },
): MailMessage & { kind: 'order-confirmation' } {
  const lines = order.items.map((item) => `  ${item.quantity} × ${item.sku}  ${formatCents(item.lineTotalCents)}`).join('\n');
  return {
    kind: 'order-confirmation',
    to: contact.email,
    subject: `Order ${order.orderId} confirmed`,
    text: `Hello ${contact.name},\n\nthank you for your order ${order.orderId}:\n${lines}\nTotal: ${formatCents(order.totalCents)}\n`,
  };
}

/** Sent when an order's payment succeeded. */
export function renderPaymentReceipt(contact: Contact, paid: { orderId: string; totalCents: number; chargeId: string }): MailMessage & { kind: 'payment-receipt' } {
  return {
    kind: 'payment-receipt',
    to: contact.email,
    subject: `Receipt for order ${paid.orderId}`,
    text: `Hello ${contact.name},\n\nwe received your payment of ${formatCents(paid.totalCents)} for order ${paid.orderId} (charge ${paid.chargeId}).\n`,
  };
}

/** Sent when an order's payment was declined. */
export function renderPaymentFailed(contact: Contact, failed: { orderId: string; totalCents: number }): MailMessage & { kind: 'payment-failed' } {
  return {
    kind: 'payment-failed',
    to: contact.email,
    subject: `Payment for order ${failed.orderId} failed`,
    text: `Hello ${contact.name},\n\nyour payment of ${formatCents(failed.totalCents)} for order ${failed.orderId} was declined. The order is on hold; you may cancel it or try another card.\n`,
  };
}

/** Sent when an order is cancelled; mentions the refund when there was one. */
export function renderCancellation(
  contact: Contact,
  cancelled: { orderId: string; totalCents: number; refundId: string | null },
): MailMessage & { kind: 'order-cancelled' } {
  const refund = cancelled.refundId ? ` We refunded ${formatCents(cancelled.totalCents)} (refund ${cancelled.refundId}).` : '';
  return {
    kind: 'order-cancelled',
    to: contact.email,
    subject: `Order ${cancelled.orderId} cancelled`,
    text: `Hello ${contact.name},\n\nyour order ${cancelled.orderId} is cancelled.${refund}\n`,
  };
}
