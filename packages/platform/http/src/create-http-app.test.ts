import { Writable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@shop/platform-logging';
import { createHttpApp, type ReadinessCheck } from './create-http-app.js';
import { createRouter } from './create-router.js';
import { jsonBody, jsonResponse, problemResponses } from './openapi-helpers.js';
import { ProblemError } from './problem.js';

function setup(readiness: ReadinessCheck[] = []) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _e, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const app = createHttpApp({ logger: createLogger({ destination }), bodyLimitBytes: 200, readiness });
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'post',
      path: '/widgets',
      request: { body: jsonBody(z.object({ name: z.string().min(1), parts: z.array(z.object({ qty: z.number().int().positive() })) })) },
      responses: { 201: jsonResponse(z.object({ name: z.string() }), 'Created'), ...problemResponses(400, 409) },
    }),
    (c) => {
      const body = c.req.valid('json');
      if (body.name === 'taken') throw new ProblemError(409, 'widget-taken', 'That name is taken');
      return c.json({ name: body.name }, 201);
    },
  );
  router.get('/boom', () => {
    throw new Error('secret internal detail');
  });
  app.route('/', router);
  return { app, lines };
}

const post = (body: string) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('createHttpApp', () => {
  it('answers /health', async () => {
    const res = await setup().app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /ready with 200 when every check passes and 503 problem+json when one fails', async () => {
    const ok = await setup([{ name: 'database', check: async () => {} }]).app.request('/ready');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'ok' } } });

    const { app, lines } = setup([{ name: 'database', check: async () => Promise.reject(new Error('connect ECONNREFUSED 10.1.2.3:5432')) }]);
    const down = await app.request('/ready');
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toContain('application/problem+json');
    expect(down.headers.get('retry-after')).toBe('1');
    const text = await down.text();
    expect(JSON.parse(text)).toMatchObject({ status: 503, checks: { database: { status: 'unavailable', reason: 'failed' } } });
    // Internals (hosts, SQL, driver messages) go to the log, never to the caller.
    expect(text).not.toContain('10.1.2.3');
    expect(text).not.toContain('ECONNREFUSED');
    expect(lines.find((l) => l.msg === 'readiness check failed')).toMatchObject({ check: 'database', err: { message: 'connect ECONNREFUSED 10.1.2.3:5432' } });
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await setup().app.request('/widgets', post('{"name":'));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ type: '/problems/malformed-request', status: 400 });
  });

  it('lists every invalid field path', async () => {
    const res = await setup().app.request('/widgets', post(JSON.stringify({ name: '', parts: [{ qty: 0 }] })));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { type: string; errors: { path: string; in: string }[] };
    expect(body.type).toBe('/problems/validation');
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['name', 'parts.0.qty']);
    expect(body.errors[0]?.in).toBe('body');
  });

  it('renders a ProblemError thrown by a handler', async () => {
    const res = await setup().app.request('/widgets', post(JSON.stringify({ name: 'taken', parts: [] })));
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ type: '/problems/widget-taken', title: 'Conflict', status: 409, detail: 'That name is taken' });
  });

  it('answers unknown routes with 404 problem+json', async () => {
    const res = await setup().app.request('/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('hides unhandled errors from the body and logs them with the stack', async () => {
    const { app, lines } = setup();
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret internal detail');
    expect(text).not.toMatch(/at .+\.ts/);
    const logged = lines.find((l) => l.msg === 'unhandled error') as { err: { stack: string } };
    expect(logged.err.stack).toContain('secret internal detail');
  });

  it('rejects bodies over the limit with 413', async () => {
    const res = await setup().app.request('/widgets', post(JSON.stringify({ name: 'x'.repeat(500), parts: [] })));
    expect(res.status).toBe(413);
    // The body was not read: the client must not reuse the connection with it still arriving.
    expect(res.headers.get('connection')).toBe('close');
  });

  it('tags each response with a request id and logs one line per request', async () => {
    const { app, lines } = setup();
    const res = await app.request('/health');
    const id = res.headers.get('x-request-id');
    expect(id).toBeTruthy();
    const requestLines = lines.filter((l) => l.msg === 'request');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({ requestId: id, method: 'GET', path: '/health', status: 200 });
  });
});
