import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@shop/platform-db';
import { moduleTestbed, type ModuleTestbed } from '@shop/platform-testbed';
import { ChargeDeclinedV1, ChargeSucceededV1, RefundIssuedV1 } from '../src/events.js';
import { billingModule } from '../src/module.js';

let bed: ModuleTestbed<typeof billingModule>;
let database: Database;

beforeAll(async () => {
  // As in the monolith: every statement of the module runs as its own role.
  bed = await moduleTestbed({ module: billingModule });
  database = bed.database;
  // A test-only way to make a commit fail after everything in it ran: a deferred trigger on the
  // outbox raises at COMMIT for the event types listed in `billing.test_poison`.
  await database.rows(sql`create table billing.test_poison (type text primary key)`);
  await database.rows(sql`
    create function billing.test_fail_poisoned() returns trigger language plpgsql security definer as $$
    begin
      if exists (select 1 from billing.test_poison where type = new.type) then raise exception 'poisoned %', new.type; end if;
      return null;
    end $$`);
  await database.rows(sql`
    create constraint trigger test_poison after insert on billing.outbox deferrable initially deferred
    for each row execute function billing.test_fail_poisoned()`);
});

afterAll(async () => {
  await bed?.close();
});

beforeEach(async () => {
  await database.rows(sql`delete from billing.test_poison`);
});

const poison = (type: string) => database.rows(sql`insert into billing.test_poison (type) values (${type})`);
interface OutboxRow extends Record<string, unknown> {
  type: string;
  version: number;
  aggregate_id: string;
  payload: Record<string, unknown>;
}
const eventsOfOrder = (orderId: string) =>
  database.rows<OutboxRow>(sql`select type, version, aggregate_id, payload from billing.outbox where payload->>'orderId' = ${orderId} order by seq`);
const chargeStatus = async (orderId: string) =>
  (await database.rows<{ status: string }>(sql`select status from billing.charges where order_id = ${orderId}`))[0]?.status;

describe('billing publishes its events in the transaction of each state change', () => {
  it('an approved charge writes exactly billing.charge-succeeded v1, once however often it is retried', async () => {
    const orderId = randomUUID();
    const result = await bed.api.chargeOrder({ orderId, amountCents: 2500 });
    if (!result.ok) throw new Error('declined');
    await bed.api.chargeOrder({ orderId, amountCents: 2500 });
    const events = await eventsOfOrder(orderId);
    expect(events).toEqual([
      {
        type: ChargeSucceededV1.type,
        version: 1,
        aggregate_id: result.charge.id,
        payload: { chargeId: result.charge.id, orderId, amountCents: 2500, succeededAt: result.charge.updatedAt },
      },
    ]);
  });

  it('a declined charge writes exactly billing.charge-declined v1 with the decline code', async () => {
    const orderId = randomUUID();
    const result = await bed.api.chargeOrder({ orderId, amountCents: 1013 });
    if (result.ok) throw new Error('approved');
    const events = await eventsOfOrder(orderId);
    expect(events.map((e) => [e.type, e.aggregate_id])).toEqual([[ChargeDeclinedV1.type, result.chargeId]]);
    expect(events[0]?.payload).toMatchObject({ chargeId: result.chargeId, orderId, amountCents: 1013, declineCode: 'card_declined' });
    expect(ChargeDeclinedV1.schema.safeParse(events[0]?.payload).success).toBe(true);
  });

  it('a refund writes exactly billing.refund-issued v1, once however often it is retried', async () => {
    const orderId = randomUUID();
    const charged = await bed.api.chargeOrder({ orderId, amountCents: 4200 });
    if (!charged.ok) throw new Error('declined');
    const refunded = await bed.api.refund({ chargeId: charged.charge.id });
    if (!refunded.ok) throw new Error(refunded.code);
    expect(await bed.api.refund({ chargeId: charged.charge.id })).toEqual(refunded);
    const events = await eventsOfOrder(orderId);
    expect(events.map((e) => e.type)).toEqual([ChargeSucceededV1.type, RefundIssuedV1.type]);
    expect(events[1]).toMatchObject({
      aggregate_id: charged.charge.id,
      payload: { refundId: refunded.refund.id, chargeId: charged.charge.id, orderId, amountCents: 4200, refundedAt: refunded.refund.createdAt },
    });
  });

  it('a settlement whose transaction rolls back leaves the charge pending and publishes nothing; a retry publishes once', async () => {
    const orderId = randomUUID();
    await poison(ChargeSucceededV1.type);
    await expect(bed.api.chargeOrder({ orderId, amountCents: 3000 })).rejects.toThrow(/poisoned/);
    expect(await chargeStatus(orderId)).toBe('pending');
    expect(await eventsOfOrder(orderId)).toEqual([]);

    await database.rows(sql`delete from billing.test_poison`);
    expect((await bed.api.chargeOrder({ orderId, amountCents: 3000 })).ok).toBe(true);
    expect((await eventsOfOrder(orderId)).map((e) => e.type)).toEqual([ChargeSucceededV1.type]);
  });

  it('a refund whose transaction rolls back records no refund and publishes nothing', async () => {
    const orderId = randomUUID();
    const charged = await bed.api.chargeOrder({ orderId, amountCents: 900 });
    if (!charged.ok) throw new Error('declined');
    await poison(RefundIssuedV1.type);
    await expect(bed.api.refund({ chargeId: charged.charge.id })).rejects.toThrow(/poisoned/);
    expect(await chargeStatus(orderId)).toBe('succeeded');
    expect((await eventsOfOrder(orderId)).map((e) => e.type)).toEqual([ChargeSucceededV1.type]);
  });
});
