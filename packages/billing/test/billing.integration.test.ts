import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@shop/platform-db';
import { moduleTestbed, type ModuleTestbed } from '@shop/platform-testbed';
import { ChargeOrderResultSchema, RefundResultSchema, type Charge } from '../src/index.js';
import { billingModule, createSandboxPaymentProvider, type PaymentProvider } from '../src/module.js';

/**
 * The sandbox, counting how often billing reaches it: "never charges twice" is about this count.
 * The sandbox keeps its memory in billing's schema, so it is plugged in once the database exists.
 */
function countingProvider() {
  let sandbox: PaymentProvider | undefined;
  const connected = () => {
    if (!sandbox) throw new Error('sandbox not connected yet');
    return sandbox;
  };
  const calls = { charge: 0, refund: 0 };
  /** Distinct idempotency keys charged: the provider moves money once per key. */
  const chargeKeys = new Set<string>();
  const provider: PaymentProvider = {
    name: 'sandbox',
    charge: (request) => (calls.charge++, chargeKeys.add(request.idempotencyKey), connected().charge(request)),
    refund: (request) => (calls.refund++, connected().refund(request)),
  };
  return { provider, calls, chargeKeys, connect: (db: Db) => (sandbox = createSandboxPaymentProvider(db)) };
}

let bed: ModuleTestbed<typeof billingModule>;
let counted: ReturnType<typeof countingProvider>;

beforeAll(async () => {
  counted = countingProvider();
  // Only this module's schema is migrated: it must work with every other module absent.
  bed = await moduleTestbed({ module: billingModule, ports: { paymentProvider: counted.provider } });
  counted.connect(bed.db);
});

afterAll(async () => {
  await bed?.close();
});

async function approvedCharge(amountCents = 2500): Promise<Charge> {
  const result = await bed.api.chargeOrder({ orderId: randomUUID(), amountCents });
  if (!result.ok) throw new Error(`expected approval, got ${result.code}`);
  return result.charge;
}

