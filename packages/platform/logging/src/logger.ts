import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

/**
 * The process logger: one JSON line per event on stdout (or the given stream). Every line
 * carries `service`; module loggers add `module`.
 */
export function createLogger(options: { level?: LogLevel; service?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const base = { service: options.service ?? 'shop' };
  const config = { level: options.level ?? 'info', base, timestamp: pino.stdTimeFunctions.isoTime };
  return options.destination ? pino(config, options.destination) : pino(config);
}

/** A child logger whose every line names the module that wrote it. */
export function moduleLogger(parent: Logger, module: string): Logger {
  return parent.child({ module });
}
