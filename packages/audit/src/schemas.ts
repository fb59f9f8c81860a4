import { z } from 'zod';
import { PageLimitSchema } from '@shop/platform-module';

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

/** A page of the log, oldest first, optionally filtered, after position `after` (the previous page's `next`). */
export const ListAuditEntriesSchema = z.object({
  module: z.string().min(1).max(100).optional(),
  type: z.string().min(1).max(200).optional(),
  after: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: PageLimitSchema.default(20),
});
export type ListAuditEntries = z.input<typeof ListAuditEntriesSchema>;

export const AuditEntryPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  /** The position to pass as `after` for the next page; null on the last page. */
  next: z.number().int().nullable(),
});
export type AuditEntryPage = z.infer<typeof AuditEntryPageSchema>;

/** `ok: false` names the first entry that was altered, inserted or deleted. */
export const AuditVerificationSchema = z.union([
  z.object({ ok: z.literal(true), entries: z.number().int() }),
  z.object({ ok: z.literal(false), entries: z.number().int(), position: z.number().int(), problem: z.string() }),
]);
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;