describe('billing module, in a database holding only its own schema', () => {
  it('has no schema but its own (plus the migration history)', async () => {
    const rows = await bed.database.rows<{ schema_name: string }>(
      sql`select schema_name from information_schema.schemata where schema_name not in ('public', 'information_schema') and schema_name not like 'pg\_%' order by 1`,
    );
    expect(rows.map((r) => r.schema_name)).toEqual(['billing', 'drizzle']);
  });

  it('charges an order once however often chargeOrder is retried', async () => {
    const orderId = randomUUID();
    const before = counted.calls.charge;
    const first = await bed.api.chargeOrder({ orderId, amountCents: 4200 });
    const second = await bed.api.chargeOrder({ orderId, amountCents: 4200 });
    expect(first).toMatchObject({ ok: true, charge: { orderId, amountCents: 4200, status: 'succeeded', declineCode: null, refundId: null } });
    expect(second).toEqual(first);
    // A settled charge is answered from the database: the provider is not asked again.
    expect(counted.calls.charge - before).toBe(1);
    const rows = await bed.database.rows<{ n: number }>(sql`select count(*)::int as n from billing.charges where order_id = ${orderId}`);
    expect(rows[0]?.n).toBe(1);
    expect(ChargeOrderResultSchema.parse(first)).toEqual(first);
  });

  it('charges once under concurrent retries: one charge row, one idempotency key at the provider', async () => {
    const orderId = randomUUID();
    const keysBefore = new Set(counted.chargeKeys);
    const results = await Promise.all([1, 2, 3].map(() => bed.api.chargeOrder({ orderId, amountCents: 900 })));
    expect(results[0]).toMatchObject({ ok: true, charge: { orderId, status: 'succeeded' } });
    for (const result of results) expect(result).toEqual(results[0]);
    expect([...counted.chargeKeys].filter((key) => !keysBefore.has(key))).toHaveLength(1);
    const rows = await bed.database.rows<{ n: number }>(sql`select count(*)::int as n from billing.charges where order_id = ${orderId}`);
    expect(rows[0]?.n).toBe(1);
  });

  it('resumes a charge left pending by an attempt that died before recording the answer', async () => {
    const orderId = randomUUID();
    await bed.database.rows(sql`insert into billing.charges (order_id, amount_cents, status, provider) values (${orderId}, 700, 'pending', 'sandbox')`);
    const result = await bed.api.chargeOrder({ orderId, amountCents: 700 });
    expect(result).toMatchObject({ ok: true, charge: { orderId, status: 'succeeded' } });
  });

  it('after a crash between the provider\'s approval and its record, the retry gets the same approval: charged once', async () => {
    const orderId = randomUUID();
    const [pending] = await bed.database.rows<{ id: string }>(
      sql`insert into billing.charges (order_id, amount_cents, status, provider) values (${orderId}, 1900, 'pending', 'sandbox') returning id`,
    );
    // The dead attempt reached the provider, which approved it; a new process has a new provider object.
    const approval = await createSandboxPaymentProvider(bed.db).charge({ idempotencyKey: pending?.id ?? '', amountCents: 1900 });
    expect(await bed.api.chargeOrder({ orderId, amountCents: 1900 })).toMatchObject({ ok: true, charge: { id: pending?.id, status: 'succeeded' } });
    const [recorded] = await bed.database.rows<{ provider_reference: string }>(sql`select provider_reference from billing.charges where id = ${pending?.id}`);
    expect(recorded?.provider_reference).toBe(approval.outcome === 'approved' ? approval.reference : 'approved');
    const keys = await bed.database.rows<{ n: number }>(sql`select count(*)::int as n from billing.sandbox_provider_requests where idempotency_key = ${pending?.id}`);
    expect(keys[0]?.n).toBe(1);
  });

  it('declines amounts ending in 13 cents with card_declined, and a retry stays declined without asking again', async () => {
    const orderId = randomUUID();
    const first = await bed.api.chargeOrder({ orderId, amountCents: 1013 });
    expect(first).toEqual({ ok: false, code: 'card_declined', chargeId: expect.any(String) });
    const before = counted.calls.charge;
    expect(await bed.api.chargeOrder({ orderId, amountCents: 1013 })).toEqual(first);
    expect(counted.calls.charge).toBe(before);
    if (first.ok) throw new Error('unreachable');
    expect(await bed.api.getCharge({ id: first.chargeId })).toMatchObject({ status: 'declined', declineCode: 'card_declined', amountCents: 1013 });
  });

  it('refuses to charge an already charged order for another amount', async () => {
    const orderId = randomUUID();
    const first = await bed.api.chargeOrder({ orderId, amountCents: 1000 });
    const other = await bed.api.chargeOrder({ orderId, amountCents: 2000 });
    expect(other).toEqual({ ok: false, code: 'amount_mismatch', chargeId: first.ok ? first.charge.id : '' });
  });

  it('refunds a succeeded charge once; a second refund returns the first', async () => {
    const charge = await approvedCharge(3300);
    const before = counted.calls.refund;
    const first = await bed.api.refund({ chargeId: charge.id });
    expect(first).toMatchObject({ ok: true, refund: { chargeId: charge.id, amountCents: 3300 } });
    expect(await bed.api.refund({ chargeId: charge.id })).toEqual(first);
    expect(counted.calls.refund - before).toBe(1);
    expect(await bed.api.getCharge({ id: charge.id })).toMatchObject({ status: 'refunded', refundId: first.ok ? first.refund.id : '' });
    expect(RefundResultSchema.parse(first)).toEqual(first);
  });

  it('reports a refund of an unknown charge as unknown_charge', async () => {
    expect(await bed.api.refund({ chargeId: randomUUID() })).toEqual({ ok: false, code: 'unknown_charge' });
    expect(await bed.api.refund({ chargeId: 'not-a-uuid' })).toEqual({ ok: false, code: 'unknown_charge' });
  });

  it('will not refund a declined charge', async () => {
    const declined = await bed.api.chargeOrder({ orderId: randomUUID(), amountCents: 513 });
    if (declined.ok) throw new Error('expected a decline');
    expect(await bed.api.refund({ chargeId: declined.chargeId })).toEqual({ ok: false, code: 'not_refundable' });
  });

  describe('resolveOrderCharge', () => {
    it('is null for an order never charged, and charges nothing', async () => {
      const before = counted.calls.charge;
      const orderId = randomUUID();
      expect(await bed.api.resolveOrderCharge({ orderId })).toBeNull();
      expect(counted.calls.charge).toBe(before);
      const rows = await bed.database.rows<{ n: number }>(sql`select count(*)::int as n from billing.charges where order_id = ${orderId}`);
      expect(rows[0]?.n).toBe(0);
    });

    it('returns a settled charge as recorded, without asking the provider', async () => {
      const charge = await approvedCharge(4100);
      const before = counted.calls.charge;
      expect(await bed.api.resolveOrderCharge({ orderId: charge.orderId })).toEqual(charge);
      expect(counted.calls.charge).toBe(before);
    });

    it('settles a pending charge by asking the provider again with the same key, and publishes its outcome once', async () => {
      const orderId = randomUUID();
      const [pending] = await bed.database.rows<{ id: string }>(
        sql`insert into billing.charges (order_id, amount_cents, status, provider) values (${orderId}, 2513, 'pending', 'sandbox') returning id`,
      );
      const resolved = await bed.api.resolveOrderCharge({ orderId });
      expect(resolved).toMatchObject({ id: pending?.id, status: 'declined', declineCode: 'card_declined' });
      expect(await bed.api.resolveOrderCharge({ orderId })).toEqual(resolved);
      const events = await bed.database.rows<{ type: string }>(sql`select type from billing.outbox where payload->>'orderId' = ${orderId}`);
      expect(events.map((e) => e.type)).toEqual(['billing.charge-declined']);
    });
  });

  describe('the sandbox provider', () => {
    it.each([0, 1, 100, 1000, 1012, 1014, 113_00, 999_999_99])('approves %i cents', async (amountCents) => {
      const result = await createSandboxPaymentProvider(bed.db).charge({ idempotencyKey: randomUUID(), amountCents });
      expect(result).toMatchObject({ outcome: 'approved', reference: expect.stringMatching(/^sandbox_ch_/) });
    });

    it.each([13, 113, 1013, 25_13, 1_000_013])('declines %i cents with card_declined', async (amountCents) => {
      expect(await createSandboxPaymentProvider(bed.db).charge({ idempotencyKey: randomUUID(), amountCents })).toEqual({ outcome: 'declined', code: 'card_declined' });
    });

    it('answers a repeated key with its first answer, also in another process (a new provider on the same database)', async () => {
      const key = randomUUID();
      const first = await createSandboxPaymentProvider(bed.db).charge({ idempotencyKey: key, amountCents: 500 });
      // As after a restart: nothing in memory, the first answer comes from billing's schema.
      const restarted = createSandboxPaymentProvider(bed.db);
      expect(await restarted.charge({ idempotencyKey: key, amountCents: 500 })).toEqual(first);
      expect(await restarted.charge({ idempotencyKey: randomUUID(), amountCents: 500 })).not.toEqual(first);
      const refund = await restarted.refund({ idempotencyKey: `r-${key}`, chargeReference: 'x', amountCents: 500 });
      expect(await createSandboxPaymentProvider(bed.db).refund({ idempotencyKey: `r-${key}`, chargeReference: 'x', amountCents: 500 })).toEqual(refund);
      const rows = await bed.database.rows<{ operation: string }>(
        sql`select operation from billing.sandbox_provider_requests where idempotency_key in (${key}, ${`r-${key}`}) order by operation`,
      );
      expect(rows.map((r) => r.operation)).toEqual(['charge', 'refund']);
    });

    it('answers concurrent requests with one key once', async () => {
      const key = randomUUID();
      const answers = await Promise.all([1, 2, 3, 4].map(() => createSandboxPaymentProvider(bed.db).charge({ idempotencyKey: key, amountCents: 800 })));
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    });

    it('refuses a key reused for another amount, as a real provider does', async () => {
      const key = randomUUID();
      await createSandboxPaymentProvider(bed.db).charge({ idempotencyKey: key, amountCents: 500 });
      await expect(createSandboxPaymentProvider(bed.db).charge({ idempotencyKey: key, amountCents: 600 })).rejects.toThrow(/first used for a charge of 500 cents/);
    });
  });

  it('serves charges over HTTP: by id, by order, 404 and 400', async () => {
    const charge = await approvedCharge(1200);
    const byId = await bed.app.request(`/billing/charges/${charge.id}`);
    expect(byId.status).toBe(200);
    expect(await byId.json()).toEqual(charge);

    const byOrder = await bed.app.request(`/billing/charges?orderId=${charge.orderId}`);
    expect(byOrder.status).toBe(200);
    expect(await byOrder.json()).toEqual({ items: [charge] });
    expect(await (await bed.app.request(`/billing/charges?orderId=${randomUUID()}`)).json()).toEqual({ items: [] });

    const missing = await bed.app.request(`/billing/charges/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const noOrder = await bed.app.request('/billing/charges');
    expect(noOrder.status).toBe(400);
    expect(((await noOrder.json()) as { errors: { path: string }[] }).errors[0]).toMatchObject({ path: 'orderId', in: 'query' });
    expect((await bed.app.request('/billing/charges/nope')).status).toBe(400);
  });

  it('stores totals beyond 32 bits exactly', async () => {
    const charge = await approvedCharge(1_000_000_000_000);
    expect((await bed.api.getCharge({ id: charge.id }))?.amountCents).toBe(1_000_000_000_000);
  });
});
