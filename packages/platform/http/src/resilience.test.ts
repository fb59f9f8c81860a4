import { Writable } from 'node:stream';
import { DependencyUnavailableError, remainingMs } from '@shop/platform-resilience';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@shop/platform-logging';
import { createHttpApp, type HttpAppOptions } from './create-http-app.js';

function setup(options: Partial<HttpAppOptions> = {}) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _e, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const app = createHttpApp({ logger: createLogger({ destination }), ...options });
  return { app, lines };
}

const never = () => new Promise<never>(() => {});

async function timed(request: Response | Promise<Response>) {
  const started = performance.now();
  const res = await request;
  return { res, ms: performance.now() - started, body: (await res.json()) as Record<string, unknown> };
}

describe('an unavailable dependency', () => {
  it('answers 503 problem+json with Retry-After, naming the dependency and reason only; the driver error goes to the log', async () => {
    const { app, lines } = setup();
    app.get('/db', () => {
      throw new Error('Failed query: insert into secret_table', {
        cause: new DependencyUnavailableError('database', 'unreachable', { cause: new Error('connect ECONNREFUSED 10.9.8.7:5432') }),
      });
    });
    const { res, body } = await timed(app.request('/db'));
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(body).toMatchObject({ type: '/problems/dependency-unavailable', status: 503, dependency: 'database', reason: 'unreachable' });
    expect(JSON.stringify(body)).not.toMatch(/secret_table|10\.9\.8\.7|ECONNREFUSED/);
    expect(lines.find((l) => l.msg === 'dependency unavailable')).toBeTruthy();
    expect(lines.find((l) => l.msg === 'unhandled error')).toBeUndefined();
  });
});

describe('one deadline per request', () => {
  it('is visible to the code the handler calls, and a handler stuck past it is answered 503 at the bound', async () => {
    const { app } = setup({ requestTimeoutMs: 150 });
    let seen = Number.POSITIVE_INFINITY;
    app.get('/stuck', async () => {
      seen = remainingMs();
      return never();
    });
    const { res, ms, body } = await timed(app.request('/stuck'));
    expect(seen).toBeLessThanOrEqual(150);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(body).toMatchObject({ type: '/problems/request-timeout' });
    expect(ms).toBeGreaterThanOrEqual(140);
    expect(ms).toBeLessThan(1_000);
  });
});

describe('backpressure', () => {
  it('turns the request over the in-flight bound away at once with 503 + Retry-After; probes always pass; the bound shows in /ready', async () => {
    const { app } = setup({ maxInFlightRequests: 1 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    app.get('/slow', async (c) => {
      await gate;
      return c.json({ ok: true });
    });
    const first = app.request('/slow');
    await new Promise((resolve) => setTimeout(resolve, 10));
    const { res, ms, body } = await timed(app.request('/slow'));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(body).toMatchObject({ type: '/problems/overloaded' });
    expect(ms).toBeLessThan(100);
    expect((await app.request('/health')).status).toBe(200);
    const ready = (await (await app.request('/ready')).json()) as { limits: Record<string, unknown> };
    expect(ready.limits).toMatchObject({ inFlightRequests: { max: 1, current: 1 }, requestTimeoutMs: 5_000 });
    release();
    expect((await first).status).toBe(200);
    expect((await app.request('/slow')).status).toBe(200);
  });
});

describe('/ready', () => {
  it('answers within each check’s own timeout when a dependency hangs, and shows extra limits', async () => {
    const { app, lines } = setup({
      readinessTimeoutMs: 200,
      readiness: [
        { name: 'database', check: never },
        { name: 'events', check: async () => ({ undelivered: 0 }) },
      ],
      limits: () => ({ database: [{ name: 'login', size: 10 }] }),
    });
    const { res, ms, body } = await timed(app.request('/ready'));
    expect(res.status).toBe(503);
    expect(ms).toBeLessThan(1_000);
    expect(body).toMatchObject({
      checks: { database: { status: 'unavailable', reason: 'timeout' }, events: { status: 'ok', undelivered: 0 } },
      limits: { database: [{ name: 'login', size: 10 }], inFlightRequests: { max: 256 } },
    });
    expect(lines.find((l) => l.msg === 'readiness check failed')).toMatchObject({ check: 'database', reason: 'timeout' });
  });
});

describe('oversized bodies', () => {
  it('sent without Content-Length (so only found while reading): 413 problem+json, not an unhandled error', async () => {
    const { app, lines } = setup({ bodyLimitBytes: 100 });
    app.post('/echo', async (c) => c.json(await c.req.json()));
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`{"x":"${'y'.repeat(500)}"}`));
        controller.close();
      },
    });
    const res = await app.request('/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(lines.find((l) => l.msg === 'unhandled error')).toBeUndefined();
  });
});
