import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventually } from '@shop/platform-testing';
import { moneyViolations, readMoney, type MoneyOrder } from '../src/money-invariants.js';
import { freshMonolithDatabase, MONOLITH_WITH_FAULT_POINTS, startMonolith, type MonolithProcess } from '../src/monolith-process.js';
import { shopClient, type ShopRequest } from '../src/shop-client.js';
import { waitForEventsDelivered } from '../src/shop-consistency.js';

/** One line of the fault points' log (`apps/monolith/test/fault-points/fault-ports.ts`). */
type FaultLogEntry =
  | { pid: number; provider: 'charge' | 'refund'; key: string; outcome?: string; reference?: string }
  | { pid: number; mail: string; to: string; subject: string }
  | { pid: number; fault: string; key?: string; mail?: string };

const readLog = (file: string): FaultLogEntry[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as FaultLogEntry)
    : [];

/** Polls `read` until `done` holds, within 60 s. */
const until = <T>(read: () => Promise<T>, done: (value: T) => boolean, what: string) =>
  eventually(
    async () => {
      const value = await read();
      if (!done(value)) throw new Error(`${what}: not yet (${JSON.stringify(value).slice(0, 300)})`);
      return value;
    },
    { timeoutMs: 60_000, intervalMs: 100 },
  );

async function register(request: ShopRequest, name: string): Promise<string> {
  const res = await request('POST', '/customers', { body: { email: `${name}.${Date.now()}@example.com`, name } });
  if (res.status !== 201) throw new Error(`register: ${res.status}`);
  return res.body.id;
}
async function place(request: ShopRequest, customerId: string, unitPriceCents = 2500): Promise<MoneyOrder> {
  const res = await request('POST', '/orders', { body: { customerId, items: [{ sku: 'CRASH', quantity: 1, unitPriceCents }] } });
  if (res.status !== 201) throw new Error(`place: ${res.status}`);
  return res.body;
}
const orderOf = async (request: ShopRequest, id: string): Promise<MoneyOrder> => (await request('GET', `/orders/${id}`)).body;

/** Expects the process to die by SIGKILL (a fault point), within 60 s. */
async function killedByFaultPoint(shop: MonolithProcess): Promise<void> {
  const exit = await Promise.race([shop.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 60_000).unref())]);
  expect(exit?.signal).toBe('SIGKILL');
}

