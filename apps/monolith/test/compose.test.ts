import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations, type Database } from '@shop/platform-db';
import { createLogger } from '@shop/platform-logging';
import { composeMonolith, moduleMigrations, type Monolith } from '../src/compose.js';

let database: Database;
let monolith: Monolith;

beforeAll(async () => {
  database = await openDatabase();
  await runMigrations(database, moduleMigrations);
  monolith = composeMonolith({ database, logger: createLogger({ level: 'silent' }) });
});
afterAll(() => database?.close());

describe('composeMonolith', () => {
  it('mounts every module and reports readiness from the database', async () => {
    expect((await monolith.app.request('/ready')).status).toBe(200);
    const created = await monolith.app.request('/customers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'composed@example.com', name: 'Composed' }),
    });
    expect(created.status).toBe(201);
  });

  it('reports not ready once the database is gone', async () => {
    const db = await openDatabase();
    const app = composeMonolith({ database: db, logger: createLogger({ level: 'silent' }) }).app;
    await db.close();
    const res = await app.request('/ready');
    expect(res.status).toBe(503);
  });

  it('describes every mounted route in the OpenAPI document', async () => {
    const document = (await (await monolith.app.request('/openapi.json')).json()) as { paths: Record<string, object> };
    expect(Object.keys(document.paths).sort()).toEqual(['/audit/events', '/customers', '/customers/{id}', '/notifications']);
  });

  it('delivers a registration to the audit log and to notifications, and reports the backlog in /ready', async () => {
    const created = await monolith.app.request('/customers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'evented@example.com', name: 'Evented' }),
    });
    const customer = (await created.json()) as { id: string };
    const before = (await (await monolith.app.request('/ready')).json()) as { checks: { events: { undelivered: number; dead: number } } };
    expect(before.checks.events).toMatchObject({ status: 'ok', dead: 0 });
    expect(before.checks.events.undelivered).toBeGreaterThan(0);

    await monolith.dispatcher.runUntilIdle();
    const audit = (await (await monolith.app.request('/audit/events?type=customers.customer-registered')).json()) as { items: { aggregateId: string }[] };
    expect(audit.items.map((e) => e.aggregateId)).toContain(customer.id);
    const notes = (await (await monolith.app.request(`/notifications?customerId=${customer.id}`)).json()) as { items: { kind: string }[] };
    expect(notes.items.map((n) => n.kind)).toEqual(['welcome']);
    const after = (await (await monolith.app.request('/ready')).json()) as { checks: { events: unknown } };
    expect(after.checks.events).toEqual({ status: 'ok', undelivered: 0, oldestAgeMs: null, dead: 0 });
  });
});
