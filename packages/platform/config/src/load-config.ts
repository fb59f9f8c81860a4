import type { z } from 'zod';

/** Thrown when the environment does not satisfy the schema; `message` is a single line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    readonly expected: string,
  ) {
    super(`Invalid environment: ${variable}: ${expected}`);
  }
}

/**
 * Reads the environment once, at start-up, through a zod object schema whose keys are
 * variable names. The first problem found becomes a one-line `ConfigError` that names the
 * variable and says what was expected.
 */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.output<S> {
  const source: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    // An empty variable (`PORT=`) means "not set", as in most shells' intent.
    source[key] = value === '' ? undefined : value;
  }
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = String(issue?.path[0] ?? '(environment)');
  const received = source[variable];
  const got = received === undefined ? 'it is not set' : `got ${JSON.stringify(received)}`;
  throw new ConfigError(variable, `${issue?.message ?? 'invalid value'} (${got})`);
}
