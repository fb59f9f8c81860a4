import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAST_RESORT_EXIT_CODE } from '../src/index.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/fail-after-installing.ts', import.meta.url));
const run = (mode: string) =>
  spawnSync(process.execPath, ['--conditions=@shop/source', '--import', 'tsx', FIXTURE, mode], { encoding: 'utf8', timeout: 30_000 });

describe('installLastResortHandlers', () => {
  it.each([
    ['uncaughtException', 'exception', 'thrown from setImmediate'],
    ['unhandledRejection', 'rejection', 'nobody awaited this'],
  ])('%s: one fatal log line, then a non-zero exit', (kind, mode, message) => {
    const result = run(mode);
    expect(result.status).toBe(LAST_RESORT_EXIT_CODE);
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 'fatal', kind });
    expect(lines[0]).toContain(message);
    expect(result.stderr).toBe('');
  });
});
