import type { OpenAPIHono } from '@hono/zod-openapi';
import { createCustomersModule, customersMigrations } from '@shop/customers/module';
import type { Database, ModuleMigrations } from '@shop/platform-db';
import { createHttpApp } from '@shop/platform-http';
import type { Logger } from '@shop/platform-logging';

/** Every module's migrations, in any order: the runner sorts them by `dependsOn`. */
export const moduleMigrations: readonly ModuleMigrations[] = [customersMigrations];

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

  // Each module gets a drizzle handle whose statements run as its own Postgres role.
  const customers = createCustomersModule({ db: database.forModule('customers'), logger });
  app.route('/', customers.routes);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Shop monolith', version: '0.0.0', description: 'Every module of the shop, served by one process.' },
  });
  return { app };
}
