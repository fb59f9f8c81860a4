import type { Context } from 'hono';
import type { Logger } from '@shop/platform-logging';
import { findDependencyUnavailable, TimeoutError, withDeadline, withTimeout } from '@shop/platform-resilience';
import { problemBody } from './problem.js';
import { problemResponse } from './problem-response.js';

/** One named readiness probe; throws (or rejects) when its dependency is unavailable. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<Record<string, unknown> | void>;
}

/** What a caller may see of a failed check: a reason, never the error (hosts, SQL, stack). */
function reasonOf(error: unknown): string {
  if (error instanceof TimeoutError) return 'timeout';
  return findDependencyUnavailable(error)?.reason ?? 'failed';
}

/**
 * `GET /ready`: every check at once, each within its own `timeoutMs` (and deadline), so one
 * dependency that hangs cannot hold the answer. 200 when all pass, 503 problem+json with
 * `Retry-After` otherwise. The body says which check failed and why in one word; the error
 * itself goes to the log only. `limits()` adds the process's bounds (backpressure, timeouts).
 */
export function readinessHandler(options: { checks: readonly ReadinessCheck[]; timeoutMs: number; logger: Logger; limits?: () => Record<string, unknown> }) {
  return async (c: Context) => {
    const results = await Promise.all(
      options.checks.map(async (probe) => {
        const started = performance.now();
        try {
          const details = await withTimeout(
            withDeadline(options.timeoutMs, () => probe.check()),
            options.timeoutMs,
          );
          return [probe.name, { status: 'ok', ...details }] as const;
        } catch (error) {
          const reason = reasonOf(error);
          options.logger.warn({ err: error, check: probe.name, reason, elapsedMs: Math.round(performance.now() - started) }, 'readiness check failed');
          return [probe.name, { status: 'unavailable', reason }] as const;
        }
      }),
    );
    const checks = Object.fromEntries(results);
    const limits = options.limits?.();
    const extra = { checks, ...(limits ? { limits } : {}) };
    if (results.every(([, result]) => result.status === 'ok')) return c.json({ status: 'ok' as const, ...extra });
    c.header('retry-after', '1');
    return problemResponse(c, problemBody(503, 'not-ready', 'A dependency is unavailable', extra));
  };
}
