/**
 * The public API of the customers module: the only entry other modules may import (events are
 * in `@shop/customers/events`). Types, schemas and the API declaration; the implementation is
 * reached through an injected `CustomersApi`.
 */
export {
  CustomerSchema,
  RegisterCustomerSchema,
  CustomerIdSchema,
  ListCustomersSchema,
  CustomerPageSchema,
  type Customer,
  type RegisterCustomer,
  type ListCustomers,
  type CustomerPage,
} from './schemas.js';
export {
  CustomerErrors,
  CustomersApiDeclaration,
  RegisterCustomerResultSchema,
  type CustomersApi,
  type RegisterCustomerResult,
} from './customers-api.js';
