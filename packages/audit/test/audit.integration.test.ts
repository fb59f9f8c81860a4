import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleRoles, rowsOf, type Database } from '@shop/platform-db';
import { defineEvent, publish } from '@shop/platform-events';
import { moduleTestbed, type ModuleTestbed } from '@shop/platform-testbed';
import type { AuditEntry, AuditVerification } from '../src/index.js';
import { verifyAuditChain } from '../src/internal/audit-verifier.js';
import { auditModule } from '../src/module.js';

const ThingDone = defineEvent({ module: 'audit_test_pub', event: 'thing-done', version: 1, schema: z.object({ n: z.number() }) });
const OtherThing = defineEvent({ module: 'audit_test_pub', event: 'other-thing', version: 2, schema: z.object({ note: z.string() }) });

let bed: ModuleTestbed<typeof auditModule>;
let database: Database;
const handlerRoles: string[] = [];

beforeAll(async () => {
  const publisher = { name: 'audit_test_pub', migrationsFolder: fileURLToPath(new URL('./fixtures/audit_test_pub', import.meta.url)) };
  // The audit schema and a stand-in publisher; no other module's schema exists. As in the
  // monolith, the module's statements and its event handler run as its own role.
  bed = await moduleTestbed({ module: auditModule, publisherStandIns: [publisher] });
  database = bed.database;
  // Next to audit's own handler, a probe on the same delivery: which role the handler runs as.
  bed.dispatcher.subscriber('audit').subscribe(OtherThing, async (tx) => {
    handlerRoles.push(...rowsOf<{ role: string }>(await tx.execute(sql`select current_user::text as role`)).map((r) => r.role));
  });

  for (let n = 1; n <= 5; n++) {
    await database.db.transaction(async (tx) => {
      await publish(tx, ThingDone, { n }, { aggregateId: 'agg-1' });
      if (n % 2 === 0) await publish(tx, OtherThing, { note: `after ${n}` }, { aggregateId: 'agg-2' });
    });
  }
  await bed.dispatcher.runUntilIdle();
});

afterAll(async () => {
  await bed?.close();
});

const getJson = async (path: string) => {
  const res = await bed.app.request(path);
  return { status: res.status, body: (await res.json()) as { items: AuditEntry[]; nextCursor: string | null } };
};

/** Tampers inside a transaction that is rolled back, and verifies what the tampering left. */
async function verifyAfter(tamper: string): Promise<AuditVerification> {
  let result: AuditVerification | undefined;
  await database.db
    .transaction(async (tx) => {
      for (const statement of tamper.split(/;\s*\n/)) await tx.execute(sql.raw(statement));
      result = await verifyAuditChain(tx);
      throw new Error('roll back the tampering');
    })
    .catch(() => {});
  if (!result) throw new Error('verification did not run');
  return result;
}

