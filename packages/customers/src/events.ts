import { z } from 'zod';
import { defineEvent } from '@shop/platform-events';

/** Published in the same transaction as a new customer's row. */
export const CustomerRegisteredV1 = defineEvent({
  type: 'customers.customer-registered',
  version: 1,
  schema: z.object({
    customerId: z.uuid(),
    email: z.email(),
    name: z.string(),
    registeredAt: z.iso.datetime(),
  }),
});
export type CustomerRegisteredPayload = z.infer<typeof CustomerRegisteredV1.schema>;
