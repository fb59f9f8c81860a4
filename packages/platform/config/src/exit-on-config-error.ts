import { ConfigError } from './load-config.js';

/**
 * Runs a start-up step; a `ConfigError` ends the process with its one-line message and exit
 * code 78 (EX_CONFIG) instead of a stack trace. Any other error is rethrown.
 */
export function exitOnConfigError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}
