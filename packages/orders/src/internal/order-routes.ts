import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, CursorSchema, cursorPage, declaredProblem, jsonBody, jsonResponse, LimitSchema, positionOfCursor, problemResponses, type Router } from '@shop/platform-http';
import { OrderErrors, type OrdersApi } from '../orders-api.js';
import { IdempotencyKeySchema, OrderSchema, PlaceOrderSchema } from '../schemas.js';

const IdParams = z.object({ id: z.uuid() });
const ListOrdersQuery = z.object({ customerId: z.uuid(), limit: LimitSchema, cursor: CursorSchema.optional() });
const OrderCursorPage = z.object({ items: z.array(OrderSchema), nextCursor: z.string().nullable() });

const placeOrder = createRoute({
  method: 'post',
  path: '/orders',
  tags: ['orders'],
  summary: 'Place an order',
  description:
    'Totals are computed by the server from the lines. With an `Idempotency-Key`, repeating the same body returns the same order (201, `Idempotent-Replayed: true`); the same key with another body is 422.',
  request: {
    headers: z.object({ 'idempotency-key': IdempotencyKeySchema.optional() }),
    body: jsonBody(PlaceOrderSchema),
  },
  responses: {
    201: jsonResponse(OrderSchema, 'The placed order (or, for a repeated idempotency key, the order it placed)'),
    ...problemResponses(400, 422),
  },
});

const getOrder = createRoute({
  method: 'get',
  path: '/orders/{id}',
  tags: ['orders'],
  summary: 'Get an order',
  request: { params: IdParams },
  responses: { 200: jsonResponse(OrderSchema, 'The order'), ...problemResponses(400, 404) },
});

const listOrders = createRoute({
  method: 'get',
  path: '/orders',
  tags: ['orders'],
  summary: "List a customer's orders, oldest first",
  request: { query: ListOrdersQuery },
  responses: { 200: jsonResponse(OrderCursorPage, 'A page of orders'), ...problemResponses(400) },
});

const payOrder = createRoute({
  method: 'post',
  path: '/orders/{id}/pay',
  tags: ['orders'],
  summary: 'Pay a placed order: charges its total through billing',
  request: { params: IdParams },
  responses: {
    200: jsonResponse(OrderSchema, 'The paid order, with its `chargeId`'),
    ...problemResponses(400, 402, 404, 409),
  },
});

const cancelOrder = createRoute({
  method: 'post',
  path: '/orders/{id}/cancel',
  tags: ['orders'],
  summary: 'Cancel an order; a paid order is refunded',
  request: { params: IdParams },
  responses: { 200: jsonResponse(OrderSchema, 'The cancelled order'), ...problemResponses(400, 404, 409) },
});

/** HTTP adapter over `OrdersApi`: validation in, problem+json out, cursors for pages. */
export function orderRoutes(orders: OrdersApi): Router {
  const router = createRouter();

  router.openapi(placeOrder, async (c) => {
    const idempotencyKey = c.req.valid('header')['idempotency-key'];
    const result = await orders.place({ ...c.req.valid('json'), ...(idempotencyKey === undefined ? {} : { idempotencyKey }) });
    if (!result.ok) throw declaredProblem(OrderErrors, result.code);
    c.header('location', `/orders/${result.order.id}`);
    if (!result.created) c.header('idempotent-replayed', 'true');
    return c.json(result.order, 201);
  });

  router.openapi(getOrder, async (c) => {
    const { id } = c.req.valid('param');
    const order = await orders.get({ id });
    if (!order) throw declaredProblem(OrderErrors, 'not_found', `Order ${id} does not exist`);
    return c.json(order, 200);
  });

  router.openapi(listOrders, async (c) => {
    const { customerId, limit, cursor } = c.req.valid('query');
    const after = positionOfCursor(cursor);
    return c.json(cursorPage(await orders.list({ customerId, limit, ...(after ? { after } : {}) })), 200);
  });

  router.openapi(payOrder, async (c) => {
    const { id } = c.req.valid('param');
    const result = await orders.pay({ id });
    if (result.ok) return c.json(result.order, 200);
    if (result.code === 'card_declined') throw declaredProblem(OrderErrors, result.code, undefined, { orderId: id, chargeId: result.order.chargeId });
    throw declaredProblem(OrderErrors, result.code, `Order ${id}: ${OrderErrors[result.code].title.toLowerCase()}`);
  });

  router.openapi(cancelOrder, async (c) => {
    const { id } = c.req.valid('param');
    const result = await orders.cancel({ id });
    if (result.ok) return c.json(result.order, 200);
    throw declaredProblem(OrderErrors, result.code, `Order ${id}: ${OrderErrors[result.code].title.toLowerCase()}`);
  });

  return router;
}
