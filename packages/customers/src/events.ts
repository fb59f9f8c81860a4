import { z } from 'zod';
import { defineEvent } from '@shop/platform-events';
import { moduleName } from './module-name.js';

/**
 * The customers module's integration events (the `@shop/customers/events` entry). Each is
 * published in the same transaction as the state change it reports (aggregate = the customer id).
 */

/** Published in the same transaction as a new customer's row. */
export const CustomerRegisteredV1 = defineEvent({
  module: moduleName,
  event: 'customer-registered',
  version: 1,
  schema: z.object({
    customerId: z.uuid(),
    email: z.email(),
    name: z.string(),
    registeredAt: z.iso.datetime(),
  }),
});
export type CustomerRegisteredPayload = z.infer<typeof CustomerRegisteredV1.schema>;
