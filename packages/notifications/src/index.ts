/** The public API of the notifications module. */
export {
  NotificationSchema,
  ListNotificationsQuerySchema,
  NotificationListSchema,
  type Notification,
  type ListNotificationsQuery,
  type NotificationList,
} from './schemas.js';
export type { NotificationsApi } from './notifications-api.js';
export type { Mailer, MailMessage } from './mailer.js';
