import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations, setupDatabase, type Database } from '@shop/platform-db';
import { createLogger } from '@shop/platform-logging';
import { provisionTestDatabase, type TestDatabaseTarget } from '@shop/platform-testing';
import { composeMonolith, moduleMigrations } from '../src/compose.js';

const MONOLITH_DIR = fileURLToPath(new URL('..', import.meta.url));

let target: TestDatabaseTarget;
let dataDir: string;
let env: Record<string, string>;
let orderId: string;

/** Runs `pnpm orders:reconcile` (its script) with `args` against the test's database. */
function reconcile(args: string[], extraEnv: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--conditions=@shop/source', '--import', 'tsx', 'src/cli/orders-reconcile.ts', ...args], {
    cwd: MONOLITH_DIR,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env, ...extraEnv },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(target.url ? { url: target.url } : { dataDir: path.join(dataDir, 'pglite') });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const workflowOf = (id: string) =>
  withDatabase(async (database) => {
    const [order] = await database.rows<{ stage: string }>(sql`select stage from orders.orders where id = ${id}`);
    const [charge] = await database.rows<{ status: string }>(sql`select status from billing.charges where order_id = ${id}`);
    return { stage: order?.stage, charge: charge?.status };
  });

beforeAll(async () => {
  target = await provisionTestDatabase('orders_reconcile_cli');
  dataDir = mkdtempSync(path.join(tmpdir(), 'orders-reconcile-'));
  env = { ...(target.url ? { DATABASE_URL: target.url } : { DATA_DIR: path.join(dataDir, 'pglite') }), ORDERS_RECONCILE_AFTER_MS: '0' };
  // A payment provider outage: billing claims the charge, the provider never answers, the pay fails.
  await withDatabase(async (database) => {
    await setupDatabase(database, moduleMigrations);
    await runMigrations(database, moduleMigrations);
    const down = { name: 'sandbox', charge: async () => Promise.reject(new Error('provider unreachable')), refund: async () => Promise.reject(new Error('provider unreachable')) };
    const { app } = composeMonolith({ database, logger: createLogger({ level: 'silent' }), ports: { billing: { paymentProvider: down } } });
    const post = async (url: string, body?: unknown) =>
      app.request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const customer = (await (await post('/customers', { email: 'reconcile@example.com', name: 'Re' })).json()) as { id: string };
    orderId = ((await (await post('/orders', { customerId: customer.id, items: [{ sku: 'A', quantity: 1, unitPriceCents: 1500 }] })).json()) as { id: string }).id;
    expect((await post(`/orders/${orderId}/pay`)).status).toBe(500);
  });
}, 120_000);

afterAll(async () => {
  await target?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('pnpm orders:reconcile', () => {
  it('--dry-run prints what it would do and changes nothing', async () => {
    expect(await workflowOf(orderId)).toEqual({ stage: 'payment_requested', charge: 'pending' });
    const run = reconcile(['--dry-run']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`order ${orderId}: payment_requested: would ask billing to settle pending charge [0-9a-f-]{36} \\(the provider is asked again`));
    expect(run.stdout).toContain('dry run: 1 order would be reconciled; nothing changed');
    expect(await workflowOf(orderId)).toEqual({ stage: 'payment_requested', charge: 'pending' });
  }, 120_000);

  it('runs one sweep: the pending charge is settled with the provider and the order paid', async () => {
    const run = reconcile([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`order ${orderId}: payment_requested → paid`);
    expect(run.stdout).toContain('1 order reconciled, 0 not yet');
    expect(await workflowOf(orderId)).toEqual({ stage: 'paid', charge: 'succeeded' });
    expect(reconcile([]).stdout).toContain('0 orders reconciled, 0 not yet');
  }, 120_000);

  it('--help exits 0 and touches nothing; an unknown flag exits 2', () => {
    const untouched = path.join(dataDir, 'never-created');
    const help = reconcile(['--help'], { DATA_DIR: untouched, DATABASE_URL: '' });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: orders:reconcile [options]');
    expect(help.stdout).toContain('--dry-run');
    expect(existsSync(untouched)).toBe(false);
    const wrong = reconcile(['--dry-rn'], { DATA_DIR: untouched, DATABASE_URL: '' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/unknown option '--dry-rn'/);
    expect(existsSync(untouched)).toBe(false);
  }, 60_000);
});
