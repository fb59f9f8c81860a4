/**
 * The public API of the audit module. It publishes no events; it consumes all of them.
 */
export {
  AuditEntrySchema,
  AuditEventsQuerySchema,
  AuditEventsPageSchema,
  type AuditEntry,
  type AuditEventsQuery,
  type AuditEventsPage,
  type AuditVerification,
} from './schemas.js';
export type { AuditApi } from './audit-api.js';
