import { DependencyUnavailableError, withDeadline } from '@shop/platform-resilience';
import { describe, expect, it } from 'vitest';
import { PoolGate } from './pool-gate.js';

/** A promise settled from outside: stands for a statement the driver is still running. */
function pending<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
}

const reasonOf = (error: unknown) => (error instanceof DependencyUnavailableError ? error.reason : String(error));

describe('PoolGate', () => {
  it('runs up to `size` operations at once and admits waiters in order as slots free up', async () => {
    const gate = new PoolGate('test', { size: 2, maxWaiting: 5 });
    const first = pending<string>();
    const second = pending<string>();
    const order: string[] = [];
    const a = gate.run(() => first.promise);
    const b = gate.run(() => second.promise);
    const c = gate.run(async () => (order.push('c'), 'c'));
    const d = gate.run(async () => (order.push('d'), 'd'));
    await Promise.resolve();
    expect(gate.stats()).toMatchObject({ active: 2, waiting: 2, size: 2, maxWaiting: 5 });
    first.resolve('a');
    second.resolve('b');
    expect(await Promise.all([a, b, c, d])).toEqual(['a', 'b', 'c', 'd']);
    expect(order).toEqual(['c', 'd']);
    expect(gate.stats()).toMatchObject({ active: 0, waiting: 0 });
  });

  it('refuses at once when the wait queue is full (overloaded), instead of queueing without bound', async () => {
    const gate = new PoolGate('test', { size: 1, maxWaiting: 1 });
    const held = pending();
    const running = gate.run(() => held.promise);
    const waiting = gate.run(async () => 'waited');
    const started = performance.now();
    const refused = await gate.run(async () => 'never').catch((error: unknown) => error);
    expect(reasonOf(refused)).toBe('overloaded');
    expect(performance.now() - started).toBeLessThan(50);
    held.resolve();
    await running;
    expect(await waiting).toBe('waited');
  });

  it('stops waiting for a slot at the deadline (timeout), and the slot count stays right', async () => {
    const gate = new PoolGate('test', { size: 1, maxWaiting: 10 });
    const held = pending();
    const running = gate.run(() => held.promise);
    const started = performance.now();
    const late = await withDeadline(60, () => gate.run(async () => 'late')).catch((error: unknown) => error);
    expect(reasonOf(late)).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(500);
    expect(gate.stats()).toMatchObject({ active: 1, waiting: 0 });
    held.resolve();
    await running;
    expect(await gate.run(async () => 'next')).toBe('next');
  });

  it('stops waiting for a running operation at the deadline, but keeps its slot until the driver settles it', async () => {
    const gate = new PoolGate('test', { size: 1, maxWaiting: 10 });
    const stuck = pending();
    const started = performance.now();
    const outcome = await withDeadline(50, () => gate.run(() => stuck.promise)).catch((error: unknown) => error);
    expect(reasonOf(outcome)).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(500);
    // A statement on a dead socket still holds its connection: the gate must not pretend otherwise.
    expect(gate.stats().active).toBe(1);
    stuck.reject(Object.assign(new Error('write CONNECTION_CLOSED'), { code: 'CONNECTION_CLOSED' }));
    await expect.poll(() => gate.stats().active).toBe(0);
  });

  it('refuses immediately once the deadline has passed, and turns outage errors into DependencyUnavailableError', async () => {
    const gate = new PoolGate('test', { size: 1, maxWaiting: 1 });
    await withDeadline(0, async () => expect(reasonOf(await gate.run(async () => 'x').catch((e: unknown) => e))).toBe('timeout'));
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const error = await gate.run(() => Promise.reject(refused)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect((error as DependencyUnavailableError).cause).toBe(refused);
    const statementError = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(await gate.run(() => Promise.reject(statementError)).catch((e: unknown) => e)).toBe(statementError);
    expect(gate.stats().active).toBe(0);
  });
});
