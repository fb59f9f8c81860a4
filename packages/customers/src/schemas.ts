import { z } from 'zod';
import { CursorSchema, LimitSchema } from '@shop/platform-http';

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

export const ListCustomersQuerySchema = z.object({
  limit: LimitSchema,
  cursor: CursorSchema.optional(),
});
export type ListCustomersQuery = z.input<typeof ListCustomersQuerySchema>;

export const CustomerPageSchema = z.object({
  items: z.array(CustomerSchema),
  nextCursor: z.string().nullable(),
});
export type CustomerPage = z.infer<typeof CustomerPageSchema>;
