import { exitOnConfigError, loadConfig } from '@shop/platform-config';
import { runMigrations, setupDatabase, type Database } from '@shop/platform-db';
import { checkComposition, startWorkers, type ComposeHostOptions } from '@shop/platform-host';
import { createLogger } from '@shop/platform-logging';
import { installLastResortHandlers } from '@shop/platform-resilience';
import { composeMonolith, moduleMigrations } from './compose.js';
import { monolithEnvironmentSchema, type MonolithConfig } from './config.js';
import { modules } from './modules.js';
import { shutdownGracefully } from './shutdown.js';
import { bindPort } from './startup/bind-port.js';
import { openReachableDatabase } from './startup/open-reachable-database.js';

export interface ServeMonolithOptions {
  /**
   * Adapters handed to modules instead of their defaults, by module, built once the database is
   * open. Production passes none; the fault-injection tests' own entry passes fault points here.
   */
  ports?: (database: Database) => ComposeHostOptions['ports'];
}

/**
 * The monolith's start-up, in order: configuration, composition check, port, database, roles and
 * migrations, composition, dispatcher, workers, then serving until SIGTERM/SIGINT.
 */
export async function serveMonolith(options: ServeMonolithOptions = {}): Promise<void> {
  const environment = exitOnConfigError(() => loadConfig(monolithEnvironmentSchema));
  const config = environment as MonolithConfig;
  const logger = createLogger({ level: config.LOG_LEVEL, service: 'monolith' });
  installLastResortHandlers({ logger });

  // Before touching the database: every API a module needs and every event it consumes has a source.
  const compositionProblems = checkComposition({ modules });
  if (compositionProblems.length > 0) {
    for (const problem of compositionProblems) logger.fatal(problem);
    process.exit(1);
  }

  // The port first (taken: one line, exit 1), then a database that answers (or one line, exit 1).
  const listener = await bindPort({ port: config.PORT, host: config.HOST, logger });
  const database = await openReachableDatabase(config, logger);
  logger.info({ database: database.kind, ...(database.kind === 'pglite' ? { dataDir: config.DATA_DIR } : {}) }, 'database opened');

  // Roles, schemas' ownership and grants first (what `pnpm db:setup` does): DATABASE_URL's login
  // must be able to create roles. Then each module's migrations run as its owner role.
  const { changes } = await setupDatabase(database, moduleMigrations);
  logger.info({ changes: changes.length, rolePrefix: database.rolePrefix }, 'database roles and grants in place');
  if (database.kind === 'pglite') {
    logger.warn('PGlite: migrations run as the login and are then handed to each module owner role (PGlite cannot GRANT on its database)');
  }

  await runMigrations(database, moduleMigrations, (module, elapsedMs) =>
    logger.info({ module, elapsedMs: Math.round(elapsedMs) }, 'migrations applied'),
  );

  const ports = options.ports?.(database);
  const { app, dispatcher, workers } = composeMonolith({
    database,
    logger,
    environment,
    ...(ports ? { ports } : {}),
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    eventsPollIntervalMs: config.EVENTS_POLL_INTERVAL_MS,
    http: { requestTimeoutMs: config.REQUEST_TIMEOUT_MS, maxInFlightRequests: config.MAX_IN_FLIGHT_REQUESTS, readinessTimeoutMs: config.READY_CHECK_TIMEOUT_MS },
  });
  // After migrations, so every outbox and inbox exists; resumes whatever a previous run left.
  await dispatcher.start();
  const runningWorkers = await startWorkers(workers, logger);
  listener.serve(app.fetch);
  logger.info(
    { url: `http://localhost:${listener.port}`, port: listener.port, startupMs: Math.round(process.uptime() * 1000) },
    `listening on http://localhost:${listener.port}`,
  );

  shutdownGracefully({
    server: listener.server,
    database,
    logger,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    beforeClose: async () => {
      await runningWorkers.stop();
      await dispatcher.stop();
    },
  });
}
