/**
 * Why a dependency cannot answer now:
 * - `unreachable`: it refused or dropped the connection (restarting, stopped, network);
 * - `timeout`: it did not answer before the request's deadline;
 * - `overloaded`: too much is already waiting for it, so this caller is turned away at once;
 * - `closed`: this process has closed its handle (shutting down).
 */
export type UnavailableReason = 'unreachable' | 'timeout' | 'overloaded' | 'closed';

const RETRY_AFTER_SECONDS: Record<UnavailableReason, number> = { unreachable: 2, timeout: 2, overloaded: 1, closed: 5 };

/**
 * A dependency (the database, another module's service, the broker) cannot answer now; the HTTP
 * layer turns it into 503 problem+json with `Retry-After`. `message` is safe to show a caller (it
 * names the dependency and the reason only); the driver's own error, with hosts and SQL, stays in
 * `cause` for the log.
 */
export class DependencyUnavailableError extends Error {
  override readonly name = 'DependencyUnavailableError';
  readonly retryAfterSeconds: number;
  constructor(
    readonly dependency: string,
    readonly reason: UnavailableReason,
    options: { cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(`The ${dependency} is unavailable (${reason})`, options.cause === undefined ? {} : { cause: options.cause });
    this.retryAfterSeconds = options.retryAfterSeconds ?? RETRY_AFTER_SECONDS[reason];
  }
}

/** The `DependencyUnavailableError` in `error`'s `cause` chain (libraries such as drizzle wrap errors), if any. */
export function findDependencyUnavailable(error: unknown): DependencyUnavailableError | undefined {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === 'object' && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current);
    if (current instanceof DependencyUnavailableError) return current;
  }
  return undefined;
}
