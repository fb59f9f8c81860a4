import type { OpenAPIHono } from '@hono/zod-openapi';
import { billingMigrations, createBillingModule } from '@shop/billing/module';
import { createCustomersModule, customersMigrations } from '@shop/customers/module';
import { createOrdersModule, ordersMigrations } from '@shop/orders/module';
import type { Database, ModuleMigrations } from '@shop/platform-db';
import { createHttpApp } from '@shop/platform-http';
import type { Logger } from '@shop/platform-logging';
import { mountApiDocs } from './api-docs.js';

/** Every module's migrations, in any order: the runner sorts them by `dependsOn`. */
export const moduleMigrations: readonly ModuleMigrations[] = [customersMigrations, billingMigrations, ordersMigrations];

export const OPENAPI_PATH = '/openapi.json';

export interface Monolith {
  app: OpenAPIHono;
}

/**
 * The composition root: builds each module from the platform services and the other modules'
 * APIs it needs, and mounts every module's routes on one HTTP app.
 */
export function composeMonolith(options: { database: Database; logger: Logger; bodyLimitBytes?: number }): Monolith {
  const { database, logger } = options;
  const app = createHttpApp({
    logger,
    ...(options.bodyLimitBytes === undefined ? {} : { bodyLimitBytes: options.bodyLimitBytes }),
    readiness: [{ name: 'database', check: () => database.ping() }],
  });

  const customers = createCustomersModule({ db: database.db, logger });
  const billing = createBillingModule({ db: database.db, logger });
  // Orders gets the other modules' APIs, in process here; an HTTP client could stand in later.
  const orders = createOrdersModule({ db: database.db, logger, customers: customers.api, billing: billing.api });
  app.route('/', customers.routes);
  app.route('/', billing.routes);
  app.route('/', orders.routes);

  app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: { title: 'Shop monolith', version: '0.0.0', description: 'Every module of the shop, served by one process.' },
  });
  mountApiDocs(app, { specUrl: OPENAPI_PATH });
  return { app };
}
