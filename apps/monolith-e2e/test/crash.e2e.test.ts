import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { eventually } from '@shop/platform-testing';
import { freshMonolithDatabase, startMonolith } from '../src/monolith-process.js';

const MONOLITH_DIR = fileURLToPath(new URL('../../monolith/', import.meta.url));

interface Item {
  module: string;
  id: string;
  aggregateId: string;
  kind: string;
  type: string;
  status: string;
  chargeId: string | null;
  payload: { orderId?: string };
}

async function getJson(url: string) {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { items: Item[]; nextCursor: string | null } };
}

const postJson = (url: string, body?: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function all(baseUrl: string, path: string, cursorParam: 'cursor' | 'after') {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const page = await getJson(`${baseUrl}${path}${path.includes('?') ? '&' : '?'}limit=100${cursor ? `&${cursorParam}=${cursor}` : ''}`);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

describe('crash safety', () => {
  it('SIGKILL mid-stream: after a restart every committed registration and order is audited and notified exactly once', async () => {
    const database = await freshMonolithDatabase('e2e_crash');
    try {
      const env = { ...database.env, EVENTS_POLL_INTERVAL_MS: '200' };
      const first = await startMonolith(env);
      let acknowledged = 0;
      let paidOrders = 0;
      let killed = false;
      // Four clients registering, placing and paying as fast as they can; the process dies under them.
      const clients = [0, 1, 2, 3].map(async (client) => {
        for (let i = 0; !killed; i++) {
          try {
            const res = await postJson(`${first.baseUrl}/customers`, { email: `crash.${client}.${i}.${Date.now()}@example.com`, name: `Crash ${client}.${i}` });
            if (res.status !== 201) continue;
            acknowledged++;
            const customer = (await res.json()) as { id: string };
            const placed = await postJson(`${first.baseUrl}/orders`, { customerId: customer.id, items: [{ sku: `SKU-${i}`, quantity: 1 + (i % 3), unitPriceCents: 500 }] });
            if (placed.status !== 201) continue;
            const order = (await placed.json()) as { id: string };
            if ((await postJson(`${first.baseUrl}/orders/${order.id}/pay`)).status === 200) paidOrders++;
          } catch {
            return; // the connection died with the process
          }
        }
      });
      await eventually(
        () => {
          if (acknowledged < 30 || paidOrders < 20) throw new Error(`only ${acknowledged} registrations and ${paidOrders} payments so far`);
        },
        { timeoutMs: 60_000, intervalMs: 5 },
      );
      first.child.kill('SIGKILL');
      killed = true;
      expect((await first.exited).signal).toBe('SIGKILL');
      await Promise.all(clients);

      // The killed process's PGlite data-directory lock names a dead owner: the restart takes it over at once.
      const second = await startMonolith(env);
      try {
        const customers = await all(second.baseUrl, '/customers', 'cursor');
        expect(customers.length).toBeGreaterThanOrEqual(acknowledged);
        await eventually(
          async () => {
            const ready = await getJson(`${second.baseUrl}/ready`);
            expect((ready.body['checks'] as { events: unknown }).events).toMatchObject({ undelivered: 0, dead: 0 });
          },
          { timeoutMs: 30_000, intervalMs: 200 },
        );
        const entries = await all(second.baseUrl, '/audit/events', 'after');
        const registered = entries.filter((e) => e.type === 'customers.customer-registered');
        expect(registered.map((e) => e.aggregateId).sort()).toEqual(customers.map((c) => c.id).sort());
        let orderCount = 0;
        let paidCount = 0;
        for (const customer of customers) {
          const orders = await all(second.baseUrl, `/orders?customerId=${customer.id}`, 'cursor');
          const expectedKinds = ['welcome'];
          for (const order of orders) {
            orderCount++;
            const ofOrder = entries.filter((e) => e.aggregateId === order.id).map((e) => e.type);
            const charges = entries.filter((e) => e.module === 'billing' && e.payload.orderId === order.id).map((e) => e.type);
            expectedKinds.push('order-confirmation');
            if (order.status === 'paid') {
              paidCount++;
              expect(ofOrder).toEqual(['orders.order-placed', 'orders.order-paid']);
              expect(charges).toEqual(['billing.charge-succeeded']);
              expectedKinds.push('payment-receipt');
            } else {
              // Placed, perhaps charged when the kill came between the charge and the order's update.
              expect(order.status).toBe('placed');
              expect(ofOrder).toEqual(['orders.order-placed']);
              expect(charges.length).toBeLessThanOrEqual(1);
            }
          }
          const notes = await getJson(`${second.baseUrl}/notifications?customerId=${customer.id}`);
          expect(notes.body.items.map((n) => n.kind).sort()).toEqual(expectedKinds.sort());
        }
        expect(paidCount).toBeGreaterThanOrEqual(paidOrders);
        console.log(`crash test: ${customers.length} customers, ${orderCount} orders (${paidCount} paid), ${entries.length} audit entries after restart`);
      } finally {
        await second.stop();
      }
      // The chain survived the crash intact.
      const verify = spawnSync('pnpm', ['run', '--silent', 'audit:verify'], { cwd: MONOLITH_DIR, env: { ...process.env, ...env }, encoding: 'utf8' });
      expect(verify.stdout + verify.stderr).toMatch(/audit log intact: \d+ entries/);
      expect(verify.status).toBe(0);
    } finally {
      await database.cleanup();
    }
  }, 150_000);
});
