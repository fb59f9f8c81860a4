import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, moduleLogger } from './logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, destination };
}

describe('logger', () => {
  it('writes one JSON line per event with the module name', () => {
    const { lines, destination } = capture();
    const log = moduleLogger(createLogger({ destination }), 'customers');
    log.info({ customerId: 'c1' }, 'customer registered');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ module: 'customers', service: 'shop', msg: 'customer registered', customerId: 'c1' });
    expect(typeof lines[0]?.time).toBe('string');
  });

  it('respects the level', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'warn', destination });
    log.info('hidden');
    log.warn('shown');
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
  });
});
