import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations, setupDatabase, type Database } from '@shop/platform-db';
import { auditModule } from '@shop/audit/module';
import { Dispatcher } from '@shop/platform-events';
import { composeModules } from '@shop/platform-host';
import { createLogger } from '@shop/platform-logging';
import { composeMonolith, moduleMigrations, type Monolith } from '../src/compose.js';
import { mountedRoutes, openApiGaps, type OpenApiDocument } from './openapi-coverage.js';

let database: Database;
let monolith: Monolith;

beforeAll(async () => {
  database = await openDatabase();
  await setupDatabase(database, moduleMigrations);
  await runMigrations(database, moduleMigrations);
  monolith = composeMonolith({ database, logger: createLogger({ level: 'silent' }) });
});
afterAll(() => database?.close());

const postJson = (app: Monolith['app'], path: string, body?: unknown) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const documentOf = async (app: Monolith['app']) => (await (await app.request('/openapi.json')).json()) as OpenApiDocument;

describe('composeMonolith', () => {
  it('mounts every module and reports readiness from the database', async () => {
    expect((await monolith.app.request('/ready')).status).toBe(200);
    const created = await postJson(monolith.app, '/customers', { email: 'composed@example.com', name: 'Composed' });
    expect(created.status).toBe(201);
  });

  it('wires orders to the real customers and billing APIs', async () => {
    const customer = (await (await postJson(monolith.app, '/customers', { email: 'wired@example.com', name: 'Wired' })).json()) as { id: string };
    const order = (await (await postJson(monolith.app, '/orders', { customerId: customer.id, items: [{ sku: 'A', quantity: 2, unitPriceCents: 300 }] })).json()) as { id: string };
    const paid = (await (await postJson(monolith.app, `/orders/${order.id}/pay`)).json()) as { status: string; chargeId: string };
    expect(paid.status).toBe('paid');
    expect(await (await monolith.app.request(`/billing/charges/${paid.chargeId}`)).json()).toMatchObject({ orderId: order.id, amountCents: 600, status: 'succeeded' });
  });

  it('reports not ready once the database is gone', async () => {
    const db = await openDatabase();
    const app = composeMonolith({ database: db, logger: createLogger({ level: 'silent' }) }).app;
    await db.close();
    const res = await app.request('/ready');
    expect(res.status).toBe(503);
  });

  it('describes every mounted route in the OpenAPI 3.1 document, with its responses', async () => {
    const document = await documentOf(monolith.app);
    expect(document.openapi).toBe('3.1.0');
    const routes = mountedRoutes(monolith.app);
    // The module routes are among those derived from Hono's route table.
    expect(routes).toEqual(expect.arrayContaining(['GET /customers/:id', 'POST /orders', 'POST /orders/:id/pay', 'POST /orders/:id/cancel', 'GET /billing/charges/:id']));
    expect(openApiGaps(monolith.app, document)).toEqual([]);
    // Contains, not equals: `nx g @shop/tools:module` adds modules whose routes join these;
    // openApiGaps above already fails for any mounted route missing from the document.
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining([
      '/audit/events',
      '/billing/charges',
      '/billing/charges/{id}',
      '/customers',
      '/customers/{id}',
      '/health',
      '/notifications',
      '/orders',
      '/orders/{id}',
      '/orders/{id}/cancel',
      '/orders/{id}/pay',
      '/ready',
    ]));
  });

  it('notices a route mounted without an OpenAPI declaration', async () => {
    const app = composeMonolith({ database, logger: createLogger({ level: 'silent' }) }).app;
    app.get('/orders/:id/secret', (c) => c.json({ hidden: true }));
    expect(openApiGaps(app, await documentOf(app))).toEqual(['GET /orders/:id/secret: not in the document']);
  });

  it('serves /docs from local assets only, each answering 200', async () => {
    const res = await monolith.app.request('/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) {
      expect(url).toMatch(/^\/docs\/assets\//);
      const asset = await monolith.app.request(url);
      expect(asset.status, url).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, url).toBeGreaterThan(0);
    }
    expect(html).toContain('data-spec-url="/openapi.json"');
    expect((await monolith.app.request('/docs/assets/package.json')).status).toBe(404);
    expect((await monolith.app.request('/docs/assets/..%2Fpackage.json')).status).toBe(404);
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

  it('delivers an order placed and paid to the audit log in commit order per aggregate, and to notifications', async () => {
    const customer = (await (await postJson(monolith.app, '/customers', { email: 'audited@example.com', name: 'Audited' })).json()) as { id: string };
    const order = (await (await postJson(monolith.app, '/orders', { customerId: customer.id, items: [{ sku: 'A', quantity: 1, unitPriceCents: 700 }] })).json()) as { id: string };
    // As in the running monolith, where each commit's NOTIFY wakes the dispatcher.
    await monolith.dispatcher.runUntilIdle();
    const paid = (await (await postJson(monolith.app, `/orders/${order.id}/pay`)).json()) as { status: string; chargeId: string };
    expect(paid.status).toBe('paid');
    await monolith.dispatcher.runUntilIdle();

    type Entry = { position: number; type: string; module: string; aggregateId: string; payload: { orderId?: string } };
    const entries = ((await (await monolith.app.request('/audit/events?limit=100')).json()) as { items: Entry[] }).items;
    const ofOrder = entries.filter((e) => e.aggregateId === order.id || e.payload.orderId === order.id);
    expect(ofOrder.map((e) => [e.type, e.aggregateId])).toEqual([
      ['orders.order-placed', order.id],
      ['billing.charge-succeeded', paid.chargeId],
      ['orders.order-paid', order.id],
    ]);
    expect(ofOrder.map((e) => e.module)).toEqual(['orders', 'billing', 'orders']);
    // What `pnpm audit:verify` runs: the hash chain over every entry, and entries vs. inbox.
    const silent = createLogger({ level: 'silent' });
    const audit = composeModules({ modules: [auditModule], database, logger: silent, events: new Dispatcher({ database, logger: silent, publishers: [] }) }).apiOf(auditModule);
    expect(await audit.verify({})).toMatchObject({ ok: true, entries: entries.length });

    const notes = (await (await monolith.app.request(`/notifications?customerId=${customer.id}`)).json()) as { items: { kind: string; recipient: string }[] };
    expect(notes.items.map((n) => [n.kind, n.recipient])).toEqual([
      ['welcome', 'audited@example.com'],
      ['order-confirmation', 'audited@example.com'],
      ['payment-receipt', 'audited@example.com'],
    ]);
  });
});
