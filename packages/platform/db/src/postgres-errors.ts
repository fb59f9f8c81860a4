/**
 * True when `error` (or the driver error drizzle wrapped in `cause`) is a unique-constraint
 * violation (SQLSTATE 23505), optionally on a given constraint.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current: unknown = error; current && typeof current === 'object'; current = (current as { cause?: unknown }).cause) {
    const { code, constraint_name, constraint: pgliteConstraint } = current as Record<string, unknown>;
    if (code === '23505') return constraint === undefined || constraint === (constraint_name ?? pgliteConstraint);
  }
  return false;
}
