import { describe, expect, it } from 'vitest';
import { call, uniqueEmail } from './http.js';

describe('customers over HTTP', () => {
  it('registers, fetches and lists a customer', async () => {
    const email = uniqueEmail('journey');
    const created = await call('POST', '/customers', { email, name: 'Grace Hopper' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), email, name: 'Grace Hopper', createdAt: expect.any(String) });

    const fetched = await call('GET', `/customers/${created.body.id}`);
    expect(fetched).toMatchObject({ status: 200, body: created.body });

    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await call(
        'GET',
        `/customers?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      ids.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(ids).toContain(created.body.id);
  });

  it('answers 409 problem+json for a duplicate email in another case', async () => {
    const email = uniqueEmail('dup');
    expect((await call('POST', '/customers', { email, name: 'One' })).status).toBe(201);
    const duplicate = await call('POST', '/customers', { email: email.toUpperCase(), name: 'Two' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.headers.get('content-type')).toContain('application/problem+json');
    expect(duplicate.body).toMatchObject({ type: '/problems/email-taken', status: 409 });
  });

  it('answers a malformed JSON body with 400 problem+json', async () => {
    const res = await call('POST', '/customers', '{"email": "x@y.z", ');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, type: '/problems/malformed-request' });
  });

  it('answers an invalid body with 400 and the offending field paths', async () => {
    const res = await call('POST', '/customers', { email: 'nope', name: 42 });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('/problems/validation');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'name']);
  });

  it('answers an unknown id with 404 problem+json', async () => {
    const res = await call('GET', '/customers/3f1e7a2c-9d4b-4c1e-8f2a-000000000000');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, type: '/problems/not-found' });
  });

  it('answers a bad list query with 400', async () => {
    const res = await call('GET', '/customers?limit=abc');
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'limit', in: 'query' });
  });
});
