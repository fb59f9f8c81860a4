import { createRoute } from '@hono/zod-openapi';
import { createRouter, jsonResponse, problemResponses, type Router } from '@shop/platform-http';
import type { NotificationsApi } from '../notifications-api.js';
import { ListNotificationsSchema, NotificationListSchema } from '../schemas.js';

const listNotifications = createRoute({
  method: 'get',
  path: '/notifications',
  tags: ['notifications'],
  summary: "A customer's notifications, oldest first",
  request: { query: ListNotificationsSchema },
  responses: { 200: jsonResponse(NotificationListSchema, "The customer's notifications"), ...problemResponses(400) },
});

export function notificationRoutes(api: NotificationsApi): Router {
  const router = createRouter();
  router.openapi(listNotifications, async (c) => c.json(await api.list(c.req.valid('query')), 200));
  return router;
}
