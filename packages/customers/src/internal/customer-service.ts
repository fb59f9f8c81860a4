import { z } from 'zod';
import { publish } from '@shop/platform-events';
import type { Logger } from '@shop/platform-logging';
import type { CustomersApi, RegisterCustomerResult } from '../customers-api.js';
import { CustomerRegisteredV1 } from '../events.js';
import { ListCustomersSchema, RegisterCustomerSchema, type Customer, type CustomerPage, type ListCustomers, type RegisterCustomer } from '../schemas.js';
import type { CustomerRepository } from './customer-repository.js';
import type { CustomerRow } from './schema.js';

const isUuid = (value: string) => z.uuid().safeParse(value).success;

export function toCustomer(row: CustomerRow): Customer {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.createdAt.toISOString() };
}

/** The in-process implementation of `CustomersApi`. */
export class CustomerService implements CustomersApi {
  constructor(
    private readonly repository: CustomerRepository,
    private readonly logger: Logger,
  ) {}

  async register(input: RegisterCustomer): Promise<RegisterCustomerResult> {
    const { email, name } = RegisterCustomerSchema.parse(input);
    const inserted = await this.repository.insert({ email, name }, async (tx, row) => {
      const customer = toCustomer(row);
      await publish(
        tx,
        CustomerRegisteredV1,
        { customerId: customer.id, email: customer.email, name: customer.name, registeredAt: customer.createdAt },
        { aggregateId: customer.id },
      );
      return customer;
    });
    if (!inserted.ok) return inserted;
    this.logger.info({ customerId: inserted.value.id }, 'customer registered');
    return { ok: true, customer: inserted.value };
  }

  async get({ id }: { id: string }): Promise<Customer | null> {
    if (!isUuid(id)) return null;
    const row = await this.repository.findById(id);
    return row ? toCustomer(row) : null;
  }

  async exists(input: { id: string }): Promise<boolean> {
    return (await this.get(input)) !== null;
  }

  async list(input: ListCustomers = {}): Promise<CustomerPage> {
    const { limit, after } = ListCustomersSchema.parse(input);
    const page = await this.repository.page(limit, after ? { at: new Date(after.at), id: after.id } : undefined);
    const next = page.next ? { at: page.next[0].toISOString(), id: page.next[1] } : null;
    return { items: page.items.map(toCustomer), next };
  }
}
