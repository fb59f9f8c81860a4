import { eq } from 'drizzle-orm';
import { CustomerRegisteredV1 } from '@shop/customers/events';
import { OrderCancelledV1, OrderPaidV1, OrderPaymentFailedV1, OrderPlacedV1, OrderRefundedV1 } from '@shop/orders/events';
import type { DbTransaction } from '@shop/platform-db';
import type { Subscriber } from '@shop/platform-events';
import type { Logger } from '@shop/platform-logging';
import { renderCancellation, renderOrderConfirmation, renderPaymentFailed, renderPaymentReceipt, renderRefund, renderWelcome, type Rendered } from './render.js';
import { customerContacts, mailOutbox, notifications } from './schema.js';

/**
 * Records a rendered notification and queues its mail, in the delivering transaction: both exist
 * exactly when the event counts as handled. Nothing leaves the process here; the mail sender sends
 * it after commit, so a rolled-back delivery (a crash, a retry) sends nothing.
 */
async function notify(tx: DbTransaction, eventId: string, customerId: string, message: Rendered<string>): Promise<void> {
  const [row] = await tx
    .insert(notifications)
    .values({ eventId, customerId, kind: message.kind, channel: 'email', recipient: message.to, subject: message.subject, body: message.text })
    .returning({ id: notifications.id });
  if (!row) throw new Error(`notification for event ${eventId} was not written`);
  await tx.insert(mailOutbox).values({ notificationId: row.id, nextAttemptAt: new Date() });
}

/**
 * The recipient, from this module's own projection of registrations. Orders and customers are
 * different outboxes, so an order event can arrive before its customer's registration: throwing
 * rolls the effect back and the dispatcher retries after a backoff, by when the contact is there.
 */
async function contactOf(tx: DbTransaction, customerId: string): Promise<{ email: string; name: string }> {
  const [contact] = await tx
    .select({ email: customerContacts.email, name: customerContacts.name })
    .from(customerContacts)
    .where(eq(customerContacts.customerId, customerId))
    .limit(1);
  if (!contact) throw new Error(`no contact yet for customer ${customerId}; retrying once customers.customer-registered is delivered`);
  return contact;
}

/** Every event notifications reacts to (its descriptor's `consumes`). */
export const consumedEvents = [CustomerRegisteredV1, OrderPlacedV1, OrderPaidV1, OrderPaymentFailedV1, OrderCancelledV1, OrderRefundedV1] as const;

/** Subscribes a handler to each of `consumedEvents`. */
export function subscribeNotificationHandlers(subscriber: Subscriber, logger: Logger): void {
  subscriber.subscribe(CustomerRegisteredV1, async (tx, customer, meta) => {
    const contact = { customerId: customer.customerId, email: customer.email, name: customer.name, registeredAt: new Date(customer.registeredAt) };
    await tx
      .insert(customerContacts)
      .values(contact)
      .onConflictDoUpdate({ target: customerContacts.customerId, set: { email: contact.email, name: contact.name } });
    await notify(tx, meta.eventId, customer.customerId, renderWelcome(contact));
    logger.info({ customerId: customer.customerId, eventId: meta.eventId }, 'welcome notification queued');
  });

  subscriber.subscribe(OrderPlacedV1, async (tx, order, meta) => {
    await notify(tx, meta.eventId, order.customerId, renderOrderConfirmation(await contactOf(tx, order.customerId), order));
    logger.info({ orderId: order.orderId, eventId: meta.eventId }, 'order confirmation queued');
  });
  subscriber.subscribe(OrderPaidV1, async (tx, paid, meta) => {
    await notify(tx, meta.eventId, paid.customerId, renderPaymentReceipt(await contactOf(tx, paid.customerId), paid));
    logger.info({ orderId: paid.orderId, eventId: meta.eventId }, 'payment receipt queued');
  });
  subscriber.subscribe(OrderPaymentFailedV1, async (tx, failed, meta) => {
    await notify(tx, meta.eventId, failed.customerId, renderPaymentFailed(await contactOf(tx, failed.customerId), failed));
    logger.info({ orderId: failed.orderId, eventId: meta.eventId }, 'payment failure notice queued');
  });
  subscriber.subscribe(OrderCancelledV1, async (tx, cancelled, meta) => {
    await notify(tx, meta.eventId, cancelled.customerId, renderCancellation(await contactOf(tx, cancelled.customerId), cancelled));
    logger.info({ orderId: cancelled.orderId, eventId: meta.eventId }, 'cancellation notice queued');
  });
  subscriber.subscribe(OrderRefundedV1, async (tx, refunded, meta) => {
    await notify(tx, meta.eventId, refunded.customerId, renderRefund(await contactOf(tx, refunded.customerId), refunded));
    logger.info({ orderId: refunded.orderId, eventId: meta.eventId }, 'refund notice queued');
  });
}
