import { fileURLToPath } from 'node:url';
import type { BillingApi } from '@shop/billing';
import type { CustomersApi } from '@shop/customers';
import type { Db, ModuleMigrations } from '@shop/platform-db';
import type { Router } from '@shop/platform-http';
import { moduleLogger, type Logger } from '@shop/platform-logging';
import { OrderRepository } from './internal/order-repository.js';
import { orderRoutes } from './internal/order-routes.js';
import { OrderService } from './internal/order-service.js';
import type { OrdersApi } from './orders-api.js';

/** Where this module's drizzle-kit migrations live; they touch the `orders` schema only. */
export const ordersMigrations: ModuleMigrations = {
  name: 'orders',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
};

export interface OrdersModuleDeps {
  db: Db;
  logger: Logger;
  /** Asked whether a customer exists before an order is written. In process today, HTTP tomorrow. */
  customers: CustomersApi;
  /** Charges and refunds orders. In process today, HTTP tomorrow. */
  billing: BillingApi;
}

export interface OrdersModule {
  api: OrdersApi;
  routes: Router;
}

/** Composition entry for hosts: builds the orders module from what it depends on. */
export function createOrdersModule(deps: OrdersModuleDeps): OrdersModule {
  const api = new OrderService(new OrderRepository(deps.db), deps.customers, deps.billing, moduleLogger(deps.logger, 'orders'));
  return { api, routes: orderRoutes(api) };
}
