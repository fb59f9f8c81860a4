import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { currentDeadline, remainingMs, withDeadline } from './deadline.js';

describe('withDeadline', () => {
  it('has no deadline outside, and carries one through awaits and timers inside', async () => {
    expect(currentDeadline()).toBeUndefined();
    expect(remainingMs()).toBe(Number.POSITIVE_INFINITY);
    await withDeadline(1_000, async () => {
      await sleep(20);
      const left = await new Promise<number>((resolve) => setTimeout(() => resolve(remainingMs()), 10));
      expect(left).toBeGreaterThan(800);
      expect(left).toBeLessThanOrEqual(1_000 - 30 + 5);
      expect(currentDeadline()?.budgetMs).toBe(1_000);
    });
    expect(currentDeadline()).toBeUndefined();
  });

  it('never extends an enclosing deadline, but may shorten it', () => {
    withDeadline(100, () => {
      withDeadline(10_000, () => expect(remainingMs()).toBeLessThanOrEqual(100));
      withDeadline(10, () => expect(remainingMs()).toBeLessThanOrEqual(10));
    });
  });

  it('reports 0, not a negative number, once the deadline has passed', async () => {
    await withDeadline(5, async () => {
      await sleep(20);
      expect(remainingMs()).toBe(0);
    });
  });
});
