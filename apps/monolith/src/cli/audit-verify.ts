import { auditModule } from '@shop/audit/module';
import { Dispatcher } from '@shop/platform-events';
import { composeModules } from '@shop/platform-host';
import { createLogger } from '@shop/platform-logging';
import { openConfiguredDatabase } from './open-configured-database.js';

// `pnpm audit:verify`: re-walks the audit hash chain; exit 1 names the first bad entry.
const database = await openConfiguredDatabase();
const logger = createLogger({ level: 'silent' });
try {
  // Audit alone, as its own role; its subscriptions go to a dispatcher that is never started.
  const audit = composeModules({ modules: [auditModule], database, logger, events: new Dispatcher({ database, logger, publishers: [] }) });
  const result = await audit.apiOf(auditModule).verify({});
  if (result.ok) {
    console.log(`audit log intact: ${result.entries} entries`);
  } else {
    console.error(`audit log TAMPERED at entry ${result.position}: ${result.problem}`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
