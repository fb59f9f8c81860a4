import { Command, CommanderError } from 'commander';
import { exitOnConfigError, loadConfig } from '@shop/platform-config';
import { SubscriptionRegistry } from '@shop/platform-events';
import { composeModules } from '@shop/platform-host';
import { createLogger } from '@shop/platform-logging';
import { ordersModule, paymentReconcilerOf, type ReconciledOrder } from '@shop/orders/module';
import { monolithEnvironmentSchema } from '../config.js';
import { modules } from '../modules.js';
import { openConfiguredDatabase } from './open-configured-database.js';

// `pnpm orders:reconcile [--dry-run]`: one sweep of orders' payment reconciler over the configured
// database, the one the serving process runs every ORDERS_RECONCILE_INTERVAL_MS; prints each order
// it changed (or, dry, what it would do). Exit 0, or 1 when an order could not be reconciled.
const program = new Command('orders:reconcile')
  .description(
    'Finish or compensate orders stuck in an in-between payment stage for longer than ORDERS_RECONCILE_AFTER_MS, asking billing how their payment ended, and print what changed.',
  )
  .option('--dry-run', 'print what reconciling each order would do, and change nothing (billing is only read)')
  .exitOverride();
try {
  program.parse();
} catch (error) {
  // Commander has printed the help or the error already; a usage error is exit 2, as for any CLI.
  const helped = error instanceof CommanderError && ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code);
  process.exit(helped ? 0 : 2);
}
const dryRun = program.opts<{ dryRun?: boolean }>().dryRun === true;

function describe(entry: ReconciledOrder): string {
  if (entry.plan) return `order ${entry.orderId}: ${entry.from}: would ${entry.plan}`;
  if (entry.error) return `order ${entry.orderId}: ${entry.from}: not reconciled (${entry.error}); tried again later`;
  return `order ${entry.orderId}: ${entry.from} → ${entry.to}`;
}

const environment = exitOnConfigError(() => loadConfig(monolithEnvironmentSchema));
const database = await openConfiguredDatabase();
try {
  // The monolith's own composition, workers not started and no events delivered: only the sweep runs.
  const composed = composeModules({ modules, database, logger: createLogger({ level: 'silent' }), events: new SubscriptionRegistry(), environment });
  const orders = composed.modules.find(({ descriptor }) => descriptor.name === ordersModule.name);
  const report = await paymentReconcilerOf(orders?.instance.workers ?? []).sweep({ dryRun });
  for (const entry of report) console.log(describe(entry));
  const failed = report.filter((entry) => entry.error).length;
  console.log(
    dryRun
      ? `dry run: ${report.length} order${report.length === 1 ? '' : 's'} would be reconciled; nothing changed`
      : `${report.length - failed} order${report.length - failed === 1 ? '' : 's'} reconciled, ${failed} not yet`,
  );
  if (failed > 0) process.exitCode = 1;
} finally {
  await database.close();
}
