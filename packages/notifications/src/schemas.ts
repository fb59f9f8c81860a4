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
});
export type Notification = z.infer<typeof NotificationSchema>;

export const ListNotificationsSchema = z.object({ customerId: z.uuid() });
export type ListNotifications = z.input<typeof ListNotificationsSchema>;

export const NotificationListSchema = z.object({ items: z.array(NotificationSchema) });
export type NotificationList = z.infer<typeof NotificationListSchema>;
