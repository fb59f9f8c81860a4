import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, declaredProblem, jsonResponse, problemResponses, type Router } from '@shop/platform-http';
import { BillingErrors, type BillingApi } from '../billing-api.js';
import { ChargeListSchema, ChargeSchema, ListChargesQuerySchema } from '../schemas.js';

const IdParams = z.object({ id: z.uuid() });

const listCharges = createRoute({
  method: 'get',
  path: '/billing/charges',
  tags: ['billing'],
  summary: "List an order's charges",
  request: { query: ListChargesQuerySchema },
  responses: { 200: jsonResponse(ChargeListSchema, "The order's charges, oldest first"), ...problemResponses(400) },
});

const getCharge = createRoute({
  method: 'get',
  path: '/billing/charges/{id}',
  tags: ['billing'],
  summary: 'Get a charge',
  request: { params: IdParams },
  responses: { 200: jsonResponse(ChargeSchema, 'The charge'), ...problemResponses(400, 404) },
});

/** HTTP adapter over `BillingApi`: read-only; charging and refunding happen through orders. */
export function billingRoutes(billing: BillingApi): Router {
  const router = createRouter();

  router.openapi(listCharges, async (c) => c.json(await billing.listCharges(c.req.valid('query')), 200));

  router.openapi(getCharge, async (c) => {
    const { id } = c.req.valid('param');
    const charge = await billing.getCharge({ id });
    if (!charge) throw declaredProblem(BillingErrors, 'unknown_charge', `Charge ${id} does not exist`);
    return c.json(charge, 200);
  });

  return router;
}
