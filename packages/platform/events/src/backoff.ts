export interface BackoffOptions {
  /** Delay before the second attempt. */
  baseMs: number;
  /** Ceiling of the delay. */
  maxMs: number;
}

/** Delay before attempt `failedAttempts + 1`: base × 2^(failures − 1), capped. */
export function backoffDelayMs(failedAttempts: number, options: BackoffOptions): number {
  return Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, failedAttempts - 1));
}
