import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { defineModule } from '@shop/platform-module';
import { logMailer } from './internal/log-mailer.js';
import { MailSender } from './internal/mail-sender.js';
import { consumedEvents, subscribeNotificationHandlers } from './internal/notification-handlers.js';
import { notificationRoutes } from './internal/notification-routes.js';
import { NotificationService } from './internal/notification-service.js';
import { smtpMailer } from './internal/smtp-mailer.js';
import type { Mailer } from './mailer.js';
import { moduleName } from './module-name.js';
import { NotificationsApiDeclaration } from './notifications-api.js';

export type { MailSender, MailPass } from './internal/mail-sender.js';

/** Adapters a host may hand notifications: where mail goes. */
export interface NotificationsPorts {
  mailer: Mailer;
}

/** What notifications reads from the environment. */
const NotificationsConfigSchema = z.object({
  /** When set, messages are sent through this SMTP server; otherwise written to the log. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'expected an smtp:// or smtps:// URL' }).optional(),
  /** Pause of the mail sender between two passes when nothing is due. */
  MAIL_POLL_INTERVAL_MS: z.coerce.number().int().min(10).default(1_000),
  /** How long a mail being sent is left to its sender before it may be sent again (after a crash). */
  MAIL_LEASE_MS: z.coerce.number().int().min(100).default(60_000),
  /** Delay after a first refused send; doubles with each refusal, up to 15 minutes. */
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(0).default(5_000),
  /** Refused sends after which a mail is given up. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
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
    subscribeNotificationHandlers(events, logger);
    // Mails leave after the notification's transaction committed, through the outbox.
    const sender = new MailSender(db, mailer, logger, {
      pollIntervalMs: config.MAIL_POLL_INTERVAL_MS,
      leaseMs: config.MAIL_LEASE_MS,
      retryBaseMs: config.MAIL_RETRY_BASE_MS,
      maxAttempts: config.MAIL_MAX_ATTEMPTS,
    });
    const api = new NotificationService(db);
    return { api, routes: notificationRoutes(api), workers: [sender] };
  },
});
