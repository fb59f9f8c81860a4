import { describe, expect, it } from 'vitest';
import { DependencyUnavailableError, findDependencyUnavailable } from './dependency-unavailable.js';

describe('DependencyUnavailableError', () => {
  it('says only which dependency and why; the driver error stays in cause', () => {
    const cause = new Error('connect ECONNREFUSED 10.0.0.7:5432');
    const error = new DependencyUnavailableError('database', 'unreachable', { cause });
    expect(error.message).toBe('The database is unavailable (unreachable)');
    expect(error.cause).toBe(cause);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(new DependencyUnavailableError('database', 'overloaded', { retryAfterSeconds: 7 }).retryAfterSeconds).toBe(7);
  });

  it('is found through wrapping errors, and not invented where there is none', () => {
    const inner = new DependencyUnavailableError('database', 'timeout');
    const wrapped = new Error('Failed query: insert …', { cause: new Error('middle', { cause: inner }) });
    expect(findDependencyUnavailable(wrapped)).toBe(inner);
    expect(findDependencyUnavailable(new Error('plain', { cause: new Error('also plain') }))).toBeUndefined();
    expect(findDependencyUnavailable('a string')).toBeUndefined();
    const cyclic = new Error('cyclic') as Error & { cause?: unknown };
    cyclic.cause = cyclic;
    expect(findDependencyUnavailable(cyclic)).toBeUndefined();
  });
});