describe('audit module, in a database holding only its own schema and a test publisher', () => {
  it('appends every event once, in commit order, with the publisher, aggregate, payload and times', async () => {
    const { body } = await getJson('/audit/events?limit=100');
    expect(body.items.map((e) => [e.position, e.type, e.payload])).toEqual([
      [1, 'audit_test_pub.thing-done', { n: 1 }],
      [2, 'audit_test_pub.thing-done', { n: 2 }],
      [3, 'audit_test_pub.other-thing', { note: 'after 2' }],
      [4, 'audit_test_pub.thing-done', { n: 3 }],
      [5, 'audit_test_pub.thing-done', { n: 4 }],
      [6, 'audit_test_pub.other-thing', { note: 'after 4' }],
      [7, 'audit_test_pub.thing-done', { n: 5 }],
    ]);
    expect(body.items[2]).toMatchObject({ module: 'audit_test_pub', aggregateId: 'agg-2', version: 2 });
    for (const entry of body.items) expect(Date.parse(entry.recordedAt)).toBeGreaterThanOrEqual(Date.parse(entry.occurredAt));
    expect(body.nextCursor).toBeNull();
  });

  it('appends nothing for a redelivered event', async () => {
    await database.rows(sql`update audit_test_pub.outbox_deliveries set status = 'pending'`);
    await bed.dispatcher.runUntilIdle();
    expect((await bed.api.list({ limit: 100 })).items).toHaveLength(7);
    expect(await bed.api.verify({})).toEqual({ ok: true, entries: 7 });
  });

  it('filters by module and type and pages with a cursor', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: AuditEntry[]; nextCursor: string | null } } = await getJson(
        `/audit/events?type=audit_test_pub.thing-done&module=audit_test_pub&limit=2${cursor ? `&after=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((e) => (e.payload as { n: number }).n));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect((await getJson('/audit/events?module=customers')).body.items).toEqual([]);
  });

  it('answers 400 for a bad cursor or limit', async () => {
    expect((await bed.app.request('/audit/events?after=abc')).status).toBe(400);
    expect((await bed.app.request('/audit/events?limit=0')).status).toBe(400);
  });

  it('verifies an untouched chain', async () => {
    expect(await bed.api.verify({})).toEqual({ ok: true, entries: 7 });
  });

  it('names the first altered entry', async () => {
    expect(await verifyAfter(`update audit.entries set payload = '{"n": 99}' where position = 4`)).toMatchObject({
      ok: false,
      position: 4,
      problem: expect.stringMatching(/altered/),
    });
    expect(await verifyAfter(`update audit.entries set recorded_at = recorded_at + interval '1 second' where position = 2`)).toMatchObject({ ok: false, position: 2 });
  });

  it('names a deletion in the middle and at the tail', async () => {
    expect(await verifyAfter('delete from audit.entries where position = 3')).toMatchObject({ ok: false, position: 4, problem: expect.stringMatching(/3\.\.3 are missing/) });
    expect(await verifyAfter('delete from audit.entries where position = 7')).toMatchObject({ ok: false, position: 7, problem: expect.stringMatching(/missing/) });
  });

  it('names an inserted entry', async () => {
    // Slipped in at position 3 (the rest re-numbered), copying the links of the entry it displaced.
    const forged = await verifyAfter(`
      update audit.entries set position = position + 100 where position >= 3;
      update audit.entries set position = position - 99 where position >= 100;
      insert into audit.entries (position, event_id, type, version, module, aggregate_id, payload, occurred_at, recorded_at, prev_hash, hash)
      select 3, gen_random_uuid(), type, version, module, aggregate_id, payload, occurred_at, recorded_at, prev_hash, hash from audit.entries where position = 4`);
    expect(forged).toMatchObject({ ok: false, position: 3 });
    expect(await verifyAfter(`
      insert into audit.entries (position, event_id, type, version, module, aggregate_id, payload, occurred_at, recorded_at, prev_hash, hash)
      select 8, gen_random_uuid(), type, version, module, aggregate_id, payload, occurred_at, recorded_at, hash, hash from audit.entries where position = 7`)).toMatchObject({
      ok: false,
      position: 8,
    });
  });

  describe('roles', () => {
    it('runs the event handler as the audit role, and the delivery bookkeeping as the login again', async () => {
      expect(handlerRoles.length).toBeGreaterThan(0);
      expect(new Set(handlerRoles)).toEqual(new Set([moduleRoles('audit', database.rolePrefix).runtime]));
      const [login] = await database.rows<{ role: string }>(sql`select current_user::text as role`);
      const delivered = await database.rows<{ n: number }>(sql`select count(*)::int as n from audit_test_pub.outbox_deliveries where status = 'delivered'`);
      expect(login?.role).not.toBe(moduleRoles('audit', database.rolePrefix).runtime);
      expect(delivered[0]?.n).toBeGreaterThan(0);
    });

    /** Drizzle wraps the driver's error: the reason is in its cause. */
    const failureOf = async (statement: Promise<unknown>) => {
      const error = await statement.then(
        () => undefined,
        (e: unknown) => e as Error & { cause?: Error },
      );
      return error?.cause?.message ?? error?.message ?? 'succeeded';
    };

    it('lets the audit role append and read, but not update, delete or truncate its log', async () => {
      const asAudit = database.forModule('audit');
      expect((await asAudit.execute(sql`select count(*) from audit.entries`)) !== undefined).toBe(true);
      expect(await failureOf(asAudit.execute(sql`update audit.entries set type = 'forged' where position = 1`))).toMatch(/permission denied/);
      expect(await failureOf(asAudit.execute(sql`delete from audit.entries where position = 1`))).toMatch(/permission denied/);
      expect(await failureOf(asAudit.execute(sql`truncate audit.entries`))).toMatch(/permission denied/);
      expect(await failureOf(asAudit.execute(sql`delete from audit.inbox`))).toMatch(/permission denied/);
      const [first] = await database.rows<{ type: string }>(sql`select type from audit.entries where position = 1`);
      expect(first?.type).toBe(ThingDone.type);
    });
  });
});
