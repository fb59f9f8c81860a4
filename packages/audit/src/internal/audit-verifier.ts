import { asc, gt, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@shop/platform-db';
import type { AuditVerification } from '../schemas.js';
import { entryHash, GENESIS_HASH } from './entry-hash.js';
import { auditEntries } from './schema.js';

const PAGE = 1_000;

/**
 * Walks the chain in position order and reports the first entry that is not what was appended:
 * a gap in positions (deleted), a `prev_hash` that is not the previous entry's hash (inserted
 * or deleted before it), a hash that does not match the content (altered). Finally the log must
 * hold exactly the events of the inbox, which catches a deleted (or forged) entry at the tail.
 */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  let previous = { position: 0, hash: GENESIS_HASH };
  let entries = 0;
  for (;;) {
    const page = await db.select().from(auditEntries).where(gt(auditEntries.position, previous.position)).orderBy(asc(auditEntries.position)).limit(PAGE);
    for (const row of page) {
      entries++;
      const fail = (problem: string): AuditVerification => ({ ok: false, entries, position: row.position, problem });
      if (row.position !== previous.position + 1) {
        return fail(`entries ${previous.position + 1}..${row.position - 1} are missing (deleted)`);
      }
      if (row.prevHash !== previous.hash) return fail(`entry ${row.position} does not follow entry ${previous.position} (an entry was inserted or replaced)`);
      const { prevHash, hash, ...content } = row;
      if (entryHash(prevHash, content) !== hash) return fail(`entry ${row.position} was altered: its content does not match its hash`);
      previous = { position: row.position, hash };
    }
    if (page.length < PAGE) break;
  }
  const [orphan] = rowsOf<{ position: number | null; event_id: string }>(
    await db.execute(sql`
      select e.position::int as position, coalesce(e.event_id, i.event_id) as event_id
      from audit.entries e full join audit.inbox i on i.event_id = e.event_id
      where e.event_id is null or i.event_id is null
      order by e.position nulls first limit 1`),
  );
  if (orphan) {
    return orphan.position === null
      ? { ok: false, entries, position: previous.position + 1, problem: `the entry for event ${orphan.event_id} is missing (deleted)` }
      : { ok: false, entries, position: orphan.position, problem: `entry ${orphan.position} records event ${orphan.event_id}, which was never delivered (inserted)` };
  }
  return { ok: true, entries };
}
