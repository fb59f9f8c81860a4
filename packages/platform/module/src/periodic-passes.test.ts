import { afterEach, describe, expect, it, vi } from 'vitest';
import { PeriodicPasses } from './periodic-passes.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('PeriodicPasses', () => {
  it('runs a pass at start, then one per interval, at once again while passes report more, and none after stop', async () => {
    vi.useFakeTimers();
    const more = [true, true, false];
    let passes = 0;
    const loop = new PeriodicPasses({ intervalMs: 1_000, pass: async () => (passes++, more.shift() ?? false), onError: () => {} });
    loop.start();
    // (Node, and so the fake clock, runs a 0 ms timer after 1 ms.)
    await vi.advanceTimersByTimeAsync(10);
    // The first pass, and the two it said were waiting, without waiting an interval.
    expect(passes).toBe(3);
    await vi.advanceTimersByTimeAsync(900);
    expect(passes).toBe(3);
    await vi.advanceTimersByTimeAsync(200);
    expect(passes).toBe(4);
    await loop.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(passes).toBe(4);
  });

  it('hands a failing pass to onError and goes on', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let passes = 0;
    const loop = new PeriodicPasses({
      intervalMs: 100,
      pass: async () => {
        passes++;
        if (passes === 1) throw new Error('database away');
      },
      onError: (error) => errors.push(error),
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(passes).toBe(2);
    expect(errors).toEqual([new Error('database away')]);
    await loop.stop();
  });

  it('stop waits for the pass in hand', async () => {
    let finish: (() => void) | undefined;
    let finished = false;
    const loop = new PeriodicPasses({
      intervalMs: 10,
      pass: () => new Promise<void>((resolve) => (finish = () => ((finished = true), resolve()))),
      onError: () => {},
    });
    loop.start();
    await vi.waitFor(() => expect(finish).toBeDefined());
    const stopping = loop.stop();
    expect(finished).toBe(false);
    finish?.();
    await stopping;
    expect(finished).toBe(true);
  });
});
