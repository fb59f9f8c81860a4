import { and, eq, type SQL } from 'drizzle-orm';
import { keysetPage, type Db } from '@shop/platform-db';
import type { AuditApi } from '../audit-api.js';
import { ListAuditEntriesSchema, type AuditEntry, type AuditEntryPage, type AuditVerification, type ListAuditEntries } from '../schemas.js';
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

  async list(input: ListAuditEntries = {}): Promise<AuditEntryPage> {
    const { module, type, after, limit } = ListAuditEntriesSchema.parse(input);
    const filters: SQL[] = [];
    if (module) filters.push(eq(auditEntries.module, module));
    if (type) filters.push(eq(auditEntries.type, type));
    const page = await keysetPage<AuditEntryRow, [number]>({
      keys: [auditEntries.position],
      after: after === undefined ? null : [after],
      limit,
      query: ({ where, orderBy, limit: rows }) =>
        this.db
          .select()
          .from(auditEntries)
          .where(and(...filters, where))
          .orderBy(...orderBy)
          .limit(rows),
      keyOf: (row) => [row.position],
    });
    return { items: page.items.map(toAuditEntry), next: page.next ? page.next[0] : null };
  }

  verify(_input: Record<string, never> = {}): Promise<AuditVerification> {
    return verifyAuditChain(this.db);
  }
}
