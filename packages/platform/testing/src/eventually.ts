export interface EventuallyOptions {
  /** Give up after this long (default 10 s); the last failure is rethrown. */
  timeoutMs?: number;
  /** Pause between attempts (default 20 ms). */
  intervalMs?: number;
}

/**
 * Retries `probe` until it stops throwing, then returns its value: how a test waits for an
 * asynchronous effect (an event delivered, a process ready) without sleeping for a fixed time.
 * Put the assertions inside the probe; when time runs out the last assertion error is thrown.
 */
export async function eventually<T>(probe: () => T | Promise<T>, options: EventuallyOptions = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const interval = options.intervalMs ?? 20;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
