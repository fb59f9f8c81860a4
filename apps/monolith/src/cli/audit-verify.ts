import { createAuditModule } from '@shop/audit/module';
import { Dispatcher } from '@shop/platform-events';
import { createLogger } from '@shop/platform-logging';
import { eventPublishers } from '../compose.js';
import { openConfiguredDatabase } from './open-configured-database.js';

// `pnpm audit:verify`: re-walks the audit hash chain; exit 1 names the first bad entry.
const database = await openConfiguredDatabase();
const logger = createLogger({ level: 'silent' });
try {
  const audit = createAuditModule({ db: database.db, logger, events: new Dispatcher({ database, logger, publishers: eventPublishers }) });
  const result = await audit.api.verify();
  if (result.ok) {
    console.log(`audit log intact: ${result.entries} entries`);
  } else {
    console.error(`audit log TAMPERED at entry ${result.position}: ${result.problem}`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
