import type { OpenAPIHono } from '@hono/zod-openapi';
import { auditMigrations, createAuditModule } from '@shop/audit/module';
import { billingMigrations, createBillingModule } from '@shop/billing/module';
import { createCustomersModule, customersMigrations } from '@shop/customers/module';
import { createNotificationsModule, logMailer, notificationsMigrations, smtpMailer } from '@shop/notifications/module';
import { createOrdersModule, ordersMigrations } from '@shop/orders/module';
import { moduleRoles, type Database, type ModuleMigrations } from '@shop/platform-db';
import { Dispatcher } from '@shop/platform-events';
import { createHttpApp, type HttpAppOptions } from '@shop/platform-http';
import type { Logger } from '@shop/platform-logging';
import { mountApiDocs } from './api-docs.js';

/** Every module's migrations, in any order: the runner sorts them by `dependsOn`. */
export const moduleMigrations: readonly ModuleMigrations[] = [
  customersMigrations,
  billingMigrations,
  ordersMigrations,
  auditMigrations,
  notificationsMigrations,
];

export const OPENAPI_PATH = '/openapi.json';

/**
 * Modules with an outbox: the dispatcher delivers their events. Order is guaranteed per aggregate
 * only; across publishers, each pass delivers in this order, so a registration usually reaches
 * subscribers before its customer's orders, and a charge before the order it paid.
 */
export const eventPublishers: readonly string[] = ['customers', 'billing', 'orders'];

export interface Monolith {
  app: OpenAPIHono;
  /** Not started: the host starts it after migrations and stops it before closing the database. */
  dispatcher: Dispatcher;
}

export interface ComposeOptions {
  database: Database;
  logger: Logger;
  bodyLimitBytes?: number;
  /** When set, notifications are sent through this SMTP server; otherwise written to the log. */
  smtpUrl?: string;
  /** Dispatcher poll period (its fallback when no NOTIFY arrives). */
  eventsPollIntervalMs?: number;
  /** The HTTP bounds: request deadline, in-flight requests, readiness check timeout. */
  http?: Pick<HttpAppOptions, 'requestTimeoutMs' | 'maxInFlightRequests' | 'readinessTimeoutMs'>;
}

/**
 * The composition root: builds each module from the platform services and the other modules'
 * APIs it needs, and mounts every module's routes on one HTTP app.
 */
export function composeMonolith(options: ComposeOptions): Monolith {
  const { database, logger } = options;
  const dispatcher = new Dispatcher({
    database,
    logger: logger.child({ component: 'dispatcher' }),
    publishers: eventPublishers,
    // A subscriber's handler runs as its module's role, like the rest of the module's statements.
    handlerRole: (subscriber) => moduleRoles(subscriber, database.rolePrefix).runtime,
    ...(options.eventsPollIntervalMs === undefined ? {} : { pollIntervalMs: options.eventsPollIntervalMs }),
  });
  const app = createHttpApp({
    logger,
    ...options.http,
    // `/ready` shows each database pool's bounds (size, wait queue) next to the HTTP ones.
    limits: () => ({ databasePools: database.limits() }),
    ...(options.bodyLimitBytes === undefined ? {} : { bodyLimitBytes: options.bodyLimitBytes }),
    readiness: [
      { name: 'database', check: () => database.ping() },
      // Informational: a backlog does not make the process unready, a failing query does.
      { name: 'events', check: async () => ({ ...(await dispatcher.backlog()) }) },
    ],
  });

  // Each module gets a drizzle handle whose statements run as its own Postgres role.
  const customers = createCustomersModule({ db: database.forModule('customers'), logger });
  const billing = createBillingModule({ db: database.forModule('billing'), logger });
  // Orders gets the other modules' APIs, in process here; an HTTP client could stand in later.
  const orders = createOrdersModule({ db: database.forModule('orders'), logger, customers: customers.api, billing: billing.api });
  const audit = createAuditModule({ db: database.forModule('audit'), logger, events: dispatcher });
  const notifications = createNotificationsModule({
    db: database.forModule('notifications'),
    logger,
    events: dispatcher,
    mailer: options.smtpUrl ? smtpMailer(options.smtpUrl) : logMailer(logger.child({ module: 'notifications' })),
  });
  app.route('/', customers.routes);
  app.route('/', billing.routes);
  app.route('/', orders.routes);
  app.route('/', audit.routes);
  app.route('/', notifications.routes);

  app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: { title: 'Shop monolith', version: '0.0.0', description: 'Every module of the shop, served by one process.' },
  });
  mountApiDocs(app, { specUrl: OPENAPI_PATH });
  return { app, dispatcher };
}
