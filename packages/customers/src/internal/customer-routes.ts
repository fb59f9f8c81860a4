import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonResponse, ProblemError, problemResponses, type Router } from '@shop/platform-http';
import type { CustomersApi } from '../customers-api.js';
import { CustomerPageSchema, CustomerSchema, ListCustomersQuerySchema, RegisterCustomerSchema } from '../schemas.js';

const IdParams = z.object({ id: z.uuid() });

const registerCustomer = createRoute({
  method: 'post',
  path: '/customers',
  tags: ['customers'],
  summary: 'Register a customer',
  request: { body: jsonBody(RegisterCustomerSchema) },
  responses: {
    201: jsonResponse(CustomerSchema, 'The registered customer'),
    ...problemResponses(400, 409),
  },
});

const getCustomer = createRoute({
  method: 'get',
  path: '/customers/{id}',
  tags: ['customers'],
  summary: 'Get a customer',
  request: { params: IdParams },
  responses: { 200: jsonResponse(CustomerSchema, 'The customer'), ...problemResponses(400, 404) },
});

const listCustomers = createRoute({
  method: 'get',
  path: '/customers',
  tags: ['customers'],
  summary: 'List customers, oldest first',
  request: { query: ListCustomersQuerySchema },
  responses: { 200: jsonResponse(CustomerPageSchema, 'A page of customers'), ...problemResponses(400) },
});

/** HTTP adapter over `CustomersApi`: validation in, problem+json out. */
export function customerRoutes(customers: CustomersApi): Router {
  const router = createRouter();

  router.openapi(registerCustomer, async (c) => {
    const result = await customers.register(c.req.valid('json'));
    if (!result.ok) {
      throw new ProblemError(409, 'email-taken', 'A customer with this email is already registered');
    }
    c.header('location', `/customers/${result.customer.id}`);
    return c.json(result.customer, 201);
  });

  router.openapi(getCustomer, async (c) => {
    const { id } = c.req.valid('param');
    const customer = await customers.get(id);
    if (!customer) throw new ProblemError(404, 'not-found', `Customer ${id} does not exist`);
    return c.json(customer, 200);
  });

  router.openapi(listCustomers, async (c) => c.json(await customers.list(c.req.valid('query')), 200));

  return router;
}
