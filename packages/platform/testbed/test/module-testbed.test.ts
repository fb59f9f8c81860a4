import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rowsOf } from '@shop/platform-db';
import { createRouter } from '@shop/platform-http';
import { defineApi, defineModule } from '@shop/platform-module';
import { moduleTestbed, type ModuleTestbed } from '../src/index.js';

const ClockApi = defineApi({ module: 'bed_clock', name: 'ClockApi', operations: { now: { summary: '', input: z.object({}), output: z.string(), idempotent: true } } });
const ProbeApi = defineApi({
  module: 'bed_probe',
  name: 'ProbeApi',
  operations: {
    whoAmI: { summary: '', input: z.object({}), output: z.string(), idempotent: true },
    stamp: { summary: '', input: z.object({}), output: z.string(), idempotent: false },
  },
});

/** A module that reports the role its statements run as and uses a needed API. */
const probeModule = defineModule({
  name: 'bed_probe',
  team: 'platform',
  migrationsFolder: fileURLToPath(new URL('./fixtures/bed_probe', import.meta.url)),
  provides: ProbeApi,
  needs: { clock: ClockApi },
  create({ db, apis }) {
    const api = {
      whoAmI: async () => rowsOf<{ role: string }>(await db.execute(sql`select current_user::text as role`))[0]?.role ?? '',
      stamp: async () => apis.clock.now({}),
    };
    const routes = createRouter();
    routes.get('/probe', async (c) => c.json({ role: await api.whoAmI() }));
    return { api, routes };
  },
});

let bed: ModuleTestbed<typeof probeModule>;
beforeAll(async () => {
  bed = await moduleTestbed({ module: probeModule, fakes: { bed_clock: { now: async () => 'fake time' } } });
});
afterAll(async () => {
  await bed?.close();
});

describe('moduleTestbed', () => {
  it('migrates only the module\'s schema and runs its statements as its own role', async () => {
    const schemas = await bed.database.rows<{ name: string }>(
      sql`select nspname as name from pg_namespace where nspname not like 'pg\_%' and nspname not in ('public', 'information_schema') order by 1`,
    );
    expect(schemas.map((s) => s.name)).toEqual(['bed_probe', 'drizzle']);
    expect(await bed.api.whoAmI({})).toBe('shop_bed_probe');
  });

  it('hands the module the fakes as the APIs it needs', async () => {
    expect(await bed.api.stamp({})).toBe('fake time');
  });

  it('mounts the module\'s routes on an app with problem+json errors', async () => {
    expect(await (await bed.app.request('/probe')).json()).toEqual({ role: 'shop_bed_probe' });
    const missing = await bed.send('GET', '/nothing');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a module whose needs have no fake, naming what is missing', async () => {
    await expect(moduleTestbed({ module: probeModule })).rejects.toThrow(/needs ClockApi \(as "clock"\) from module "bed_clock"/);
  });
});
