export { createLogger, moduleLogger } from './logger.js';
export type { Logger, LogLevel } from './logger.js';
