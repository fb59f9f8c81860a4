import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations, setupDatabase, type Database } from '@shop/platform-db';
import { createHttpApp } from '@shop/platform-http';
import { createLogger } from '@shop/platform-logging';
import { provisionTestDatabase, type TestDatabaseTarget } from '@shop/platform-testing';
import { CustomerErrorCode, CustomerRegisteredV1, type Customer } from '../src/index.js';
import { createCustomersModule, customersMigrations, type CustomersModule } from '../src/module.js';

let target: TestDatabaseTarget;
let database: Database;
let customers: CustomersModule;
let app: ReturnType<typeof createHttpApp>;

beforeAll(async () => {
  // CUSTOMERS_TEST_DATABASE_URL: run this suite against an existing database (one restored from
  // `pnpm db:export customers`, say) instead of a fresh one.
  const existingUrl = process.env['CUSTOMERS_TEST_DATABASE_URL'];
  target = existingUrl ? { url: existingUrl, drop: async () => {} } : await provisionTestDatabase('customers');
  database = await openDatabase({ url: target.url });
  // Only this module's schema is migrated: it must work with every other module absent.
  await setupDatabase(database, [customersMigrations]);
  await runMigrations(database, [customersMigrations]);
  const logger = createLogger({ level: 'silent' });
  // Every statement of the module runs as its own role, as in the monolith.
  customers = createCustomersModule({ db: database.forModule('customers'), logger });
  app = createHttpApp({ logger });
  app.route('/', customers.routes);
});

afterAll(async () => {
  await database?.close();
  await target?.drop();
});

const postJson = (path: string, body: unknown) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
type ProblemBody = { type: string; status: number; errors: { path: string; in: string }[] };
const problemOf = async (res: Response) => (await res.json()) as ProblemBody;
let sequence = 0;
const uniqueEmail = () => `person${++sequence}.${Date.now()}@example.com`;

describe('customers module, in a database holding only its own schema', () => {
  it('has no schema but its own (plus the migration history)', async () => {
    const rows = await database.rows<{ schema_name: string }>(
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

    const fetched = await app.request(`/customers/${customer.id}`);
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
    expect((await customers.api.register({ email, name: 'A' })).ok).toBe(true);
    expect(await customers.api.register({ email, name: 'B' })).toEqual({ ok: false, code: CustomerErrorCode.EmailTaken });
  });

  it('publishes customers.customer-registered v1 with the registration, and nothing for a refused one', async () => {
    const email = uniqueEmail();
    const result = await customers.api.register({ email, name: 'Evented' });
    if (!result.ok) throw new Error('registration failed');
    expect(await customers.api.register({ email, name: 'Duplicate' })).toMatchObject({ ok: false });
    const events = await database.rows<{ type: string; version: number; aggregate_id: string; payload: unknown }>(
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
    expect((await app.request('/customers/7b0c2d4e-0000-4000-8000-000000000000')).status).toBe(404);
    const malformed = await app.request('/customers/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect((await problemOf(malformed)).errors[0]).toMatchObject({ path: 'id', in: 'path' });
  });

  it('knows which customers exist', async () => {
    const result = await customers.api.register({ email: uniqueEmail(), name: 'Exists' });
    if (!result.ok) throw new Error('registration failed');
    expect(await customers.api.exists(result.customer.id)).toBe(true);
    expect(await customers.api.exists('7b0c2d4e-0000-4000-8000-000000000001')).toBe(false);
    expect(await customers.api.exists('garbage')).toBe(false);
  });

  it('pages through every customer exactly once with cursors', async () => {
    for (let i = 0; i < 5; i++) await customers.api.register({ email: uniqueEmail(), name: `Paged ${i}` });
    const total = (await database.rows<{ n: number }>(sql`select count(*)::int as n from customers.customers`))[0]?.n;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const res = await app.request(`/customers${query}`);
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
    expect((await app.request('/customers?limit=0')).status).toBe(400);
    expect((await app.request('/customers?limit=1000')).status).toBe(400);
    const bad = await app.request('/customers?cursor=garbage');
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).errors[0]).toMatchObject({ path: 'cursor', in: 'query' });
  });
});
