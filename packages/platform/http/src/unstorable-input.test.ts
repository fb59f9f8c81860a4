import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@shop/platform-logging';
import { createHttpApp } from './create-http-app.js';
import { createRouter } from './create-router.js';
import { jsonBody, jsonResponse, problemResponses } from './openapi-helpers.js';
import { pathsWithNul } from './unstorable-input.js';
import { validationHook } from './validation-hook.js';

function setup() {
  const app = createHttpApp({ logger: createLogger({ level: 'silent' }) });
  const router = createRouter();
  const reached: unknown[] = [];
  router.openapi(
    createRoute({
      method: 'post',
      path: '/things/{thingId}/parts',
      request: {
        params: z.object({ thingId: z.string() }),
        query: z.object({ filter: z.string().optional() }),
        body: jsonBody(z.object({ name: z.string(), tags: z.array(z.string()).default([]) })),
      },
      responses: { 201: jsonResponse(z.object({ ok: z.boolean() }), 'Created'), ...problemResponses(400) },
    }),
    (c) => {
      reached.push(c.req.valid('json'));
      return c.json({ ok: true }, 201);
    },
  );
  app.route('/', router);
  return { app, reached };
}

const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function problem(res: Response) {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as { type: string; errors: { path: string; in: string; message: string }[] };
}

describe('text PostgreSQL cannot store (U+0000) is refused with 400 naming the field', () => {
  it('in the JSON body at any depth, keys and fields the schema would drop included', async () => {
    const { app, reached } = setup();
    const body = await problem(await app.request('/things/t1/parts', post({ name: 'a\u0000b', tags: ['ok', 'x\u0000'], extra: { deep: ['\u0000'] }, ['k\u0000']: 1 })));
    expect(body.type).toBe('/problems/validation');
    expect(body.errors.map((e) => `${e.in}:${e.path}`).sort()).toEqual(['body:extra.deep.0', 'body:k\u0000', 'body:name', 'body:tags.1']);
    expect(reached).toEqual([]);
  });

  it('in the query string and in path parameters, named by the route', async () => {
    const { app, reached } = setup();
    const query = await problem(await app.request('/things/t1/parts?filter=a%00b&other=%00', post({ name: 'fine' })));
    expect(query.errors.map((e) => `${e.in}:${e.path}`).sort()).toEqual(['query:filter', 'query:other']);
    const path = await problem(await app.request('/things/t%00x/parts', post({ name: 'fine' })));
    expect(path.errors).toEqual([{ path: 'thingId', in: 'path', message: expect.stringContaining('U+0000') }]);
    expect(reached).toEqual([]);
  });

  it('lets everything else through, malformed JSON to the route (400 malformed-request)', async () => {
    const { app, reached } = setup();
    expect((await app.request('/things/t1/parts?filter=%E2%9C%93', post({ name: 'ünïcödé ✓', tags: [] }))).status).toBe(201);
    expect(reached).toEqual([{ name: 'ünïcödé ✓', tags: [] }]);
    const malformed = await problem(await app.request('/things/t1/parts', post('{"name":')));
    expect(malformed.type).toBe('/problems/malformed-request');
  });

  it('in a header a route declares, after validation (the HTTP parser refuses NUL on the wire; this is the last line)', () => {
    let answered: Response | undefined;
    const c = { body: (text: string, status: number, headers: Record<string, string>) => (answered = new Response(text, { status, headers })) } as unknown as Context;
    const result = validationHook({ success: true, data: { 'idempotency-key': 'k\u0000' }, target: 'header' } as never, c);
    expect(result).toBe(answered);
    expect(answered?.status).toBe(400);
    expect(validationHook({ success: true, data: { 'idempotency-key': 'fine' }, target: 'header' } as never, c)).toBeUndefined();
  });

  it('finds NUL paths in nested values', () => {
    expect(pathsWithNul({ a: [{ b: 'x\u0000' }], c: 'ok', d: 5 })).toEqual(['a.0.b']);
    expect(pathsWithNul('\u0000')).toEqual(['']);
    expect(pathsWithNul(null)).toEqual([]);
    let deep: unknown = '\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(pathsWithNul(deep)).toEqual([Array(200_000).fill('0').join('.')]);
  });
});
