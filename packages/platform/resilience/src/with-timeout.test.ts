import { describe, expect, it } from 'vitest';
import { withDeadline } from './deadline.js';
import { TimeoutError, withTimeout } from './with-timeout.js';

const never = () => new Promise<never>(() => {});

describe('withTimeout', () => {
  it('passes a prompt value or error through', async () => {
    await expect(withTimeout(Promise.resolve(7), 100)).resolves.toBe(7);
    await expect(withTimeout(Promise.reject(new Error('boom')), 100)).rejects.toThrow('boom');
  });

  it('stops waiting after the timeout', async () => {
    const started = performance.now();
    await expect(withTimeout(never(), 50)).rejects.toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('stops at the current deadline when that comes first', async () => {
    const started = performance.now();
    await withDeadline(40, () => expect(withTimeout(never(), 60_000)).rejects.toBeInstanceOf(TimeoutError));
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
