import { isUniqueViolation } from '@shop/platform-db';
import { publish } from '@shop/platform-events';
import { decodeCursor, encodeCursor } from '@shop/platform-http';
import type { Logger } from '@shop/platform-logging';
import { CustomerErrorCode, type CustomersApi, type RegisterCustomerResult } from '../customers-api.js';
import { CustomerRegisteredV1 } from '../events.js';
import { ListCustomersQuerySchema, RegisterCustomerSchema, type Customer, type CustomerPage } from '../schemas.js';
import type { CustomerRepository } from './customer-repository.js';
import type { CustomerRow } from './schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toCustomer(row: CustomerRow): Customer {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.createdAt.toISOString() };
}

/** The in-process implementation of `CustomersApi`. */
export class CustomerService implements CustomersApi {
  constructor(
    private readonly repository: CustomerRepository,
    private readonly logger: Logger,
  ) {}

  async register(input: unknown): Promise<RegisterCustomerResult> {
    const { email, name } = RegisterCustomerSchema.parse(input);
    try {
      const customer = await this.repository.transaction(async (tx) => {
        const registered = toCustomer(await this.repository.insert(tx, { email, name }));
        await publish(
          tx,
          CustomerRegisteredV1,
          { customerId: registered.id, email: registered.email, name: registered.name, registeredAt: registered.createdAt },
          { aggregateId: registered.id },
        );
        return registered;
      });
      this.logger.info({ customerId: customer.id }, 'customer registered');
      return { ok: true, customer };
    } catch (error) {
      if (isUniqueViolation(error, 'customers_email_lower_key')) return { ok: false, code: CustomerErrorCode.EmailTaken };
      throw error;
    }
  }

  async get(id: string): Promise<Customer | null> {
    if (!UUID.test(id)) return null;
    const row = await this.repository.findById(id);
    return row ? toCustomer(row) : null;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.get(id)) !== null;
  }

  async list(query: unknown = {}): Promise<CustomerPage> {
    const { limit, cursor } = ListCustomersQuerySchema.parse(query);
    const rows = await this.repository.page(limit + 1, cursor ? decodeCursor(cursor) : null);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null;
    return { items: items.map(toCustomer), nextCursor };
  }
}
