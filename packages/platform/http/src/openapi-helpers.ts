import { z } from '@hono/zod-openapi';

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: '/problems/not-found' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string(), in: z.enum(['body', 'query', 'path', 'header']) }))
      .optional(),
  })
  .openapi('Problem');

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed or fails validation; `errors` lists the field paths.',
  402: 'The payment was declined.',
  404: 'No such resource.',
  409: 'The request conflicts with the current state.',
  413: 'The request body is too large.',
  422: 'The request is well-formed but refers to something that cannot be used.',
  500: 'An unexpected error; details are in the server log.',
  503: 'A dependency is unavailable.',
};

/** The `responses` entries for the given problem statuses, all `application/problem+json`. */
export function problemResponses<S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: DESCRIPTIONS[status] ?? 'Problem', content: { 'application/problem+json': { schema: ProblemSchema } } },
    ]),
  ) as Record<S, { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }>;
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}
