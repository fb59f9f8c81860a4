import { fileURLToPath } from 'node:url';
import { BillingApiDeclaration } from '@shop/billing';
import { CustomersApiDeclaration } from '@shop/customers';
import { defineModule } from '@shop/platform-module';
import { OrderCancelledV1, OrderPaidV1, OrderPaymentFailedV1, OrderPlacedV1 } from './events.js';
import { OrderRepository } from './internal/order-repository.js';
import { orderRoutes } from './internal/order-routes.js';
import { OrderService } from './internal/order-service.js';
import { moduleName } from './module-name.js';
import { OrderErrors, OrdersApiDeclaration } from './orders-api.js';

/** The orders module, as hosts compose it: takes orders and drives them through payment. */
export const ordersModule = defineModule({
  name: moduleName,
  team: 'orders',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  provides: OrdersApiDeclaration,
  // In process today, over HTTP once a module leaves: orders cannot tell which.
  needs: { customers: CustomersApiDeclaration, billing: BillingApiDeclaration },
  publishes: [OrderPlacedV1, OrderPaidV1, OrderPaymentFailedV1, OrderCancelledV1],
  errors: OrderErrors,
  create({ db, logger, apis }) {
    const api = new OrderService(new OrderRepository(db), apis.customers, apis.billing, logger);
    return { api, routes: orderRoutes(api) };
  },
});
