import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { exitOnConfigError, loadConfig } from '@shop/platform-config';
import { openDatabase, runMigrations, setupDatabase } from '@shop/platform-db';
import { checkComposition, startWorkers } from '@shop/platform-host';
import { createLogger } from '@shop/platform-logging';
import { composeMonolith, moduleMigrations } from './compose.js';
import { monolithEnvironmentSchema, type MonolithConfig } from './config.js';
import { modules } from './modules.js';
import { shutdownGracefully } from './shutdown.js';

const environment = exitOnConfigError(() => loadConfig(monolithEnvironmentSchema));
const config = environment as MonolithConfig;
const logger = createLogger({ level: config.LOG_LEVEL, service: 'monolith' });

// Before touching the database: every API a module needs and every event it consumes has a source.
const compositionProblems = checkComposition({ modules });
if (compositionProblems.length > 0) {
  for (const problem of compositionProblems) logger.fatal(problem);
  process.exit(1);
}

const database = await openDatabase(
  config.DATABASE_URL
    ? { url: config.DATABASE_URL, rolePrefix: config.DB_ROLE_PREFIX, onNotice: (message) => logger.debug({ notice: message }, 'postgres notice') }
    : { dataDir: config.DATA_DIR, rolePrefix: config.DB_ROLE_PREFIX },
);
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

const { app, dispatcher, workers } = composeMonolith({
  database,
  logger,
  environment,
  bodyLimitBytes: config.BODY_LIMIT_BYTES,
  eventsPollIntervalMs: config.EVENTS_POLL_INTERVAL_MS,
});
// After migrations, so every outbox and inbox exists; resumes whatever a previous run left.
await dispatcher.start();
const runningWorkers = await startWorkers(workers, logger);
const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info: AddressInfo) => {
  logger.info(
    { url: `http://localhost:${info.port}`, port: info.port, startupMs: Math.round(process.uptime() * 1000) },
    `listening on http://localhost:${info.port}`,
  );
});

server.once('error', async (error: NodeJS.ErrnoException) => {
  // EADDRINUSE and friends: say so in one line and leave the database cleanly.
  logger.fatal({ err: error, port: config.PORT }, `cannot listen on port ${config.PORT}: ${error.code ?? error.message}`);
  await runningWorkers.stop();
  await dispatcher.stop();
  await database.close();
  process.exit(1);
});

shutdownGracefully({
  server,
  database,
  logger,
  timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  beforeClose: async () => {
    await runningWorkers.stop();
    await dispatcher.stop();
  },
});
