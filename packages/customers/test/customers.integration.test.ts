import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleTestbed, type ModuleTestbed } from '@shop/platform-testbed';
import { CustomerRegisteredV1 } from '../src/events.js';
import type { Customer } from '../src/index.js';
import { customersModule } from '../src/module.js';

let bed: ModuleTestbed<typeof customersModule>;

beforeAll(async () => {
  // CUSTOMERS_TEST_DATABASE_URL: run this suite against an existing database (one restored from
  // `pnpm db:export customers`, say) instead of a fresh one.
  const databaseUrl = process.env['CUSTOMERS_TEST_DATABASE_URL'];
  // Only this module's schema is migrated: it must work with every other module absent. Every
  // statement of the module runs as its own role, as in the monolith.
  bed = await moduleTestbed({ module: customersModule, ...(databaseUrl ? { databaseUrl } : {}) });
});

afterAll(async () => {
  await bed?.close();
});

const postJson = (path: string, body: unknown) => bed.send('POST', path, body);
type ProblemBody = { type: string; status: number; errors: { path: string; in: string }[] };
const problemOf = async (res: Response) => (await res.json()) as ProblemBody;
let sequence = 0;
const uniqueEmail = () => `person${++sequence}.${Date.now()}@example.com`;

describe('customers module, in a database holding only its own schema', () => {
  it('has no schema but its own (plus the migration history)', async () => {
    const rows = await bed.database.rows<{ schema_name: string }>(
      sql`select schema_name from information_schema.schemata where schema_name not in ('public', 'information_schema') and schema_name not like 'pg\_%' order by 1`,
    );
    expect(rows.map((r) => r.schema_name)).toEqual(['customers', 'drizzle']);
  });

  it('registers a customer: 201 with id, email, name, createdAt and a location header', async () => {
    const res = await postJson('/customers', { email: '  Ada@Example.com ', name: 'Ada Lovelace' });
    expect(res.status).toBe(201);
    const customer = (await res.json()) as Customer;
    expect(customer).toMatchObject({ email: 'Ada@Example.com', name: 'Ada Lovelace' });
    expect(customer.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(customer.createdAt).toISOString()).toBe(customer.createdAt);
    expect(res.headers.get('location')).toBe(`/customers/${customer.id}`);

    const fetched = await bed.app.request(`/customers/${customer.id}`);
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual(customer);
  });

  it('answers 409 for an email already registered, whatever its case', async () => {
    const email = uniqueEmail();
    expect((await postJson('/customers', { email, name: 'First' })).status).toBe(201);
    const duplicate = await postJson('/customers', { email: email.toUpperCase(), name: 'Second' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.headers.get('content-type')).toContain('application/problem+json');
    expect(await duplicate.json()).toMatchObject({ type: '/problems/email-taken', status: 409 });
  });

  it('reports a taken email as a typed result through the API', async () => {
    const email = uniqueEmail();
    expect((await bed.api.register({ email, name: 'A' })).ok).toBe(true);
    expect(await bed.api.register({ email, name: 'B' })).toEqual({ ok: false, code: 'email_taken' });
  });

  it('publishes customers.customer-registered v1 with the registration, and nothing for a refused one', async () => {
    const email = uniqueEmail();
    const result = await bed.api.register({ email, name: 'Evented' });
    if (!result.ok) throw new Error('registration failed');
    expect(await bed.api.register({ email, name: 'Duplicate' })).toMatchObject({ ok: false });
    const events = await bed.database.rows<{ type: string; version: number; aggregate_id: string; payload: unknown }>(
      sql`select type, version, aggregate_id, payload from customers.outbox where payload->>'email' = ${email}`,
    );
    expect(events).toEqual([
      {
        type: CustomerRegisteredV1.type,
        version: 1,
        aggregate_id: result.customer.id,
        payload: { customerId: result.customer.id, email, name: 'Evented', registeredAt: result.customer.createdAt },
      },
    ]);
    expect(CustomerRegisteredV1.schema.safeParse(events[0]?.payload).success).toBe(true);
  });

  it('rejects invalid bodies with 400 and the field paths', async () => {
    const res = await postJson('/customers', { email: 'not-an-email', name: '' });
    expect(res.status).toBe(400);
    const body = await problemOf(res);
    expect(body.errors.map((e) => e.path).sort()).toEqual(['email', 'name']);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await bed.app.request('/customers/7b0c2d4e-0000-4000-8000-000000000000')).status).toBe(404);
    const malformed = await bed.app.request('/customers/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect((await problemOf(malformed)).errors[0]).toMatchObject({ path: 'id', in: 'path' });
  });

  it('knows which customers exist', async () => {
    const result = await bed.api.register({ email: uniqueEmail(), name: 'Exists' });
    if (!result.ok) throw new Error('registration failed');
    expect(await bed.api.exists({ id: result.customer.id })).toBe(true);
    expect(await bed.api.exists({ id: '7b0c2d4e-0000-4000-8000-000000000001' })).toBe(false);
    expect(await bed.api.exists({ id: 'garbage' })).toBe(false);
  });

  it('pages through every customer exactly once with cursors', async () => {
    for (let i = 0; i < 5; i++) await bed.api.register({ email: uniqueEmail(), name: `Paged ${i}` });
    const total = (await bed.database.rows<{ n: number }>(sql`select count(*)::int as n from customers.customers`))[0]?.n;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const res = await bed.app.request(`/customers${query}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: Customer[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total ?? -1);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('rejects a bad limit or cursor with 400', async () => {
    expect((await bed.app.request('/customers?limit=0')).status).toBe(400);
    expect((await bed.app.request('/customers?limit=1000')).status).toBe(400);
    const bad = await bed.app.request('/customers?cursor=garbage');
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).errors[0]).toMatchObject({ path: 'cursor', in: 'query' });
  });
});
