import { describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';

describe('eventually', () => {
  it('returns the value of the first attempt that does not throw', async () => {
    let attempts = 0;
    const value = await eventually(() => {
      attempts++;
      if (attempts < 3) throw new Error('not yet');
      return 'done';
    }, { intervalMs: 1 });
    expect(value).toBe('done');
    expect(attempts).toBe(3);
  });

  it('rethrows the last failure once the time is up', async () => {
    let attempts = 0;
    await expect(
      eventually(() => {
        attempts++;
        throw new Error(`attempt ${attempts}`);
      }, { timeoutMs: 30, intervalMs: 5 }),
    ).rejects.toThrow(/^attempt \d+$/);
    expect(attempts).toBeGreaterThan(1);
  });
});
