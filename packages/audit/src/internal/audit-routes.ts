import { createRoute } from '@hono/zod-openapi';
import { createRouter, jsonResponse, problemResponses, type Router } from '@shop/platform-http';
import type { AuditApi } from '../audit-api.js';
import { AuditEventsPageSchema, AuditEventsQuerySchema } from '../schemas.js';

const listAuditEvents = createRoute({
  method: 'get',
  path: '/audit/events',
  tags: ['audit'],
  summary: 'The audit log, oldest first, optionally filtered by publishing module and event type',
  request: { query: AuditEventsQuerySchema },
  responses: { 200: jsonResponse(AuditEventsPageSchema, 'A page of audit entries'), ...problemResponses(400) },
});

export function auditRoutes(audit: AuditApi): Router {
  const router = createRouter();
  router.openapi(listAuditEvents, async (c) => c.json(await audit.list(c.req.valid('query')), 200));
  return router;
}
