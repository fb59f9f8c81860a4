import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations, setupDatabase, type Database } from '@shop/platform-db';
import { createLogger } from '@shop/platform-logging';
import { composeMonolith, moduleMigrations, type Monolith } from '../src/compose.js';

let database: Database;
let monolith: Monolith;

beforeAll(async () => {
  database = await openDatabase();
  await setupDatabase(database, moduleMigrations);
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
    expect(Object.keys(document.paths).sort()).toEqual(['/customers', '/customers/{id}']);
  });
});
