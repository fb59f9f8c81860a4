import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { Db } from '@shop/platform-db';
import type { AuditApi } from '../audit-api.js';
import { AuditEventsQuerySchema, type AuditEntry, type AuditEventsPage, type AuditVerification } from '../schemas.js';
import { verifyAuditChain } from './audit-verifier.js';
import { auditEntries, type AuditEntryRow } from './schema.js';

export function toAuditEntry(row: AuditEntryRow): AuditEntry {
  return {
    position: row.position,
    eventId: row.eventId,
    type: row.type,
    version: row.version,
    module: row.module,
    aggregateId: row.aggregateId,
    payload: row.payload,
    occurredAt: row.occurredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    hash: row.hash,
  };
}

/** Reads the log; the only writer is the event handler in `audit-appender.ts`. */
export class AuditService implements AuditApi {
  constructor(private readonly db: Db) {}

  async list(query: unknown = {}): Promise<AuditEventsPage> {
    const { module, type, after, limit } = AuditEventsQuerySchema.parse(query);
    const filters: SQL[] = [];
    if (module) filters.push(eq(auditEntries.module, module));
    if (type) filters.push(eq(auditEntries.type, type));
    if (after) filters.push(gt(auditEntries.position, Number(after)));
    const rows = await this.db
      .select()
      .from(auditEntries)
      .where(and(...filters))
      .orderBy(asc(auditEntries.position))
      .limit(limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items: items.map(toAuditEntry), nextCursor: rows.length > limit && last ? String(last.position) : null };
  }

  verify(): Promise<AuditVerification> {
    return verifyAuditChain(this.db);
  }
}
