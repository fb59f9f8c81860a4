import { OpenAPIHono, z } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { Logger } from '@shop/platform-logging';
import { jsonResponse, problemResponses } from './openapi-helpers.js';
import { problemBody, ProblemError } from './problem.js';
import { problemResponse } from './problem-response.js';
import { validationHook } from './validation-hook.js';

/** One named readiness probe; throws (or rejects) when its dependency is unavailable. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<Record<string, unknown> | void>;
}

export interface HttpAppOptions {
  logger: Logger;
  /** Largest accepted request body; bigger ones get 413. */
  bodyLimitBytes?: number;
  readiness?: ReadinessCheck[];
}

/**
 * The HTTP shell every module mounts into: request ids, one log line per request, a body size
 * limit, problem+json for every failure, and `/health` + `/ready`.
 */
export function createHttpApp(options: HttpAppOptions): OpenAPIHono {
  const { logger } = options;
  const app = new OpenAPIHono({ defaultHook: validationHook });

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
    if (c.res.status >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
  });
  app.use(
    bodyLimit({
      maxSize: options.bodyLimitBytes ?? 1024 * 1024,
      onError: (c) => problemResponse(c, problemBody(413, 'payload-too-large', `The request body exceeds ${options.bodyLimitBytes ?? 1024 * 1024} bytes`)),
    }),
  );

  app.get('/health', (c) => c.json({ status: 'ok' as const }));
  app.get('/ready', async (c) => {
    const checks: Record<string, unknown> = {};
    let ready = true;
    for (const probe of options.readiness ?? []) {
      try {
        checks[probe.name] = { status: 'ok', ...(await probe.check()) };
      } catch (error) {
        ready = false;
        checks[probe.name] = { status: 'unavailable', error: error instanceof Error ? error.message : String(error) };
      }
    }
    if (ready) return c.json({ status: 'ok' as const, checks });
    return problemResponse(c, problemBody(503, 'not-ready', 'A dependency is unavailable', { checks }));
  });

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
    summary: 'Readiness: every dependency (the database) answers',
    responses: {
      200: jsonResponse(z.object({ status: z.literal('ok'), checks: z.record(z.string(), z.unknown()) }), 'Every dependency answers'),
      ...problemResponses(503),
    },
  });

  app.notFound((c) => problemResponse(c, problemBody(404, 'not-found', `No route for ${c.req.method} ${c.req.path}`)));
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error.problem);
    if (error instanceof HTTPException) {
      // Hono raises these for malformed JSON bodies and similar client errors.
      const slug = error.status === 400 ? 'malformed-request' : 'http-error';
      return problemResponse(c, problemBody(error.status, slug, error.message));
    }
    logger.error({ err: error, requestId: c.get('requestId'), method: c.req.method, path: c.req.path }, 'unhandled error');
    return problemResponse(c, problemBody(500, 'internal', 'An unexpected error occurred; it has been logged.'));
  });
  return app;
}
