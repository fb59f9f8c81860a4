/** One HTTP exchange with the shop, as a fault test records it. */
export interface Exchange {
  method: string;
  path: string;
  /** `performance.now()` when the request was sent. */
  startedAt: number;
  /** Time to the full response (or to giving up). */
  ms: number;
  /** HTTP status; 0 when the connection failed, -1 when no answer came within the client's timeout. */
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  // Bodies are whatever the server sent; callers assert the shape they expect.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface ShopClientOptions {
  baseUrl: string;
  /** Give up on a request after this long and record it as hung (status -1). */
  timeoutMs?: number;
  /** A bearer token for every request (once authentication exists), or a function choosing one per request. */
  token?: string | ((method: string, path: string) => string | undefined);
}

/**
 * A fetch wrapper that never throws and never waits forever: every exchange comes back as data
 * (status 0 for a refused or reset connection, -1 for no answer within `timeoutMs`), so a test
 * can assert over all of them afterwards.
 */
export function shopClient(options: ShopClientOptions) {
  const timeoutMs = options.timeoutMs ?? 15_000;
  return async function request(method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Exchange> {
    const token = typeof options.token === 'function' ? options.token(method, path) : options.token;
    const headers: Record<string, string> = {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...init.headers,
    };
    const startedAt = performance.now();
    const base = { method, path, startedAt };
    try {
      const res = await fetch(`${options.baseUrl}${path}`, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { ...base, ms: performance.now() - startedAt, status: res.status, contentType: res.headers.get('content-type'), retryAfter: res.headers.get('retry-after'), body };
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
      return { ...base, ms: performance.now() - startedAt, status: timedOut ? -1 : 0, contentType: null, retryAfter: null, body: String((error as Error).cause ?? error) };
    }
  };
}

export type ShopRequest = ReturnType<typeof shopClient>;
