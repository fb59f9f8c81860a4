import type { ServerType } from '@hono/node-server';
import type { Database } from '@shop/platform-db';
import type { Logger } from '@shop/platform-logging';

/**
 * On SIGTERM or SIGINT: stop accepting connections, let in-flight requests finish (up to
 * `timeoutMs`, then cut them), run `beforeClose` (stop the event dispatcher), close the database,
 * exit 0. A second signal exits at once.
 */
export function shutdownGracefully(options: {
  server: ServerType;
  database: Database;
  logger: Logger;
  timeoutMs: number;
  beforeClose?: () => Promise<void>;
}): void {
  const { server, database, logger, timeoutMs } = options;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const http = server as import('node:http').Server;
    const force = setTimeout(() => {
      logger.warn({ timeoutMs }, 'in-flight requests did not finish in time; closing their connections');
      http.closeAllConnections();
    }, timeoutMs);
    force.unref();
    server.close(async (error) => {
      clearTimeout(force);
      if (error) logger.error({ err: error }, 'error while closing the HTTP server');
      try {
        await options.beforeClose?.();
        await database.close();
        logger.info('stopped');
        process.exit(0);
      } catch (closeError) {
        logger.error({ err: closeError }, 'error while closing the database');
        process.exit(1);
      }
    });
    // Idle keep-alive connections would otherwise hold `close` open until they time out.
    http.closeIdleConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
