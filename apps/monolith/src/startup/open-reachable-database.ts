import { openDatabase, type Database } from '@shop/platform-db';
import type { Logger } from '@shop/platform-logging';
import { withDeadline } from '@shop/platform-resilience';
import type { MonolithConfig } from '../config.js';
import { databaseTarget } from './database-target.js';

/** The code or the first line of a start-up error: enough to act on, and one line. */
function shortReason(error: unknown): string {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === 'object' && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && code) return `${code}${typeof message === 'string' ? `: ${message.split('\n')[0]}` : ''}`;
  }
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}

/**
 * Opens the configured database and proves it answers before anything else touches it. When it
 * cannot (PostgreSQL down or unreachable, wrong credentials, PGlite's directory in use), the
 * process writes one fatal line naming DATABASE_URL's host and port (never the password) or the
 * data directory, and exits 1, instead of logging "database opened" and dying in a stack trace.
 */
export async function openReachableDatabase(config: MonolithConfig, logger: Logger, exit: (code: number) => never = process.exit): Promise<Database> {
  const onNotice = (message: string) => logger.debug({ notice: message }, 'postgres notice');
  const common = { rolePrefix: config.DB_ROLE_PREFIX, poolMaxWaiting: config.DB_POOL_MAX_WAITING };
  let database: Database | undefined;
  try {
    database = await openDatabase(
      config.DATABASE_URL
        ? { url: config.DATABASE_URL, onNotice, connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS, ...common }
        : { dataDir: config.DATA_DIR, ...common },
    );
    const opened = database;
    await withDeadline(config.DB_CONNECT_TIMEOUT_MS, () => opened.ping());
    return database;
  } catch (error) {
    await database?.close().catch(() => {});
    const reason = shortReason(error);
    if (config.DATABASE_URL) {
      const { host, port, database: name } = databaseTarget(config.DATABASE_URL);
      logger.fatal({ host, port, database: name, reason }, `cannot reach the database at DATABASE_URL (${host}:${port}, database "${name}"): ${reason}`);
    } else {
      logger.fatal({ dataDir: config.DATA_DIR, reason }, `cannot open the embedded database at DATA_DIR (${config.DATA_DIR}): ${reason}`);
    }
    return exit(1);
  }
}
