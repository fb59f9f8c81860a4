import { fileURLToPath } from 'node:url';
import type { Db, ModuleMigrations } from '@shop/platform-db';
import type { Router } from '@shop/platform-http';
import { moduleLogger, type Logger } from '@shop/platform-logging';
import type { BillingApi } from './billing-api.js';
import { BillingService } from './internal/billing-service.js';
import { billingRoutes } from './internal/billing-routes.js';
import { ChargeRepository } from './internal/charge-repository.js';
import type { PaymentProvider } from './internal/payment-provider.js';
import { createSandboxPaymentProvider } from './internal/sandbox-payment-provider.js';

export type { PaymentProvider, ProviderChargeOutcome, ProviderChargeRequest, ProviderRefundRequest } from './internal/payment-provider.js';
export { createSandboxPaymentProvider } from './internal/sandbox-payment-provider.js';

/** Where this module's drizzle-kit migrations live; they touch the `billing` schema only. */
export const billingMigrations: ModuleMigrations = {
  name: 'billing',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
};

export interface BillingModuleDeps {
  db: Db;
  logger: Logger;
  /** Who moves the money; the built-in sandbox when absent. */
  paymentProvider?: PaymentProvider;
}

export interface BillingModule {
  api: BillingApi;
  routes: Router;
}

/** Composition entry for hosts: builds the billing module from what it depends on. */
export function createBillingModule(deps: BillingModuleDeps): BillingModule {
  const api = new BillingService(
    new ChargeRepository(deps.db),
    deps.paymentProvider ?? createSandboxPaymentProvider(),
    moduleLogger(deps.logger, 'billing'),
  );
  return { api, routes: billingRoutes(api) };
}
