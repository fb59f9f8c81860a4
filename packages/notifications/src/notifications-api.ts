import type { ListNotificationsQuery, NotificationList } from './schemas.js';

/** What others may ask of notifications. Notifications are created by events, not calls. */
export interface NotificationsApi {
  /** A customer's notifications, oldest first. */
  list(query: ListNotificationsQuery): Promise<NotificationList>;
}
