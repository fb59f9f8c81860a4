import { desc, sql } from 'drizzle-orm';
import type { DbTransaction } from '@shop/platform-db';
import type { EventMeta, RawEvent } from '@shop/platform-events';
import { entryHash, GENESIS_HASH } from './entry-hash.js';
import { auditEntries } from './schema.js';

/**
 * Appends one event to the log in the delivering transaction. The chain is a sequence, so
 * appends are serialised by a transaction-scoped advisory lock (held to commit); reading the
 * tail after taking it sees every earlier append. There is no update or delete in this module.
 */
export async function appendAuditEntry(tx: DbTransaction, event: RawEvent, meta: EventMeta): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('audit.entries'))`);
  const [tail] = await tx
    .select({ position: auditEntries.position, hash: auditEntries.hash })
    .from(auditEntries)
    .orderBy(desc(auditEntries.position))
    .limit(1);
  const content = {
    position: (tail?.position ?? 0) + 1,
    eventId: meta.eventId,
    type: event.type,
    version: event.version,
    module: meta.module,
    aggregateId: meta.aggregateId,
    payload: event.payload,
    occurredAt: meta.occurredAt,
    // Millisecond precision, as stored, so the stored row re-hashes to the same value.
    recordedAt: new Date(),
  };
  const prevHash = tail?.hash ?? GENESIS_HASH;
  await tx.insert(auditEntries).values({ ...content, prevHash, hash: entryHash(prevHash, content) });
}
