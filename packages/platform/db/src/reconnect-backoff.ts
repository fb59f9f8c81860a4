/**
 * Seconds postgres.js waits before reconnecting after `failures` failed attempts: 50 ms doubling
 * to at most 1 s, with jitter. Its default grows to 20 s (3^n / 100), so a database that came back
 * after a 10 s outage was not used again for up to 20 s.
 */
export function reconnectBackoffSeconds(failures: number): number {
  const ceiling = Math.min(1, 0.05 * 2 ** failures);
  return ceiling * (0.5 + Math.random() / 2);
}
