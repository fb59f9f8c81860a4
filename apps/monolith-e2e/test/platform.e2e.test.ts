import { describe, expect, it } from 'vitest';
import { call } from './http.js';

describe('platform endpoints over HTTP', () => {
  it('GET /health answers ok', async () => {
    expect(await call('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('GET /ready answers 200 once the database answers', async () => {
    const res = await call('GET', '/ready');
    expect(res.status).toBe(200);
    expect(res.body.checks.database.status).toBe('ok');
  });

  it('GET /ready shows the bounds the process works within', async () => {
    const res = await call('GET', '/ready');
    expect(res.body.limits).toMatchObject({
      requestTimeoutMs: 5_000,
      inFlightRequests: { max: 256, current: expect.any(Number) },
      databasePools: expect.arrayContaining([expect.objectContaining({ size: expect.any(Number), maxWaiting: 100, active: expect.any(Number), waiting: expect.any(Number) })]),
    });
  });

  it('unknown routes answer 404 problem+json', async () => {
    const res = await call('GET', '/no/such/route');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ type: '/problems/not-found', status: 404, title: 'Not Found' });
  });

  it('serves an OpenAPI 3.1 document', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toContain('/customers/{id}');
  });
});
