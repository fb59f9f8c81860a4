import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freshMonolithDatabase, startMonolith } from '../src/monolith-process.js';

const MONOLITH_DIR = fileURLToPath(new URL('../../monolith/', import.meta.url));

async function getJson(url: string) {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { items: { id: string; aggregateId: string; kind: string }[]; nextCursor: string | null } };
}

async function all(baseUrl: string, path: string, cursorParam: 'cursor' | 'after') {
  const items: { id: string; aggregateId: string }[] = [];
  let cursor: string | null = null;
  do {
    const page = await getJson(`${baseUrl}${path}${path.includes('?') ? '&' : '?'}limit=100${cursor ? `&${cursorParam}=${cursor}` : ''}`);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

describe('crash safety', () => {
  it('SIGKILL mid-stream: after a restart every committed registration is audited and notified exactly once', async () => {
    const database = await freshMonolithDatabase('e2e_crash');
    try {
      const env = { ...database.env, EVENTS_POLL_INTERVAL_MS: '200' };
      const first = await startMonolith(env);
      let acknowledged = 0;
      let killed = false;
      // Four clients registering as fast as they can; the process dies under them.
      const clients = [0, 1, 2, 3].map(async (client) => {
        for (let i = 0; !killed; i++) {
          try {
            const res = await fetch(`${first.baseUrl}/customers`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ email: `crash.${client}.${i}.${Date.now()}@example.com`, name: `Crash ${client}.${i}` }),
            });
            if (res.status === 201) acknowledged++;
          } catch {
            return; // the connection died with the process
          }
        }
      });
      while (acknowledged < 40) await new Promise((resolve) => setTimeout(resolve, 5));
      first.child.kill('SIGKILL');
      killed = true;
      expect((await first.exited).signal).toBe('SIGKILL');
      await Promise.all(clients);

      // PGlite's data-directory lock of a killed process goes stale after 10 s.
      if (database.env['DATA_DIR']) await new Promise((resolve) => setTimeout(resolve, 11_000));
      const second = await startMonolith(env);
      try {
        const customers = await all(second.baseUrl, '/customers', 'cursor');
        expect(customers.length).toBeGreaterThanOrEqual(acknowledged);
        const started = Date.now();
        for (;;) {
          const ready = await getJson(`${second.baseUrl}/ready`);
          const events = (ready.body['checks'] as { events: { undelivered: number; dead: number } }).events;
          if (events.undelivered === 0 || Date.now() - started > 30_000) {
            expect(events).toMatchObject({ undelivered: 0, dead: 0 });
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        const audited = await all(second.baseUrl, '/audit/events?type=customers.customer-registered', 'after');
        expect(audited.map((e) => e.aggregateId).sort()).toEqual(customers.map((c) => c.id).sort());
        for (const customer of customers) {
          const notes = await getJson(`${second.baseUrl}/notifications?customerId=${customer.id}`);
          expect(notes.body.items.map((n) => n.kind)).toEqual(['welcome']);
        }
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
