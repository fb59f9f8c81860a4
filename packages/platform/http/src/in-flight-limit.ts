import type { MiddlewareHandler } from 'hono';
import { problemBody } from './problem.js';
import { problemResponse } from './problem-response.js';

export interface InFlightLimit {
  middleware: MiddlewareHandler;
  /** For `/ready`: the bound and how many requests are in the handlers now. */
  stats(): { max: number; current: number };
}

/**
 * Backpressure at the door: at most `max` requests in the handlers at once; the next is answered
 * 503 problem+json with `Retry-After` at once, instead of queueing behind the others until
 * every client times out. `exempt` paths (the probes) are never turned away.
 */
export function inFlightLimit(options: { max: number; exempt?: readonly string[]; retryAfterSeconds?: number }): InFlightLimit {
  let current = 0;
  const exempt = new Set(options.exempt ?? []);
  return {
    stats: () => ({ max: options.max, current }),
    middleware: async (c, next) => {
      if (exempt.has(c.req.path)) return next();
      if (current >= options.max) {
        c.header('retry-after', String(options.retryAfterSeconds ?? 1));
        return problemResponse(c, problemBody(503, 'overloaded', `The server is handling ${options.max} requests already; retry later.`));
      }
      current++;
      try {
        await next();
      } finally {
        current--;
      }
    },
  };
}
