import type { MailMessage } from '../mailer.js';

/** A message as rendered from an event: everything but its `Message-ID`, which the notification's id gives. */
export type Rendered<K extends string> = Omit<MailMessage, 'messageId'> & { kind: K };

/** The welcome message a newly registered customer receives. */
export function renderWelcome(contact: { email: string; name: string }): Rendered<'welcome'> {
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
): Rendered<'order-confirmation'> {
  const lines = order.items.map((item) => `  ${item.quantity} × ${item.sku}  ${formatCents(item.lineTotalCents)}`).join('\n');
  return {
    kind: 'order-confirmation',
    to: contact.email,
    subject: `Order ${order.orderId} confirmed`,
    text: `Hello ${contact.name},\n\nthank you for your order ${order.orderId}:\n${lines}\nTotal: ${formatCents(order.totalCents)}\n`,
  };
}

/** Sent when an order's payment succeeded. */
export function renderPaymentReceipt(contact: Contact, paid: { orderId: string; totalCents: number; chargeId: string }): Rendered<'payment-receipt'> {
  return {
    kind: 'payment-receipt',
    to: contact.email,
    subject: `Receipt for order ${paid.orderId}`,
    text: `Hello ${contact.name},\n\nwe received your payment of ${formatCents(paid.totalCents)} for order ${paid.orderId} (charge ${paid.chargeId}).\n`,
  };
}

/** Sent when an order's payment was declined: the order is closed, nothing was charged. */
export function renderPaymentFailed(contact: Contact, failed: { orderId: string; totalCents: number }): Rendered<'payment-failed'> {
  return {
    kind: 'payment-failed',
    to: contact.email,
    subject: `Payment for order ${failed.orderId} failed`,
    text:
      `Hello ${contact.name},\n\nyour payment of ${formatCents(failed.totalCents)} for order ${failed.orderId} was declined, so the order could not be paid ` +
      `and is now closed. Nothing was charged. You are welcome to place a new order.\n`,
  };
}

/** Sent when an order is cancelled; mentions the refund when there was one. */
export function renderCancellation(
  contact: Contact,
  cancelled: { orderId: string; totalCents: number; refundId: string | null },
): Rendered<'order-cancelled'> {
  const refund = cancelled.refundId ? ` We refunded ${formatCents(cancelled.totalCents)} (refund ${cancelled.refundId}).` : '';
  return {
    kind: 'order-cancelled',
    to: contact.email,
    subject: `Order ${cancelled.orderId} cancelled`,
    text: `Hello ${contact.name},\n\nyour order ${cancelled.orderId} is cancelled.${refund}\n`,
  };
}

/** Sent when a cancelled order's payment was refunded after the cancellation was announced. */
export function renderRefund(contact: Contact, refunded: { orderId: string; amountCents: number; refundId: string }): Rendered<'order-refunded'> {
  return {
    kind: 'order-refunded',
    to: contact.email,
    subject: `Refund for order ${refunded.orderId}`,
    text: `Hello ${contact.name},\n\nyour cancelled order ${refunded.orderId} had been charged after all; we refunded ${formatCents(refunded.amountCents)} (refund ${refunded.refundId}).\n`,
  };
}
