import type { Hook } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { problemBody, type FieldError } from './problem.js';
import { problemResponse } from './problem-response.js';
import { nulErrors, unstorableInputProblem } from './unstorable-input.js';

const TARGETS: Record<string, FieldError['in']> = { json: 'body', form: 'body', query: 'query', param: 'path', header: 'header' };

/**
 * Turns a zod validation failure into 400 problem+json listing every field path. A value that
 * passed its schema is refused all the same when a string in it carries U+0000, which PostgreSQL
 * cannot store: this is where the headers a route declares are checked (the rest is checked
 * before routing by `refuseUnstorableInput`, and again here on what the schema kept).
 */
export const validationHook: Hook<unknown, Env, string, unknown> = (result, c) => {
  const location = TARGETS[result.target] ?? 'body';
  if (result.success) {
    const unstorable = nulErrors(result.data, location);
    return unstorable.length ? unstorableInputProblem(c, unstorable) : undefined;
  }
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
    in: location,
  }));
  const fields = errors.map((e) => e.path || '(root)').join(', ');
  return problemResponse(c, problemBody(400, 'validation', `The request ${location} is invalid: ${fields}`, { errors }));
};
