import { fileURLToPath } from 'node:url';
import type { Db, ModuleMigrations } from '@shop/platform-db';
import type { Router } from '@shop/platform-http';
import { moduleLogger, type Logger } from '@shop/platform-logging';
import type { CustomersApi } from './customers-api.js';
import { CustomerRepository } from './internal/customer-repository.js';
import { customerRoutes } from './internal/customer-routes.js';
import { CustomerService } from './internal/customer-service.js';

/** Where this module's drizzle-kit migrations live; they touch the `customers` schema only. */
export const customersMigrations: ModuleMigrations = {
  name: 'customers',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
};

export interface CustomersModuleDeps {
  db: Db;
  logger: Logger;
}

export interface CustomersModule {
  api: CustomersApi;
  routes: Router;
}

/** Composition entry for hosts: builds the customers module from what it depends on. */
export function createCustomersModule(deps: CustomersModuleDeps): CustomersModule {
  const api = new CustomerService(new CustomerRepository(deps.db), moduleLogger(deps.logger, 'customers'));
  return { api, routes: customerRoutes(api) };
}
