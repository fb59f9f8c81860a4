import { CustomerRegisteredV1 } from '@shop/customers';
import type { DbTransaction } from '@shop/platform-db';
import type { Subscriber } from '@shop/platform-events';
import type { Logger } from '@shop/platform-logging';
import type { Mailer, MailMessage } from '../mailer.js';
import { renderWelcome } from './render.js';
import { customerContacts, notifications } from './schema.js';

/** Records a rendered notification and hands it to the mailer, in the delivering transaction. */
async function notify(tx: DbTransaction, mailer: Mailer, eventId: string, customerId: string, message: MailMessage & { kind: string }) {
  await tx.insert(notifications).values({
    eventId,
    customerId,
    kind: message.kind,
    channel: 'email',
    recipient: message.to,
    subject: message.subject,
    body: message.text,
  });
  await mailer.send({ to: message.to, subject: message.subject, text: message.text });
}

/** Every event notifications reacts to. Order events join here once orders publishes them. */
export function subscribeNotificationHandlers(subscriber: Subscriber, mailer: Mailer, logger: Logger): void {
  subscriber.subscribe(CustomerRegisteredV1, async (tx, customer, meta) => {
    const contact = { customerId: customer.customerId, email: customer.email, name: customer.name, registeredAt: new Date(customer.registeredAt) };
    await tx
      .insert(customerContacts)
      .values(contact)
      .onConflictDoUpdate({ target: customerContacts.customerId, set: { email: contact.email, name: contact.name } });
    await notify(tx, mailer, meta.eventId, customer.customerId, renderWelcome(contact));
    logger.info({ customerId: customer.customerId, eventId: meta.eventId }, 'welcome notification sent');
  });
}
