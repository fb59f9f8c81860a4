import { fileURLToPath } from 'node:url';
import { defineModule } from '@shop/platform-module';
import { BillingApiDeclaration, BillingErrors } from './billing-api.js';
import { ChargeDeclinedV1, ChargeSucceededV1, RefundIssuedV1 } from './events.js';
import { BillingService } from './internal/billing-service.js';
import { billingRoutes } from './internal/billing-routes.js';
import { ChargeRepository } from './internal/charge-repository.js';
import type { PaymentProvider } from './internal/payment-provider.js';
import { createSandboxPaymentProvider } from './internal/sandbox-payment-provider.js';
import { moduleName } from './module-name.js';

export type { PaymentProvider, ProviderChargeOutcome, ProviderChargeRequest, ProviderRefundRequest } from './internal/payment-provider.js';
export { createSandboxPaymentProvider } from './internal/sandbox-payment-provider.js';

/** Adapters a host may hand billing: who moves the money (the built-in sandbox by default). */
export interface BillingPorts {
  paymentProvider: PaymentProvider;
}

/** The billing module, as hosts compose it: charges and refunds through a payment provider. */
export const billingModule = defineModule<typeof BillingApiDeclaration, Record<string, never>, undefined, BillingPorts>({
  name: moduleName,
  team: 'payments',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  provides: BillingApiDeclaration,
  publishes: [ChargeSucceededV1, ChargeDeclinedV1, RefundIssuedV1],
  errors: BillingErrors,
  create({ db, logger, ports }) {
    const api = new BillingService(new ChargeRepository(db), ports.paymentProvider ?? createSandboxPaymentProvider(db), logger);
    return { api, routes: billingRoutes(api) };
  },
});
