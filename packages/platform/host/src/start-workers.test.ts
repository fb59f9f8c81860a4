import { describe, expect, it } from 'vitest';
import { createLogger } from '@shop/platform-logging';
import type { Worker } from '@shop/platform-module';
import { startWorkers } from './start-workers.js';

const logger = createLogger({ level: 'silent' });
const worker = (name: string, log: string[], failStart = false): { name: string; worker: Worker } => ({
  name,
  worker: {
    name,
    start: async () => {
      if (failStart) throw new Error(`${name} cannot start`);
      log.push(`start ${name}`);
    },
    stop: async () => {
      log.push(`stop ${name}`);
    },
  },
});

describe('startWorkers', () => {
  it('starts in order and stops in reverse order', async () => {
    const log: string[] = [];
    const running = await startWorkers([worker('a', log), worker('b', log)], logger);
    await running.stop();
    expect(log).toEqual(['start a', 'start b', 'stop b', 'stop a']);
  });

  it('stops the workers already started when one fails to start', async () => {
    const log: string[] = [];
    await expect(startWorkers([worker('a', log), worker('b', log, true)], logger)).rejects.toThrow('b cannot start');
    expect(log).toEqual(['start a', 'stop a']);
  });
});
