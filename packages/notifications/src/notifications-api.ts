import { defineApi, type ApiOf } from '@shop/platform-module';
import { moduleName } from './module-name.js';
import { ListNotificationsSchema, NotificationListSchema } from './schemas.js';

/** What others may ask of notifications, as data. Notifications are created by events, not calls. */
export const NotificationsApiDeclaration = defineApi({
  module: moduleName,
  name: 'NotificationsApi',
  operations: {
    list: { summary: "A customer's notifications, oldest first.", input: ListNotificationsSchema, output: NotificationListSchema, idempotent: true },
  },
});

export type NotificationsApi = ApiOf<typeof NotificationsApiDeclaration>;
