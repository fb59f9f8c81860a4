/**
 * The public API of the audit module. It publishes no events; it consumes all of them.
 */
export {
  AuditEntrySchema,
  ListAuditEntriesSchema,
  AuditEntryPageSchema,
  AuditVerificationSchema,
  type AuditEntry,
  type ListAuditEntries,
  type AuditEntryPage,
  type AuditVerification,
} from './schemas.js';
export { AuditApiDeclaration, type AuditApi } from './audit-api.js';
