import { billingModule } from '@shop/billing/module';
import { customersModule } from '@shop/customers/module';
import { ordersModule } from '@shop/orders/module';
import { openDatabase, runMigrations, setupDatabase, type Database, type Db, type ModuleRoleStrategy } from '@shop/platform-db';
import { Dispatcher } from '@shop/platform-events';
import { composeModules, moduleMigrationsOf } from '@shop/platform-host';
import { createHttpApp } from '@shop/platform-http';
import { createLogger } from '@shop/platform-logging';
import { provisionTestDatabase } from '@shop/platform-testing';

/**
 * What running each statement under the module's role costs, on the real write paths, through the
 * Hono app in-process: POST /orders (orders asks customers whether the customer exists, then writes
 * the order, its lines and its idempotency key: statements as two module roles per request) and
 * POST /customers (one INSERT ... RETURNING plus its outbox row).
 * Variants: the login itself (no role, the baseline), a pool per module whose connections log in
 * with `role` set, and the shared pool with `SET LOCAL ROLE` per statement; plus PGlite's only
 * way. Prints mean and percentiles per request, sequential and with 16 in flight.
 *   BENCH_DATABASE_URL (or TEST_DATABASE_URL)=postgres://… pnpm --filter @shop/monolith bench:module-roles
 */
const adminUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
const requests = Number(process.env['BENCH_REQUESTS'] ?? 2000);
const logger = createLogger({ level: 'silent' });
let sequence = 0;

interface Variant {
  name: string;
  open: (url: string | undefined) => Promise<Database>;
  db: (database: Database, module: string) => Db;
  pglite?: boolean;
}

const postgresVariant = (name: string, strategy: ModuleRoleStrategy | null): Variant => ({
  name,
  // Same pool size (10) for every variant, so only the role strategy differs.
  open: (url) => openDatabase({ url, maxConnections: 10, moduleMaxConnections: 10, ...(strategy ? { moduleRoleStrategy: strategy } : {}) }),
  db: (database, module) => (strategy ? database.forModule(module) : database.db),
});

const variants: Variant[] = [
  postgresVariant('postgres: login, no role (baseline)', null),
  postgresVariant('postgres: pool per module, role at login', 'pool-per-module'),
  postgresVariant('postgres: shared pool, SET LOCAL ROLE per statement', 'set-local-role'),
  { name: 'pglite: login, no role (baseline)', open: () => openDatabase(), db: (d) => d.db, pglite: true },
  { name: 'pglite: SET LOCAL ROLE per statement', open: () => openDatabase(), db: (d, module) => d.forModule(module), pglite: true },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

type Workload = 'POST /orders' | 'POST /customers';

async function measure(variant: Variant, workload: Workload): Promise<string> {
  const target = variant.pglite ? { url: undefined, drop: async () => {} } : await provisionTestDatabase('bench_roles', adminUrl);
  const database = await variant.open(target.url);
  try {
    const modules = [customersModule, billingModule, ordersModule];
    const migrations = modules.map(moduleMigrationsOf);
    await setupDatabase(database, migrations);
    await runMigrations(database, migrations);
    const app = createHttpApp({ logger });
    const composed = composeModules({
      modules,
      database,
      logger,
      events: new Dispatcher({ database, logger, publishers: [] }),
      dbFor: (module) => variant.db(database, module),
    });
    for (const routes of composed.routes) app.route('/', routes);
    const registered = await composed.apiOf(customersModule).register({ email: `bench.buyer.${Date.now()}@example.com`, name: 'Buyer' });
    if (!registered.ok) throw new Error('could not register the benchmark customer');
    const [path, body] =
      workload === 'POST /orders'
        ? ['/orders', () => ({ customerId: registered.customer.id, items: [{ sku: 'BENCH-1', quantity: 2, unitPriceCents: 1250 }] })]
        : ['/customers', () => ({ email: `bench${++sequence}@example.com`, name: 'Bench' })];
    const post = async () => {
      const started = performance.now();
      const res = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body()) });
      if (res.status !== 201) throw new Error(`${workload} answered ${res.status}`);
      return performance.now() - started;
    };
    for (let i = 0; i < 200; i++) await post(); // warm-up: connections, JIT, plans
    const times: number[] = [];
    for (let i = 0; i < requests; i++) times.push(await post());
    times.sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    let line = `${variant.name.padEnd(56)} sequential: mean ${mean.toFixed(3)} ms  p50 ${percentile(times, 50).toFixed(3)}  p95 ${percentile(times, 95).toFixed(3)}  p99 ${percentile(times, 99).toFixed(3)}`;
    if (!variant.pglite) {
      const started = performance.now();
      let next = 0;
      await Promise.all(Array.from({ length: 16 }, async () => {
        while (next++ < requests) await post();
      }));
      line += `  | 16 in flight: ${((requests / (performance.now() - started)) * 1000).toFixed(0)} req/s`;
    }
    return line;
  } finally {
    await database.close();
    await target.drop();
  }
}

if (!adminUrl) process.stdout.write('(no BENCH_DATABASE_URL or TEST_DATABASE_URL: PostgreSQL variants skipped)\n');
process.stdout.write(`${requests} requests per variant and path, after 200 warm-up\n`);
// Rounds interleave the variants, so a noisy neighbour on a shared machine hits them all alike.
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 2);
for (let round = 1; round <= rounds; round++) {
  process.stdout.write(`round ${round}\n`);
  for (const workload of ['POST /orders', 'POST /customers'] as const) {
    process.stdout.write(`  ${workload}\n`);
    for (const variant of variants) {
      if (!variant.pglite && !adminUrl) continue;
      process.stdout.write(`    ${await measure(variant, workload)}\n`);
    }
  }
}
