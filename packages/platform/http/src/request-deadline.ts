import type { MiddlewareHandler } from 'hono';
import { withDeadline } from '@shop/platform-resilience';
import { problemBody } from './problem.js';
import { problemResponse } from './problem-response.js';

/**
 * One deadline per request: the handler runs under `withDeadline(timeoutMs)`, so the database
 * layer stops waiting for a connection or a statement when it passes (and the request answers
 * 503 from the error handler). Should anything else keep the handler past the deadline, this
 * answers 503 problem+json with `Retry-After` itself at `timeoutMs`: no request hangs.
 */
export function requestDeadline(options: { timeoutMs: number; retryAfterSeconds?: number }): MiddlewareHandler {
  const { timeoutMs } = options;
  return async (c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), timeoutMs);
    });
    const outcome = await Promise.race([withDeadline(timeoutMs, () => next()).then(() => 'answered' as const), expired]);
    clearTimeout(timer);
    if (outcome === 'answered') return;
    c.header('retry-after', String(options.retryAfterSeconds ?? 1));
    return problemResponse(c, problemBody(503, 'request-timeout', `The request could not be answered within ${timeoutMs} ms; retry later.`));
  };
}
