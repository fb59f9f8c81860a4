import { DependencyUnavailableError, remainingMs, TimeoutError, withTimeout } from '@shop/platform-resilience';
import { asDatabaseUnavailable } from './database-unavailable.js';

/** Operations that may wait for a connection of one pool, by default (`DB_POOL_MAX_WAITING`). */
export const DEFAULT_POOL_MAX_WAITING = 100;

export interface PoolLimits {
  /** Operations that may hold a connection at once: the pool's size. */
  size: number;
  /** Operations that may wait for one; the next is refused at once (`overloaded`). */
  maxWaiting: number;
}

export interface PoolStats extends PoolLimits {
  name: string;
  active: number;
  waiting: number;
}

interface Waiter {
  admit(): void;
}

/**
 * Admission to one connection pool. postgres.js queues without bound and without a deadline: under
 * an outage or overload every request waits on the pool until its client gives up. The gate does
 * the waiting instead, bounded twice: at most `maxWaiting` operations wait (the next gets
 * `overloaded` at once), and none waits, or runs, past the current deadline (`timeout`).
 *
 * An operation's slot is given back when the driver settles it, not when its caller stops
 * waiting, so the count stays true to what the pool is doing. An operation is one statement or a
 * whole transaction (which holds its connection throughout).
 */
export class PoolGate {
  #active = 0;
  readonly #waiting: Waiter[] = [];

  constructor(
    readonly name: string,
    readonly limits: PoolLimits,
  ) {}

  stats(): PoolStats {
    return { name: this.name, ...this.limits, active: this.#active, waiting: this.#waiting.length };
  }

  /** Runs `operation` once a connection slot is free, waiting and running within the deadline. */
  async run<T>(operation: () => PromiseLike<T>): Promise<T> {
    await this.#admit();
    let running: Promise<T>;
    try {
      running = Promise.resolve(operation());
    } catch (error) {
      this.#release();
      throw asDatabaseUnavailable(error);
    }
    running.then(
      () => this.#release(),
      () => this.#release(),
    );
    return boundByDeadline(running);
  }

  #admit(): Promise<void> {
    const budget = remainingMs();
    if (budget <= 0) return Promise.reject(new DependencyUnavailableError('database', 'timeout'));
    if (this.#active < this.limits.size) {
      this.#active++;
      return Promise.resolve();
    }
    if (this.#waiting.length >= this.limits.maxWaiting) return Promise.reject(new DependencyUnavailableError('database', 'overloaded'));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        admit: () => {
          if (timer) clearTimeout(timer);
          this.#active++;
          resolve();
        },
      };
      const timer = Number.isFinite(budget)
        ? setTimeout(() => {
            this.#waiting.splice(this.#waiting.indexOf(waiter), 1);
            reject(new DependencyUnavailableError('database', 'timeout'));
          }, budget)
        : undefined;
      this.#waiting.push(waiter);
    });
  }

  #release(): void {
    this.#active--;
    this.#waiting.shift()?.admit();
  }
}

/**
 * Waits for `running` until the current deadline at most; a driver error that means "the
 * database is unavailable" becomes `DependencyUnavailableError`. The operation itself goes on
 * (a statement on a dead socket cannot be taken back), only the waiting stops.
 */
export async function boundByDeadline<T>(running: Promise<T>): Promise<T> {
  try {
    return await withTimeout(running, Number.POSITIVE_INFINITY);
  } catch (error) {
    if (error instanceof TimeoutError) throw new DependencyUnavailableError('database', 'timeout', { cause: error });
    throw asDatabaseUnavailable(error);
  }
}
