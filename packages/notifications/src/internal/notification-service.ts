import { asc, eq } from 'drizzle-orm';
import type { Db } from '@shop/platform-db';
import type { NotificationsApi } from '../notifications-api.js';
import { ListNotificationsSchema, type ListNotifications, type Notification, type NotificationList } from '../schemas.js';
import { messageIdOf } from './message-id.js';
import { notifications, type NotificationRow } from './schema.js';

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    customerId: row.customerId,
    kind: row.kind,
    channel: 'email',
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    messageId: messageIdOf(row.id),
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
  };
}

export class NotificationService implements NotificationsApi {
  constructor(private readonly db: Db) {}

  async list(input: ListNotifications): Promise<NotificationList> {
    const { customerId } = ListNotificationsSchema.parse(input);
    const rows = await this.db
      .select()
      .from(notifications)
      .where(eq(notifications.customerId, customerId))
      .orderBy(asc(notifications.position));
    return { items: rows.map(toNotification) };
  }
}
