import { describe, expect, it } from 'vitest';
import { hostileRequests, type HostileRequest, type OpenApiDocument } from '../src/openapi-hostile.js';
import { baseUrl } from './http.js';

/** No answer within this is a hang. The server's own bound (REQUEST_TIMEOUT_MS) is 5 s. */
const PER_REQUEST_TIMEOUT_MS = 10_000;
const CONCURRENCY = 4;

/**
 * The bearer token a request is sent with. None yet: authentication comes later. Then: a valid
 * token for a role that may call the operation, so hostile values reach the handlers and not
 * only the 401 (the request's method and URL say which operation it is).
 */
function authorizationFor(_request: HostileRequest): string | undefined {
  return undefined;
}

interface Outcome {
  request: HostileRequest;
  status: number;
  contentType: string;
  body: string;
  ms: number;
}

async function send(request: HostileRequest): Promise<Outcome> {
  const started = performance.now();
  const token = authorizationFor(request);
  try {
    const res = await fetch(`${baseUrl()}${request.url}`, {
      method: request.method,
      headers: { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(PER_REQUEST_TIMEOUT_MS),
    });
    const body = await res.text();
    return { request, status: res.status, contentType: res.headers.get('content-type') ?? '', body, ms: performance.now() - started };
  } catch (error) {
    const hung = (error as Error).name === 'TimeoutError';
    return { request, status: hung ? -1 : 0, contentType: '', body: String((error as Error).cause ?? error), ms: performance.now() - started };
  }
}

/** Why an answer is wrong, or null: a 5xx, a hang, a dropped connection, an error that is not problem+json. */
function fault(outcome: Outcome): string | null {
  if (outcome.status === -1) return `no answer within ${PER_REQUEST_TIMEOUT_MS} ms`;
  if (outcome.status === 0) return `connection failed: ${outcome.body}`;
  if (outcome.status >= 500) return `${outcome.status}: ${outcome.body.slice(0, 300)}`;
  if (outcome.status < 400) return null;
  if (!outcome.contentType.includes('application/problem+json')) return `${outcome.status} with content type "${outcome.contentType}"`;
  try {
    const problem = JSON.parse(outcome.body) as { type?: unknown; title?: unknown; status?: unknown };
    if (typeof problem.type !== 'string' || typeof problem.title !== 'string' || problem.status !== outcome.status) return `${outcome.status} with a malformed problem: ${outcome.body.slice(0, 200)}`;
  } catch {
    return `${outcome.status} with a body that is not JSON: ${outcome.body.slice(0, 200)}`;
  }
  return null;
}

describe('hostile input, from the OpenAPI document', () => {
  it('every operation, every parameter and body field broken one at a time: no 5xx, no hang, problem+json for every error', async () => {
    const documentRes = await fetch(`${baseUrl()}/openapi.json`);
    expect(documentRes.status).toBe(200);
    const document = (await documentRes.json()) as OpenApiDocument;
    const requests = hostileRequests(document);
    const operations = new Set(requests.map((r) => r.label.split(':')[0]));
    expect(operations.size).toBeGreaterThanOrEqual(10);

    const outcomes: Outcome[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const request = requests[next++] as HostileRequest;
          outcomes.push(await send(request));
        }
      }),
    );

    const faults = outcomes.flatMap((outcome) => {
      const why = fault(outcome);
      return why ? [`${outcome.request.label} → ${why}`] : [];
    });
    expect(faults).toEqual([]);
    // Schema-breaking values must be refused, not silently stored: every NUL in a body field is a 4xx.
    const nulInBody = outcomes.filter((o) => /body .* = (NUL string|string with NUL)$/.test(o.request.label) && o.request.method !== 'GET');
    expect(nulInBody.filter((o) => o.status < 400).map((o) => `${o.request.label} → ${o.status}`)).toEqual([]);

    const byStatus = outcomes.reduce<Record<number, number>>((counts, o) => ({ ...counts, [o.status]: (counts[o.status] ?? 0) + 1 }), {});
    const slowest = Math.max(...outcomes.map((o) => o.ms));
    console.log(`hostile input: ${outcomes.length} requests over ${operations.size} operations; statuses ${JSON.stringify(byStatus)}; slowest ${Math.round(slowest)} ms`);
  }, 600_000);
});
