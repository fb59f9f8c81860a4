import type { Customer, CustomerPage, ListCustomersQuery, RegisterCustomer } from './schemas.js';

/** Expected failures of the customers module, as stable codes. */
export const CustomerErrorCode = {
  EmailTaken: 'email_taken',
} as const;
export type CustomerErrorCode = (typeof CustomerErrorCode)[keyof typeof CustomerErrorCode];

export type RegisterCustomerResult = { ok: true; customer: Customer } | { ok: false; code: typeof CustomerErrorCode.EmailTaken };

/**
 * What other modules may ask of customers. Async, plain data in and out, so a host can hand in
 * this in-process implementation today and an HTTP client tomorrow.
 */
export interface CustomersApi {
  register(input: RegisterCustomer): Promise<RegisterCustomerResult>;
  get(id: string): Promise<Customer | null>;
  exists(id: string): Promise<boolean>;
  list(query?: ListCustomersQuery): Promise<CustomerPage>;
}
