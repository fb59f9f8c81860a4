import { z } from 'zod';

type Success<S extends z.ZodRawShape> = z.ZodObject<{ ok: z.ZodLiteral<true> } & S>;
type Failure<F extends z.ZodRawShape> = z.ZodObject<{ ok: z.ZodLiteral<false> } & F>;

/**
 * The schema of an operation's typed result: `{ ok: true, ...success }` or one of the failures
 * `{ ok: false, code, ... }`. Expected failures are answers, never throws, so every caller (in
 * process or over HTTP) handles them the same way.
 */
export function resultSchema<S extends z.ZodRawShape, const F extends readonly [z.ZodRawShape, ...z.ZodRawShape[]]>(
  success: S,
  ...failures: F
): z.ZodUnion<[Success<S>, ...{ [K in keyof F]: Failure<F[K]> }]> {
  const variants = [z.object({ ok: z.literal(true), ...success }), ...failures.map((failure) => z.object({ ok: z.literal(false), ...failure }))];
  return z.union(variants as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]]) as never;
}
