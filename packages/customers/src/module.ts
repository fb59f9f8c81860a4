import { fileURLToPath } from 'node:url';
import { defineModule } from '@shop/platform-module';
import { CustomerErrors, CustomersApiDeclaration } from './customers-api.js';
import { CustomerRegisteredV1 } from './events.js';
import { CustomerRepository } from './internal/customer-repository.js';
import { customerRoutes } from './internal/customer-routes.js';
import { CustomerService } from './internal/customer-service.js';
import { moduleName } from './module-name.js';

/** The customers module, as hosts compose it: who the customers are. */
export const customersModule = defineModule({
  name: moduleName,
  team: 'accounts',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  provides: CustomersApiDeclaration,
  publishes: [CustomerRegisteredV1],
  errors: CustomerErrors,
  create({ db, logger }) {
    const api = new CustomerService(new CustomerRepository(db), logger);
    return { api, routes: customerRoutes(api) };
  },
});
