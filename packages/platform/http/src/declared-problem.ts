import { ProblemError, type Problem } from './problem.js';

/** A module's declared expected failures (see `defineErrors` in @shop/platform-module). */
export type DeclaredErrors = Readonly<Record<string, { status: number; title: string }>>;

/** The problem `type` slug of an error code: `card_declined` → `card-declined`. */
export function problemSlugOf(code: string): string {
  return code.replace(/_/g, '-');
}

/**
 * The HTTP answer for a declared error code: its declared status, `type` derived from the code,
 * the code itself as `code` (what a service client maps back to the typed result), and the
 * declared title as detail unless a more specific one is given.
 */
export function declaredProblem<E extends DeclaredErrors>(errors: E, code: keyof E & string, detail?: string, extra: Partial<Problem> = {}): ProblemError {
  const declared = errors[code];
  if (!declared) throw new Error(`Error code "${code}" is not declared`);
  return new ProblemError(declared.status, problemSlugOf(code), detail ?? declared.title, { code, ...extra });
}
