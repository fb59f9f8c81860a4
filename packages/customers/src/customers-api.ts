import { z } from 'zod';
import { defineApi, defineErrors, errorCodes, resultSchema, type ApiOf } from '@shop/platform-module';
import { moduleName } from './module-name.js';
import { CustomerIdSchema, CustomerPageSchema, CustomerSchema, ListCustomersSchema, RegisterCustomerSchema } from './schemas.js';

/** Expected failures of the customers module, each with its HTTP status. */
export const CustomerErrors = defineErrors({
  email_taken: { status: 409, title: 'A customer with this email is already registered' },
  not_found: { status: 404, title: 'No such customer' },
});

export const RegisterCustomerResultSchema = resultSchema({ customer: CustomerSchema }, { code: errorCodes(CustomerErrors, 'email_taken') });
export type RegisterCustomerResult = z.infer<typeof RegisterCustomerResultSchema>;

/**
 * What other modules may ask of customers, as data: hosts check it is provided, the docs list
 * it, and an HTTP client can be derived from it. Plain data in and out.
 */
export const CustomersApiDeclaration = defineApi({
  module: moduleName,
  name: 'CustomersApi',
  operations: {
    register: {
      summary: 'Registers a customer; a taken email (whatever its case) is `email_taken`.',
      input: RegisterCustomerSchema,
      output: RegisterCustomerResultSchema,
      idempotent: false,
    },
    get: { summary: 'A customer, or null.', input: CustomerIdSchema, output: CustomerSchema.nullable(), idempotent: true },
    exists: { summary: 'Whether a customer exists.', input: CustomerIdSchema, output: z.boolean(), idempotent: true },
    list: { summary: 'Customers, oldest first, a page at a time.', input: ListCustomersSchema, output: CustomerPageSchema, idempotent: true },
  },
});

export type CustomersApi = ApiOf<typeof CustomersApiDeclaration>;
