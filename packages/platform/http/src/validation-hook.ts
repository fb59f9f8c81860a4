import type { Hook } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { problemBody, type FieldError } from './problem.js';
import { problemResponse } from './problem-response.js';

const TARGETS: Record<string, FieldError['in']> = { json: 'body', form: 'body', query: 'query', param: 'path', header: 'header' };

/** Turns a zod validation failure into 400 problem+json listing every field path. */
export const validationHook: Hook<unknown, Env, string, unknown> = (result, c) => {
  if (result.success) return undefined;
  const location = TARGETS[result.target] ?? 'body';
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
    in: location,
  }));
  const fields = errors.map((e) => e.path || '(root)').join(', ');
  return problemResponse(c, problemBody(400, 'validation', `The request ${location} is invalid: ${fields}`, { errors }));
};
