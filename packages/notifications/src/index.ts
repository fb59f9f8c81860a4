/** The public API of the notifications module. */
export {
  NotificationSchema,
  ListNotificationsSchema,
  NotificationListSchema,
  type Notification,
  type ListNotifications,
  type NotificationList,
} from './schemas.js';
export { NotificationsApiDeclaration, type NotificationsApi } from './notifications-api.js';
export type { Mailer, MailMessage } from './mailer.js';
