import { z } from 'zod';
import { LimitSchema } from '@shop/platform-http';

export const AuditEntrySchema = z.object({
  position: z.number().int().positive(),
  eventId: z.uuid(),
  type: z.string(),
  version: z.number().int(),
  module: z.string(),
  aggregateId: z.string(),
  payload: z.unknown(),
  occurredAt: z.iso.datetime(),
  recordedAt: z.iso.datetime(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditEventsQuerySchema = z.object({
  module: z.string().min(1).optional(),
  type: z.string().min(1).optional(),
  /** Cursor: the `nextCursor` of the previous page (entries strictly after that position). */
  after: z.string().regex(/^\d{1,15}$/, 'Invalid cursor').optional(),
  limit: LimitSchema,
});
export type AuditEventsQuery = z.input<typeof AuditEventsQuerySchema>;

export const AuditEventsPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  nextCursor: z.string().nullable(),
});
export type AuditEventsPage = z.infer<typeof AuditEventsPageSchema>;

/** `ok: false` names the first entry that was altered, inserted or deleted. */
export type AuditVerification = { ok: true; entries: number } | { ok: false; entries: number; position: number; problem: string };
