import type { Logger } from '@shop/platform-logging';
import type { Worker } from '@shop/platform-module';

/**
 * Starts every module worker (after the dispatcher, so their events flow) and returns how to
 * stop them, in reverse order. A worker that fails to stop is logged and the others still stop.
 */
export async function startWorkers(workers: readonly { name: string; worker: Worker }[], logger: Logger): Promise<{ stop(): Promise<void> }> {
  const started: { name: string; worker: Worker }[] = [];
  try {
    for (const entry of workers) {
      await entry.worker.start();
      started.push(entry);
      logger.info({ worker: entry.name }, 'worker started');
    }
  } catch (error) {
    await stopAll(started, logger);
    throw error;
  }
  return { stop: () => stopAll(started, logger) };
}

async function stopAll(started: { name: string; worker: Worker }[], logger: Logger): Promise<void> {
  for (const { name, worker } of started.splice(0).reverse()) {
    try {
      await worker.stop();
      logger.info({ worker: name }, 'worker stopped');
    } catch (error) {
      logger.error({ err: error, worker: name }, 'worker failed to stop');
    }
  }
}
