/** The one method of a logger (pino's, say) the handlers need. */
export interface FatalLogger {
  fatal(fields: Record<string, unknown>, message: string): void;
}

/** EX_SOFTWARE: an internal error; a supervisor (systemd, Kubernetes) restarts the process. */
export const LAST_RESORT_EXIT_CODE = 70;

/**
 * Installs `uncaughtException` and `unhandledRejection` handlers that write one fatal log line and
 * end the process with a non-zero code, so a supervisor restarts it from a clean state instead of
 * it limping on (Node's default prints a stack to stderr, which a JSON log pipeline drops).
 *
 * They are a last resort, not error handling: a database or network failure must never reach
 * them (requests answer 503, background work retries); the fault-injection test proves that.
 * Returns a function that removes them.
 */
export function installLastResortHandlers(options: { logger: FatalLogger; exit?: (code: number) => void }): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let exiting = false;
  const die = (kind: 'uncaughtException' | 'unhandledRejection') => (error: unknown) => {
    if (exiting) return; // a second failure while going down adds nothing
    exiting = true;
    try {
      options.logger.fatal({ err: error, kind }, `${kind}: ${error instanceof Error ? error.message : String(error)}; exiting`);
    } finally {
      exit(LAST_RESORT_EXIT_CODE);
    }
  };
  const onException = die('uncaughtException');
  const onRejection = die('unhandledRejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.removeListener('uncaughtException', onException);
    process.removeListener('unhandledRejection', onRejection);
  };
}
