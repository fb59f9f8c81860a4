import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { baseUrl, call, uniqueEmail, type HttpResult } from './http.js';

const lines = [
  { sku: 'BOOK-1', quantity: 2, unitPriceCents: 1250 },
  { sku: 'PEN-7', quantity: 3, unitPriceCents: 199 },
];

async function registerCustomer(): Promise<string> {
  const res = await call('POST', '/customers', { email: uniqueEmail('orders'), name: 'Orders E2E' });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function placeOrder(customerId: string, items: unknown = lines, headers: Record<string, string> = {}): Promise<HttpResult> {
  return call('POST', '/orders', { customerId, items }, headers);
}

function expectProblem(res: HttpResult, status: number, type?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status, title: expect.any(String), type: expect.stringMatching(/^\/problems\//) });
  if (type) expect(res.body.type).toBe(type);
}

describe('orders and billing over HTTP', () => {
  it('register → order → pay (approved) → cancel with refund', async () => {
    const customerId = await registerCustomer();
    const placed = await placeOrder(customerId, lines.map((l) => ({ ...l, totalCents: 1 })));
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ customerId, status: 'placed', totalCents: 3097, chargeId: null, createdAt: expect.any(String) });
    expect(placed.headers.get('location')).toBe(`/orders/${placed.body.id}`);

    const paid = await call('POST', `/orders/${placed.body.id}/pay`);
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ id: placed.body.id, status: 'paid', chargeId: expect.any(String) });
    // Concurrent and repeated pays answer the same paid order.
    const again = await Promise.all([1, 2, 3].map(() => call('POST', `/orders/${placed.body.id}/pay`)));
    expect(again.map((r) => [r.status, r.body])).toEqual([1, 2, 3].map(() => [200, paid.body]));

    const charge = await call('GET', `/billing/charges/${paid.body.chargeId}`);
    expect(charge).toMatchObject({ status: 200, body: { id: paid.body.chargeId, orderId: placed.body.id, amountCents: 3097, status: 'succeeded' } });

    const cancelled = await call('POST', `/orders/${placed.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', chargeId: paid.body.chargeId, refundId: expect.any(String) });
    expect((await call('GET', `/billing/charges/${paid.body.chargeId}`)).body.status).toBe('refunded');
    expect((await call('GET', `/orders/${placed.body.id}`)).body).toEqual(cancelled.body);
  });

  it('pay (declined, an amount ending in 13 cents) → 402, order payment_failed and closed', async () => {
    const customerId = await registerCustomer();
    const placed = await placeOrder(customerId, [{ sku: 'GIFT', quantity: 1, unitPriceCents: 1013 }]);
    const declined = await call('POST', `/orders/${placed.body.id}/pay`);
    expectProblem(declined, 402, '/problems/card-declined');
    expect(declined.body.code).toBe('card_declined');
    expect((await call('GET', `/orders/${placed.body.id}`)).body.status).toBe('payment_failed');

    const charges = await call('GET', `/billing/charges?orderId=${placed.body.id}`);
    expect(charges.status).toBe(200);
    expect(charges.body.items).toEqual([expect.objectContaining({ orderId: placed.body.id, amountCents: 1013, status: 'declined', declineCode: 'card_declined' })]);

    // The order is closed: paying again is the same 402, cancelling it is 409.
    const again = await call('POST', `/orders/${placed.body.id}/pay`);
    expectProblem(again, 402, '/problems/card-declined');
    expect(again.body).toEqual(declined.body);
    expectProblem(await call('POST', `/orders/${placed.body.id}/cancel`), 409, '/problems/not-cancellable');
  });

  it('answers 422 unknown-customer for a customer that does not exist', async () => {
    const res = await placeOrder(randomUUID());
    expectProblem(res, 422);
    expect(res.body.type).toMatch(/unknown-customer$/);
  });

  it('an idempotent retry returns the same order; the key with another body is 422', async () => {
    const customerId = await registerCustomer();
    const key = randomUUID();
    const first = await placeOrder(customerId, lines, { 'Idempotency-Key': key });
    const retry = await placeOrder(customerId, lines, { 'Idempotency-Key': key });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body).toEqual(first.body);
    const listed = await call('GET', `/orders?customerId=${customerId}`);
    expect(listed.body.items.map((o: { id: string }) => o.id)).toEqual([first.body.id]);

    const reused = await placeOrder(customerId, [{ sku: 'OTHER', quantity: 1, unitPriceCents: 1 }], { 'Idempotency-Key': key });
    expectProblem(reused, 422, '/problems/idempotency-key-reused');
  });

  it('answers invalid bodies with 400 and the field paths', async () => {
    const customerId = await registerCustomer();
    const res = await call('POST', '/orders', {
      customerId: 'not-a-uuid',
      items: [
        { sku: '', quantity: 0, unitPriceCents: 1.5 },
        { sku: 'OK', quantity: 1001, unitPriceCents: 10_000_001 },
      ],
    });
    expectProblem(res, 400, '/problems/validation');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'customerId',
      'items.0.quantity',
      'items.0.sku',
      'items.0.unitPriceCents',
      'items.1.quantity',
      'items.1.unitPriceCents',
    ]);
    expect(res.body.errors.every((e: { in: string }) => e.in === 'body')).toBe(true);
    expectProblem(await call('POST', '/orders', { customerId, items: [] }), 400);
    expectProblem(await call('POST', '/orders', { customerId, items: Array.from({ length: 101 }, () => lines[0]) }), 400);
    expectProblem(await call('POST', '/orders', '{"customerId":'), 400, '/problems/malformed-request');
  });

  it('pages through a customer’s orders with cursors', async () => {
    const customerId = await registerCustomer();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await placeOrder(customerId)).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: HttpResult = await call('GET', `/orders?customerId=${customerId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((o: { id: string }) => o.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
  });

  it('every orders and billing route answers its failures as the contract says, in problem+json', async () => {
    const unknown = randomUUID();
    expectProblem(await call('GET', `/orders/${unknown}`), 404, '/problems/not-found');
    expectProblem(await call('GET', '/orders/not-a-uuid'), 400, '/problems/validation');
    expectProblem(await call('GET', '/orders'), 400, '/problems/validation');
    expectProblem(await call('GET', `/orders?customerId=${unknown}&limit=0`), 400);
    expectProblem(await call('GET', `/orders?customerId=${unknown}&cursor=garbage`), 400);
    expect(await call('GET', `/orders?customerId=${unknown}`)).toMatchObject({ status: 200, body: { items: [], nextCursor: null } });
    expectProblem(await call('POST', `/orders/${unknown}/pay`), 404);
    expectProblem(await call('POST', `/orders/${unknown}/cancel`), 404);

    const customerId = await registerCustomer();
    const order = (await placeOrder(customerId)).body;
    const cancelled = await call('POST', `/orders/${order.id}/cancel`);
    expect(cancelled.status).toBe(200);
    // A repeated cancel answers the same cancelled order; paying it is 409.
    expect(await call('POST', `/orders/${order.id}/cancel`)).toMatchObject({ status: 200, body: cancelled.body });
    expectProblem(await call('POST', `/orders/${order.id}/pay`), 409, '/problems/not-payable');

    expectProblem(await call('GET', '/billing/charges'), 400, '/problems/validation');
    expectProblem(await call('GET', '/billing/charges?orderId=nope'), 400);
    expect(await call('GET', `/billing/charges?orderId=${unknown}`)).toMatchObject({ status: 200, body: { items: [] } });
    expectProblem(await call('GET', `/billing/charges/${unknown}`), 404, '/problems/unknown-charge');
    expectProblem(await call('GET', '/billing/charges/nope'), 400);
  });
});

describe('API documentation over HTTP', () => {
  it('serves one OpenAPI 3.1 document for every module, with problem responses', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/customers', '/orders', '/orders/{id}', '/orders/{id}/pay', '/orders/{id}/cancel', '/billing/charges', '/billing/charges/{id}']),
    );
    const pay = res.body.paths['/orders/{id}/pay'].post.responses;
    expect(Object.keys(pay).sort()).toEqual(['200', '400', '402', '404', '409']);
    expect(pay['402'].content['application/problem+json']).toBeDefined();
  });

  it('serves /docs with local assets only, each answering 200', async () => {
    const res = await fetch(`${baseUrl()}/docs`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url).toMatch(/^\/docs\/assets\//);
      expect((await fetch(`${baseUrl()}${url}`)).status, url).toBe(200);
    }
  });
});
