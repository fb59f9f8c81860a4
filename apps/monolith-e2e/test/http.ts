import { inject } from 'vitest';

export const baseUrl = () => inject('baseUrl');

export interface HttpResult {
  status: number;
  headers: Headers;
  // Response bodies are whatever the server sent; each test asserts the shape it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

let counter = 0;
export const uniqueEmail = (prefix = 'e2e') => `${prefix}.${process.pid}.${Date.now()}.${++counter}@example.com`;
