import { z } from 'zod';

export const NotificationSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  kind: z.string(),
  channel: z.enum(['email']),
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
  /** The mail's `Message-ID` (`<id>@shop`), the same on every attempt. */
  messageId: z.string(),
  /** When the mailer accepted the mail; null while it waits to be sent (or was given up). */
  sentAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const ListNotificationsSchema = z.object({ customerId: z.uuid() });
export type ListNotifications = z.input<typeof ListNotificationsSchema>;

export const NotificationListSchema = z.object({ items: z.array(NotificationSchema) });
export type NotificationList = z.infer<typeof NotificationListSchema>;
