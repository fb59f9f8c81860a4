import { describe, expect, it } from 'vitest';
import { eventually } from '@shop/platform-testing';
import { verifyAuditChain } from '../src/audit-chain.js';
import { freshMonolithDatabase, startMonolith } from '../src/monolith-process.js';
import { shopClient } from '../src/shop-client.js';
import { exactlyOnceViolations, lostAcknowledgements, readShop, waitForEventsDelivered } from '../src/shop-consistency.js';
import { startShopLoad } from '../src/shop-load.js';

describe('crash safety', () => {
  it('SIGKILL mid-stream: after a restart every committed registration and order is audited and notified exactly once', async () => {
    const database = await freshMonolithDatabase('e2e_crash');
    try {
      // Payments cut by the fault stay where they were cut while the checks read the shop (finishing them
      // is reconciliation's job, tested by money-crash.e2e.test.ts): the snapshot cannot move under the checks.
      const env = { ...database.env, EVENTS_POLL_INTERVAL_MS: '200', ORDERS_RECONCILE_AFTER_MS: '600000' };
      const first = await startMonolith(env);
      // Four clients registering, placing and paying as fast as they can; the process dies under them.
      const load = startShopLoad({ baseUrl: first.baseUrl, clients: 4, timeoutMs: 30_000 });
      await eventually(
        () => {
          if (load.acknowledged.customers.size < 30 || load.acknowledged.paid.size < 20) throw new Error('the load did not get going within 60 s');
        },
        { timeoutMs: 60_000, intervalMs: 5 },
      );
      first.child.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      await load.stop();

      // The data-dir lock of a killed process is stale at once (PGlite): no waiting before the restart.
      const second = await startMonolith(env);
      try {
        const client = shopClient({ baseUrl: second.baseUrl });
        const events = await waitForEventsDelivered(client, 30_000);
        expect(events).toMatchObject({ undelivered: 0, dead: 0 });
        const shop = await readShop(client);
        expect(exactlyOnceViolations(shop)).toEqual([]);
        expect(lostAcknowledgements(shop, load.acknowledged)).toEqual([]);
        const paidIds = new Set(shop.orders.filter((o) => o.status === 'paid').map((o) => o.id));
        console.log(`crash test: ${shop.customers.length} customers, ${shop.orders.length} orders (${paidIds.size} paid), ${shop.audit.length} audit entries after restart`);
      } finally {
        await second.stop();
      }
      // The chain survived the crash intact.
      const chain = verifyAuditChain(env);
      expect(chain.output).toMatch(/audit log intact: \d+ entries/);
      expect(chain.ok).toBe(true);
    } finally {
      await database.cleanup();
    }
  }, 150_000);
});
