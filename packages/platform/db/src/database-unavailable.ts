import { DependencyUnavailableError } from '@shop/platform-resilience';

/** Node socket errors: the server is not there, or the path to it broke. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** postgres.js's own codes for a connection that closed, ended, was destroyed or never opened. */
const DRIVER_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);

/**
 * SQLSTATEs meaning "the server cannot serve you now", not "your statement is wrong":
 * 57P01 admin_shutdown (a fast stop or restart), 57P02 crash_shutdown, 57P03 cannot_connect_now
 * (starting up, shutting down, recovering), 53300 too_many_connections, and class 08 (connection
 * exception: 08000, 08001, 08003, 08004, 08006, 08P01, …).
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** PGlite, once closed (the process is shutting down), rejects every query with this. */
const PGLITE_CLOSED = /PGlite is closed/;

function isUnavailableCode(code: unknown): boolean {
  if (typeof code !== 'string') return false;
  return NETWORK_CODES.has(code) || DRIVER_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}

/**
 * True when `error` says the database cannot be reached or cannot serve now (a restart, an
 * outage, a broken connection, PGlite closed), as opposed to a statement failing: the first
 * deserves 503 and a retry, the second is a bug or a constraint. Looks through `cause` chains
 * (drizzle wraps driver errors) and `AggregateError`s (Node's dual-stack connect).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const pending: unknown[] = [error];
  const seen = new Set<unknown>();
  while (pending.length) {
    const current = pending.pop();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    if (current instanceof DependencyUnavailableError) return current.dependency === 'database';
    const { code, errno, message, cause, errors } = current as { code?: unknown; errno?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (isUnavailableCode(code) || isUnavailableCode(errno)) return true;
    if (typeof message === 'string' && PGLITE_CLOSED.test(message)) return true;
    pending.push(cause);
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return false;
}

/**
 * The error to throw for a driver failure: a `DependencyUnavailableError('database', …)` carrying
 * the driver's error as `cause` when the database is unavailable, the error itself otherwise.
 */
export function asDatabaseUnavailable(error: unknown): unknown {
  if (error instanceof DependencyUnavailableError || !isDatabaseUnavailable(error)) return error;
  const closed = error instanceof Error && PGLITE_CLOSED.test(error.message);
  return new DependencyUnavailableError('database', closed ? 'closed' : 'unreachable', { cause: error });
}
