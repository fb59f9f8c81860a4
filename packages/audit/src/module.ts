import { fileURLToPath } from 'node:url';
import type { Db, ModuleMigrations } from '@shop/platform-db';
import type { EventSubscriptions } from '@shop/platform-events';
import type { Router } from '@shop/platform-http';
import { moduleLogger, type Logger } from '@shop/platform-logging';
import type { AuditApi } from './audit-api.js';
import { appendAuditEntry } from './internal/audit-appender.js';
import { auditRoutes } from './internal/audit-routes.js';
import { AuditService } from './internal/audit-service.js';

/** Where this module's drizzle-kit migrations live; they touch the `audit` schema only. */
export const auditMigrations: ModuleMigrations = {
  name: 'audit',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  // The log and its inbox: the running module may add entries, never change or remove them.
  appendOnlyTables: ['entries', 'inbox'],
};

export interface AuditModuleDeps {
  db: Db;
  logger: Logger;
  events: EventSubscriptions;
}

export interface AuditModule {
  api: AuditApi;
  routes: Router;
}

/** Composition entry for hosts: subscribes the audit log to every integration event. */
export function createAuditModule(deps: AuditModuleDeps): AuditModule {
  const logger = moduleLogger(deps.logger, 'audit');
  deps.events.subscriber('audit').subscribeAll(async (tx, event, meta) => {
    await appendAuditEntry(tx, event, meta);
    logger.debug({ eventId: meta.eventId, type: event.type }, 'event audited');
  });
  const api = new AuditService(deps.db);
  return { api, routes: auditRoutes(api) };
}
