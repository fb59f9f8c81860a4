import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { problemBody, type FieldError } from './problem.js';
import { problemResponse } from './problem-response.js';

/**
 * PostgreSQL text cannot hold U+0000: a string carrying it fails the INSERT (or a WHERE filter)
 * with `invalid byte sequence for encoding "UTF8": 0x00`, a 500 if nothing stops it first.
 * Nothing a caller sends may carry one, whatever the route's schema says.
 */
const NUL = '\u0000';
const MESSAGE = 'Must not contain the NUL character (U+0000)';

/** Where a value sits: its key and its parent's place, so no path is built unless it is reported. */
interface Place {
  key: string;
  parent: Place | null;
}

const pathOf = (place: Place | null) => {
  const keys: string[] = [];
  for (let at = place; at; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
};

/**
 * Dotted paths of every string (or object key) in `value` that contains U+0000, at any depth.
 * Iterative, with parent links instead of path copies: a 1 MB body can nest arrays half a
 * million deep, past any call stack and any quadratic bookkeeping.
 */
export function pathsWithNul(value: unknown): string[] {
  const found: string[] = [];
  const pending: [unknown, Place | null][] = [[value, null]];
  while (pending.length) {
    const [current, place] = pending.pop() as [unknown, Place | null];
    if (typeof current === 'string') {
      if (current.includes(NUL)) found.push(pathOf(place));
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) pending.push([current[index], { key: String(index), parent: place }]);
    } else if (current && typeof current === 'object') {
      for (const [key, item] of Object.entries(current).reverse()) {
        if (key.includes(NUL)) found.push(pathOf({ key, parent: place }));
        else pending.push([item, { key, parent: place }]);
      }
    }
  }
  return found;
}

export function nulErrors(value: unknown, location: FieldError['in']): FieldError[] {
  return pathsWithNul(value).map((path) => ({ path, message: MESSAGE, in: location }));
}

export function unstorableInputProblem(c: Context, errors: FieldError[]): Response {
  const fields = errors.map((e) => `${e.path || '(root)'} (${e.in})`).join(', ');
  return problemResponse(c, problemBody(400, 'validation', `The request carries text PostgreSQL cannot store: ${fields}`, { errors }));
}

const decode = (text: string) => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text; // malformed escapes are the route's schema's business, not a NUL
  }
};

/** NULs in the path, each named by the matched route's parameter (`/orders/:id` → `id`). */
function pathErrors(c: Context, pathname: string): FieldError[] {
  const segments = pathname.split('/');
  if (!segments.some((segment) => decode(segment).includes(NUL))) return [];
  const pattern = routePath(c, -1).split('/');
  return segments.flatMap((segment, index) => {
    if (!decode(segment).includes(NUL)) return [];
    const name = pattern[index]?.startsWith(':') ? pattern[index].slice(1).replace(/\{.*\}$/, '').replace(/\?$/, '') : `segment ${index}`;
    return [{ path: name, message: MESSAGE, in: 'path' as const }];
  });
}

function queryErrors(search: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (!pair) continue;
    const [rawKey = '', ...rest] = pair.split('=');
    const key = decode(rawKey);
    if (key.includes(NUL) || decode(rest.join('=')).includes(NUL)) errors.push({ path: key, message: MESSAGE, in: 'query' });
  }
  return errors;
}

const isJson = (contentType: string | undefined) => !!contentType && /^application\/([a-z0-9.+-]*\+)?json\b/i.test(contentType.trim());

/**
 * Refuses, before any route runs, a request whose path, query string or JSON body (at any depth,
 * keys included, fields the schema would drop included) carries U+0000: 400 problem+json whose
 * `errors` name each field and where it was, as schema validation does. Headers a route declares
 * are checked after validation (`validationHook`): Node's HTTP parser already refuses NUL in a
 * header on the wire. A body that is not valid JSON is left to the route, which answers 400.
 */
export function refuseUnstorableInput(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const errors = [...pathErrors(c, url.pathname), ...queryErrors(url.search)];
    if (c.req.raw.body && isJson(c.req.header('content-type'))) {
      // Read through Hono's body cache, so the route's validator parses the same text again.
      const text = await c.req.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      errors.push(...nulErrors(body, 'body'));
    }
    if (errors.length) return unstorableInputProblem(c, errors);
    return next();
  };
}
