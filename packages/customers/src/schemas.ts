import { z } from 'zod';
import { PageLimitSchema, PagePositionSchema, pageSchema } from '@shop/platform-module';

export const CustomerSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string(),
  createdAt: z.iso.datetime(),
});
export type Customer = z.infer<typeof CustomerSchema>;

export const RegisterCustomerSchema = z.object({
  email: z.string().trim().pipe(z.email().max(320)),
  name: z.string().trim().min(1).max(200),
});
export type RegisterCustomer = z.input<typeof RegisterCustomerSchema>;

export const CustomerIdSchema = z.object({ id: z.uuid() });

/** A page of customers, oldest first, after `after` (the previous page's `next`). */
export const ListCustomersSchema = z.object({
  limit: PageLimitSchema.default(20),
  after: PagePositionSchema.optional(),
});
export type ListCustomers = z.input<typeof ListCustomersSchema>;

export const CustomerPageSchema = pageSchema(CustomerSchema);
export type CustomerPage = z.infer<typeof CustomerPageSchema>;
