import { remainingMs } from './deadline.js';

/** What `withTimeout` rejects with when the time runs out. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
  }
}

/**
 * Settles like `promise`, or rejects with `TimeoutError` after `timeoutMs` (or at the current
 * deadline, if that comes first). The promise itself keeps running: only the waiting stops.
 */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  const budget = Math.min(timeoutMs, remainingMs());
  if (!Number.isFinite(budget)) return promise;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(Math.round(budget))), budget);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
