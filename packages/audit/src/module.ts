import { fileURLToPath } from 'node:url';
import { defineModule } from '@shop/platform-module';
import { AuditApiDeclaration } from './audit-api.js';
import { appendAuditEntry } from './internal/audit-appender.js';
import { auditRoutes } from './internal/audit-routes.js';
import { AuditService } from './internal/audit-service.js';
import { moduleName } from './module-name.js';

/** The audit module, as hosts compose it: the hash-chained log of every integration event. */
export const auditModule = defineModule({
  name: moduleName,
  team: 'compliance',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  // The log and its inbox: the running module may add entries, never change or remove them.
  appendOnlyTables: ['entries', 'inbox'],
  provides: AuditApiDeclaration,
  consumes: 'all',
  create({ db, logger, events }) {
    events.subscribeAll(async (tx, event, meta) => {
      await appendAuditEntry(tx, event, meta);
      logger.debug({ eventId: meta.eventId, type: event.type }, 'event audited');
    });
    const api = new AuditService(db);
    return { api, routes: auditRoutes(api) };
  },
});
