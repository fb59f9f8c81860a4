import type { AuditEventsPage, AuditEventsQuery, AuditVerification } from './schemas.js';

/** What others may ask of the audit log. It is written only by consuming integration events. */
export interface AuditApi {
  list(query?: AuditEventsQuery): Promise<AuditEventsPage>;
  /** Re-walks the hash chain from the first entry. */
  verify(): Promise<AuditVerification>;
}
