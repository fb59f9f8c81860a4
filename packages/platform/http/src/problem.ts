import { STATUS_CODES } from 'node:http';

export interface FieldError {
  /** Dotted path of the offending field within `in` (e.g. `items.0.quantity`). */
  path: string;
  message: string;
  in: 'body' | 'query' | 'path' | 'header';
}

/** RFC 9457 problem details. `type` is a URI reference ending in the problem's slug. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_TYPE_BASE = '/problems/';

export function problemBody(status: number, slug: string, detail?: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: `${PROBLEM_TYPE_BASE}${slug}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(detail === undefined ? {} : { detail }),
    ...extra,
  };
}

/**
 * Thrown by a handler to answer with a problem+json response; the app's error handler renders
 * it. Lets modules express expected failures (404, 409, 422) without touching the response type.
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly problem: Problem;
  constructor(status: number, slug: string, detail: string, extra: Partial<Problem> = {}) {
    super(detail);
    this.problem = problemBody(status, slug, detail, extra);
  }
}
