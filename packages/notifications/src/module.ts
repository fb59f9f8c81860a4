import { fileURLToPath } from 'node:url';
import type { Db, ModuleMigrations } from '@shop/platform-db';
import type { EventSubscriptions } from '@shop/platform-events';
import type { Router } from '@shop/platform-http';
import { moduleLogger, type Logger } from '@shop/platform-logging';
import { logMailer } from './internal/log-mailer.js';
import { subscribeNotificationHandlers } from './internal/notification-handlers.js';
import { notificationRoutes } from './internal/notification-routes.js';
import { NotificationService } from './internal/notification-service.js';
import { smtpMailer } from './internal/smtp-mailer.js';
import type { Mailer } from './mailer.js';
import type { NotificationsApi } from './notifications-api.js';

export { logMailer, smtpMailer };

/** Where this module's drizzle-kit migrations live; they touch the `notifications` schema only. */
export const notificationsMigrations: ModuleMigrations = {
  name: 'notifications',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
};

export interface NotificationsModuleDeps {
  db: Db;
  logger: Logger;
  events: EventSubscriptions;
  /** Defaults to writing messages to the log. */
  mailer?: Mailer;
}

export interface NotificationsModule {
  api: NotificationsApi;
  routes: Router;
}

/** Composition entry for hosts: subscribes notifications to the events it turns into messages. */
export function createNotificationsModule(deps: NotificationsModuleDeps): NotificationsModule {
  const logger = moduleLogger(deps.logger, 'notifications');
  subscribeNotificationHandlers(deps.events.subscriber('notifications'), deps.mailer ?? logMailer(logger), logger);
  const api = new NotificationService(deps.db);
  return { api, routes: notificationRoutes(api) };
}
