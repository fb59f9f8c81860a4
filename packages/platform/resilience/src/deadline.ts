import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The moment by which the work in hand must be answered, carried through every `await` of one
 * request (AsyncLocalStorage), so code deep below it (the database layer) can stop waiting in time
 * without every function passing a timeout down.
 */
export interface Deadline {
  /** `performance.now()` at which the budget is spent. */
  readonly at: number;
  /** The budget the deadline was set with, for messages. */
  readonly budgetMs: number;
}

const storage = new AsyncLocalStorage<Deadline>();

/**
 * Runs `work` with a deadline `budgetMs` from now. A deadline never extends an enclosing one:
 * inside a request with 2 s left, `withDeadline(5_000, …)` still ends in 2 s.
 */
export function withDeadline<T>(budgetMs: number, work: () => T): T {
  const at = performance.now() + budgetMs;
  const outer = storage.getStore();
  const deadline = outer && outer.at <= at ? outer : { at, budgetMs };
  return storage.run(deadline, work);
}

/** The deadline of the work in hand, if it has one (background work usually does not). */
export function currentDeadline(): Deadline | undefined {
  return storage.getStore();
}

/** Milliseconds left before the current deadline (0 when past); `Infinity` without a deadline. */
export function remainingMs(): number {
  const deadline = storage.getStore();
  return deadline ? Math.max(0, deadline.at - performance.now()) : Number.POSITIVE_INFINITY;
}