describe('the money workflow across crashes', () => {
  it('SIGKILL right after the charge, right after the refund and in the middle of a mail batch: after restarts, reconciliation brings every order to the invariants and no mail is sent twice beyond the guarantee', async () => {
    const database = await freshMonolithDatabase('e2e_money_crash');
    const dir = mkdtempSync(path.join(tmpdir(), 'money-crash-'));
    const log = path.join(dir, 'faults.jsonl');
    // Fast reconciliation and a short mail lease, so each restart finishes the work within seconds.
    const env = {
      ...database.env,
      FAULT_LOG: log,
      EVENTS_POLL_INTERVAL_MS: '100',
      ORDERS_RECONCILE_AFTER_MS: '1000',
      ORDERS_RECONCILE_INTERVAL_MS: '250',
      MAIL_POLL_INTERVAL_MS: '100',
      MAIL_LEASE_MS: '2000',
    };
    const start = (faults: Record<string, string> = {}) => startMonolith({ ...env, ...faults }, 60_000, MONOLITH_WITH_FAULT_POINTS);
    try {
      // 1. Killed right after the provider approved the charge: billing's charge pending, the order payment_requested.
      let shop = await start({ FAULT_KILL_AFTER_CHARGE: '1' });
      let request = shopClient({ baseUrl: shop.baseUrl, timeoutMs: 30_000 });
      const paidThenCancelled = await place(request, await register(request, 'crash-charge'));
      // Two concurrent pays: the process dies under both.
      const pays = await Promise.all([request('POST', `/orders/${paidThenCancelled.id}/pay`), request('POST', `/orders/${paidThenCancelled.id}/pay`)]);
      expect(pays.map((p) => p.status)).toEqual([0, 0]);
      await killedByFaultPoint(shop);

      // 2. After the restart the sweep finishes the payment, asking the provider again with the same
      // key: the same approval, one charge. Then killed right after the provider refunded a cancel.
      shop = await start({ FAULT_KILL_AFTER_REFUND: '1' });
      request = shopClient({ baseUrl: shop.baseUrl, timeoutMs: 30_000 });
      const paid = await until(() => orderOf(request, paidThenCancelled.id), (o) => o.status === 'paid', 'the cut pay reconciled');
      expect((await request('POST', `/orders/${paidThenCancelled.id}/pay`)).body).toEqual(paid);
      expect((await request('POST', `/orders/${paidThenCancelled.id}/cancel`)).status).toBe(0);
      await killedByFaultPoint(shop);

      // 3. After the restart the sweep refunds again (the same refund at the provider) and cancels.
      // Five shoppers register and order at once: their events reach notifications in one delivery
      // batch, and its mails leave in one sender pass, which is killed between the mail server
      // accepting the eighth mail of this run and its sent mark.
      shop = await start({ FAULT_KILL_AFTER_MAIL: '8' });
      request = shopClient({ baseUrl: shop.baseUrl, timeoutMs: 30_000 });
      await Promise.all(
        Array.from({ length: 5 }, async (_, i) => {
          try {
            await place(request, await register(request, `crash-mail-${i}`), 1000 + i);
          } catch {
            // The fault point struck mid-request; what committed is read back at the end.
          }
        }),
      );
      await killedByFaultPoint(shop);
      const sentByRunKilledMidBatch = readLog(log).filter((e) => 'mail' in e && 'to' in e && e.pid === shop.child.pid).length;

      // 4. A clean restart: everything comes to rest.
      shop = await start();
      request = shopClient({ baseUrl: shop.baseUrl, timeoutMs: 30_000 });
      try {
        await until(() => orderOf(request, paidThenCancelled.id), (o) => o.status === 'cancelled', 'the cut cancel reconciled');
        await waitForEventsDelivered(request, 60_000);
        const money = await until(
          () => readMoney(request),
          (m) => m.notifications.length > 0 && m.notifications.every((n) => n.sentAt !== null),
          'every notification sent',
        );
        expect(moneyViolations(money.orders)).toEqual([]);
        expect(money.orders.length).toBeGreaterThan(1);
        const cancelled = money.orders.find((o) => o.order.id === paidThenCancelled.id);
        expect(cancelled?.order).toMatchObject({ status: 'cancelled', chargeId: paid.chargeId, refundId: expect.any(String) });
        expect(cancelled?.charges).toEqual([expect.objectContaining({ id: paid.chargeId, status: 'refunded', refundId: cancelled?.order.refundId })]);

        const entries = readLog(log);
        // The provider was asked twice for the charge and twice for the refund (before and after a
        // kill), with one key each, and answered the same: money moved once each way.
        for (const op of ['charge', 'refund'] as const) {
          const answers = entries.filter((e): e is Extract<FaultLogEntry, { provider: string }> => 'provider' in e && e.provider === op);
          expect(answers.length, op).toBeGreaterThanOrEqual(2);
          expect(new Set(answers.map((a) => a.key)).size, op).toBe(1);
          expect(new Set(answers.map((a) => a.reference)).size, op).toBe(1);
        }
        // Every notification was mailed, under its own stable Message-ID. A mail went out twice only
        // if it was the one in flight when a process was killed, and then once more only.
        const mails = entries.filter((e): e is Extract<FaultLogEntry, { mail: string; to: string }> => 'mail' in e && 'to' in e);
        const sends = new Map<string, number>();
        for (const mail of mails) sends.set(mail.mail, (sends.get(mail.mail) ?? 0) + 1);
        expect([...sends.keys()].sort()).toEqual(money.notifications.map((n) => n.messageId).sort());
        const inFlightAtKill = new Set(
          entries.flatMap((entry, i) => {
            if (!('fault' in entry)) return [];
            const before = entries.slice(0, i).filter((e): e is Extract<FaultLogEntry, { mail: string; to: string }> => 'mail' in e && 'to' in e && e.pid === entry.pid);
            return before.length > 0 ? [before[before.length - 1]?.mail ?? ''] : [];
          }),
        );
        const twice = [...sends].filter(([, n]) => n > 1);
        expect(twice.filter(([id, n]) => n > 2 || !inFlightAtKill.has(id))).toEqual([]);
        // The mid-batch kill struck after the mail server accepted its mail and before the mark: it was sent again, same Message-ID.
        const killedMidBatch = entries.find((e) => 'fault' in e && e.fault === 'kill-after-mail') as { mail: string } | undefined;
        expect(sends.get(killedMidBatch?.mail ?? '')).toBe(2);
        // The batch was cut: after the kill, the clean run sent what was left of it.
        expect(mails.filter((m) => m.pid === shop.child.pid).length).toBeGreaterThan(1);
        console.log(
          `money crash test: ${money.orders.length} orders, ${money.notifications.length} notifications, ${mails.length} mails sent ` +
            `(${sentByRunKilledMidBatch} by the run killed mid-batch; ${twice.length} twice: ${twice.map(([id]) => id).join(', ')})`,
        );
      } finally {
        await shop.stop();
      }
    } finally {
      await database.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
