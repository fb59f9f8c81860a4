import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BillingApiDeclaration } from '@shop/billing';
import { CustomersApiDeclaration } from '@shop/customers';
import { defineModule, type Worker } from '@shop/platform-module';
import { OrderCancelledV1, OrderPaidV1, OrderPaymentFailedV1, OrderPlacedV1, OrderRefundedV1 } from './events.js';
import { consumedBillingEvents, subscribeBillingEvents } from './internal/billing-event-handlers.js';
import { OrderRepository } from './internal/order-repository.js';
import { orderRoutes } from './internal/order-routes.js';
import { OrderService } from './internal/order-service.js';
import { PaymentProcess } from './internal/payment-process.js';
import { PAYMENT_RECONCILER, PaymentReconciler } from './internal/payment-reconciler.js';
import { moduleName } from './module-name.js';
import { OrderErrors, OrdersApiDeclaration } from './orders-api.js';

export type { PaymentReconciler, ReconciledOrder } from './internal/payment-reconciler.js';

/** What orders reads from the environment: the pace of its payment reconciliation. */
const OrdersConfigSchema = z.object({
  /** Pause between two sweeps of the payment reconciler. */
  ORDERS_RECONCILE_INTERVAL_MS: z.coerce.number().int().min(10).default(10_000),
  /** How long an order may stay in an in-between payment stage before the sweep finishes or compensates it. */
  ORDERS_RECONCILE_AFTER_MS: z.coerce.number().int().min(0).default(30_000),
});

/** The orders module, as hosts compose it: takes orders and drives them through payment. */
export const ordersModule = defineModule({
  name: moduleName,
  team: 'orders',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  provides: OrdersApiDeclaration,
  // In process today, over HTTP once a module leaves: orders cannot tell which.
  needs: { customers: CustomersApiDeclaration, billing: BillingApiDeclaration },
  publishes: [OrderPlacedV1, OrderPaidV1, OrderPaymentFailedV1, OrderCancelledV1, OrderRefundedV1],
  // Billing's outcomes, for the payment process manager (they finish what a crashed request left).
  consumes: consumedBillingEvents,
  errors: OrderErrors,
  config: OrdersConfigSchema,
  create({ db, logger, apis, events, config }) {
    const repository = new OrderRepository(db);
    const process = new PaymentProcess(repository, apis.billing, logger);
    subscribeBillingEvents(events, process);
    const reconciler = new PaymentReconciler(repository, process, apis.billing, logger, {
      intervalMs: config.ORDERS_RECONCILE_INTERVAL_MS,
      stuckAfterMs: config.ORDERS_RECONCILE_AFTER_MS,
    });
    const api = new OrderService(repository, apis.customers, process, logger);
    return { api, routes: orderRoutes(api), workers: [reconciler] };
  },
});

/** The payment reconciler among a composed orders module's workers (for `pnpm orders:reconcile`). */
export function paymentReconcilerOf(workers: readonly Worker[]): PaymentReconciler {
  const found = workers.find((worker) => worker.name === PAYMENT_RECONCILER);
  if (!(found instanceof PaymentReconciler)) throw new Error(`no ${PAYMENT_RECONCILER} among the workers`);
  return found;
}
