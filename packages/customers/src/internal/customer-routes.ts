import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, CursorSchema, cursorPage, declaredProblem, jsonBody, jsonResponse, LimitSchema, positionOfCursor, problemResponses, type Router } from '@shop/platform-http';
import { CustomerErrors, type CustomersApi } from '../customers-api.js';
import { CustomerSchema, RegisterCustomerSchema } from '../schemas.js';

const IdParams = z.object({ id: z.uuid() });
const ListCustomersQuery = z.object({ limit: LimitSchema, cursor: CursorSchema.optional() });
const CustomerCursorPage = z.object({ items: z.array(CustomerSchema), nextCursor: z.string().nullable() });

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
  request: { query: ListCustomersQuery },
  responses: { 200: jsonResponse(CustomerCursorPage, 'A page of customers'), ...problemResponses(400) },
});

/** HTTP adapter over `CustomersApi`: validation in, problem+json out, cursors for pages. */
export function customerRoutes(customers: CustomersApi): Router {
  const router = createRouter();

  router.openapi(registerCustomer, async (c) => {
    const result = await customers.register(c.req.valid('json'));
    if (!result.ok) throw declaredProblem(CustomerErrors, result.code);
    c.header('location', `/customers/${result.customer.id}`);
    return c.json(result.customer, 201);
  });

  router.openapi(getCustomer, async (c) => {
    const { id } = c.req.valid('param');
    const customer = await customers.get({ id });
    if (!customer) throw declaredProblem(CustomerErrors, 'not_found', `Customer ${id} does not exist`);
    return c.json(customer, 200);
  });

  router.openapi(listCustomers, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const after = positionOfCursor(cursor);
    return c.json(cursorPage(await customers.list({ limit, ...(after ? { after } : {}) })), 200);
  });

  return router;
}
