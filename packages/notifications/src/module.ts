import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { defineModule } from '@shop/platform-module';
import { logMailer } from './internal/log-mailer.js';
import { consumedEvents, subscribeNotificationHandlers } from './internal/notification-handlers.js';
import { notificationRoutes } from './internal/notification-routes.js';
import { NotificationService } from './internal/notification-service.js';
import { smtpMailer } from './internal/smtp-mailer.js';
import type { Mailer } from './mailer.js';
import { moduleName } from './module-name.js';
import { NotificationsApiDeclaration } from './notifications-api.js';

/** Adapters a host may hand notifications: where mail goes. */
export interface NotificationsPorts {
  mailer: Mailer;
}

/** What notifications reads from the environment. */
const NotificationsConfigSchema = z.object({
  /** When set, messages are sent through this SMTP server; otherwise written to the log. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'expected an smtp:// or smtps:// URL' }).optional(),
});

/** The notifications module, as hosts compose it: customer-facing messages from events. */
export const notificationsModule = defineModule<typeof NotificationsApiDeclaration, Record<string, never>, typeof NotificationsConfigSchema, NotificationsPorts>({
  name: moduleName,
  team: 'growth',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  provides: NotificationsApiDeclaration,
  consumes: consumedEvents,
  config: NotificationsConfigSchema,
  create({ db, logger, events, config, ports }) {
    const mailer = ports.mailer ?? (config.SMTP_URL ? smtpMailer(config.SMTP_URL) : logMailer(logger));
    subscribeNotificationHandlers(events, mailer, logger);
    const api = new NotificationService(db);
    return { api, routes: notificationRoutes(api) };
  },
});
