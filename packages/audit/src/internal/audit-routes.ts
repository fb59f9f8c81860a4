import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonResponse, LimitSchema, problemResponses, type Router } from '@shop/platform-http';
import type { AuditApi } from '../audit-api.js';
import { AuditEntrySchema } from '../schemas.js';

const AuditEventsQuery = z.object({
  module: z.string().min(1).max(100).optional(),
  type: z.string().min(1).max(200).optional(),
  /** Cursor: the `nextCursor` of the previous page (entries strictly after that position). */
  after: z.string().regex(/^\d{1,15}$/, 'Invalid cursor').optional(),
  limit: LimitSchema,
});
const AuditEventsPage = z.object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() });

const listAuditEvents = createRoute({
  method: 'get',
  path: '/audit/events',
  tags: ['audit'],
  summary: 'The audit log, oldest first, optionally filtered by publishing module and event type',
  request: { query: AuditEventsQuery },
  responses: { 200: jsonResponse(AuditEventsPage, 'A page of audit entries'), ...problemResponses(400) },
});

export function auditRoutes(audit: AuditApi): Router {
  const router = createRouter();
  router.openapi(listAuditEvents, async (c) => {
    const { after, ...filters } = c.req.valid('query');
    const page = await audit.list({ ...filters, ...(after === undefined ? {} : { after: Number(after) }) });
    return c.json({ items: page.items, nextCursor: page.next === null ? null : String(page.next) }, 200);
  });
  return router;
}
