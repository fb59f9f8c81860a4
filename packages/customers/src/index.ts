/**
 * The public API of the customers module: the only entry other modules may import.
 * Types and schemas only; the implementation is reached through an injected `CustomersApi`.
 */
export {
  CustomerSchema,
  RegisterCustomerSchema,
  ListCustomersQuerySchema,
  CustomerPageSchema,
  type Customer,
  type RegisterCustomer,
  type ListCustomersQuery,
  type CustomerPage,
} from './schemas.js';
export { CustomerErrorCode, type CustomersApi, type RegisterCustomerResult } from './customers-api.js';
export { CustomerRegisteredV1, type CustomerRegisteredPayload } from './events.js';
