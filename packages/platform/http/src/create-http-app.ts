import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { Logger } from '@shop/platform-logging';
import { findDependencyUnavailable } from '@shop/platform-resilience';
import { inFlightLimit } from './in-flight-limit.js';
import { jsonResponse, problemResponses } from './openapi-helpers.js';
import { problemBody, ProblemError } from './problem.js';
import { problemResponse } from './problem-response.js';
import { readinessHandler, type ReadinessCheck } from './readiness.js';
import { requestDeadline } from './request-deadline.js';
import { refuseUnstorableInput } from './unstorable-input.js';
import { validationHook } from './validation-hook.js';

export type { ReadinessCheck } from './readiness.js';

/** Defaults of the bounds below (the monolith's `REQUEST_TIMEOUT_MS`, `MAX_IN_FLIGHT_REQUESTS`, `READY_CHECK_TIMEOUT_MS`). */
export const HTTP_DEFAULTS = { bodyLimitBytes: 1024 * 1024, requestTimeoutMs: 5_000, maxInFlightRequests: 256, readinessTimeoutMs: 1_000 } as const;

export interface HttpAppOptions {
  logger: Logger;
  /** Largest accepted request body; bigger ones get 413. */
  bodyLimitBytes?: number;
  readiness?: ReadinessCheck[];
  /** Every request is answered within this many ms (503 + `Retry-After` when a dependency cannot). */
  requestTimeoutMs?: number;
  /** Requests in the handlers at once; the next gets 503 + `Retry-After` at once. */
  maxInFlightRequests?: number;
  /** Each readiness check's own timeout. */
  readinessTimeoutMs?: number;
  /** More bounds to show in `/ready` under `limits` (the database pools'). */
  limits?: () => Record<string, unknown>;
}

const PROBES = ['/health', '/ready'];

/**
 * The HTTP shell every module mounts into: request ids, one log line per request, backpressure
 * (in-flight bound), one deadline per request, a body size limit, refusal of text PostgreSQL
 * cannot store, problem+json for every failure (503 + `Retry-After` when a dependency is
 * unavailable), and `/health` + `/ready`.
 */
export function createHttpApp(options: HttpAppOptions): OpenAPIHono {
  const { logger } = options;
  const settings = {
    bodyLimitBytes: options.bodyLimitBytes ?? HTTP_DEFAULTS.bodyLimitBytes,
    requestTimeoutMs: options.requestTimeoutMs ?? HTTP_DEFAULTS.requestTimeoutMs,
    maxInFlightRequests: options.maxInFlightRequests ?? HTTP_DEFAULTS.maxInFlightRequests,
    readinessTimeoutMs: options.readinessTimeoutMs ?? HTTP_DEFAULTS.readinessTimeoutMs,
  };
  const app = new OpenAPIHono({ defaultHook: validationHook });
  const inFlight = inFlightLimit({ max: settings.maxInFlightRequests, exempt: PROBES });

  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const line = {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
    };
    // 503 is an answer (a dependency is away, or too busy), not a fault of this process.
    if (c.res.status >= 500 && c.res.status !== 503) logger.error(line, 'request');
    else if (c.res.status === 503) logger.warn(line, 'request');
    else logger.info(line, 'request');
  });
  app.use(inFlight.middleware);
  app.use(requestDeadline({ timeoutMs: settings.requestTimeoutMs }));
  // 413 comes before the body is read: the connection is closed after it rather than kept alive
  // with megabytes still arriving, which the server would give up draining and cut, taking the
  // client's next request on that connection with it.
  const tooLarge = (c: Context) => {
    c.header('connection', 'close');
    return problemResponse(c, problemBody(413, 'payload-too-large', `The request body exceeds ${settings.bodyLimitBytes} bytes`));
  };
  app.use(bodyLimit({ maxSize: settings.bodyLimitBytes, onError: tooLarge }));
  app.use(refuseUnstorableInput());

  app.get('/health', (c) => c.json({ status: 'ok' as const }));
  app.get(
    '/ready',
    readinessHandler({
      checks: options.readiness ?? [],
      timeoutMs: settings.readinessTimeoutMs,
      logger,
      limits: () => ({
        requestTimeoutMs: settings.requestTimeoutMs,
        inFlightRequests: inFlight.stats(),
        bodyLimitBytes: settings.bodyLimitBytes,
        ...options.limits?.(),
      }),
    }),
  );

  // Plain handlers (the 503 is a problem body, not a typed response), declared in the OpenAPI
  // document by hand so every mounted route is described.
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/health',
    tags: ['platform'],
    summary: 'Liveness: the process answers',
    responses: { 200: jsonResponse(z.object({ status: z.literal('ok') }), 'The process is up') },
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/ready',
    tags: ['platform'],
    summary: 'Readiness: every dependency (the database) answers; shows the bounds the process works within',
    responses: {
      200: jsonResponse(
        z.object({ status: z.literal('ok'), checks: z.record(z.string(), z.unknown()), limits: z.record(z.string(), z.unknown()) }),
        'Every dependency answers',
      ),
      ...problemResponses(503),
    },
  });

  app.notFound((c) => problemResponse(c, problemBody(404, 'not-found', `No route for ${c.req.method} ${c.req.path}`)));
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error.problem);
    const unavailable = findDependencyUnavailable(error);
    if (unavailable) {
      // The caller learns which dependency and why; hosts, SQL and driver messages stay here.
      logger.warn({ err: error, requestId: c.get('requestId'), dependency: unavailable.dependency, reason: unavailable.reason }, 'dependency unavailable');
      c.header('retry-after', String(unavailable.retryAfterSeconds));
      return problemResponse(c, problemBody(503, 'dependency-unavailable', `${unavailable.message}; retry later.`, { dependency: unavailable.dependency, reason: unavailable.reason }));
    }
    // hono/body-limit's error for a body without Content-Length that outgrew the limit while read.
    if (error.name === 'BodyLimitError') return tooLarge(c);
    if (error instanceof HTTPException) {
      // Hono raises these for malformed JSON bodies, unsupported content types and similar client errors.
      const slug = error.status === 400 ? 'malformed-request' : error.status === 415 ? 'unsupported-media-type' : 'http-error';
      return problemResponse(c, problemBody(error.status, slug, error.message));
    }
    logger.error({ err: error, requestId: c.get('requestId'), method: c.req.method, path: c.req.path }, 'unhandled error');
    return problemResponse(c, problemBody(500, 'internal', 'An unexpected error occurred; it has been logged.'));
  });
  return app;
}
