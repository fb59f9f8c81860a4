import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { provisionTestDatabase, type TestDatabaseTarget } from '@shop/platform-testing';

const MONOLITH_MAIN = fileURLToPath(new URL('../../monolith/src/main.ts', import.meta.url));

/**
 * A test-only entry of the same monolith with fault points wired in (`FAULT_*` variables): never
 * part of the production composition, which is `MONOLITH_MAIN`.
 */
export const MONOLITH_WITH_FAULT_POINTS = fileURLToPath(new URL('../../monolith/test/fault-points/main-with-fault-points.ts', import.meta.url));

export interface MonolithProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Every JSON log line the process has written so far. */
  logs: Record<string, unknown>[];
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `apps/monolith` (or another `entry` of it) as a child process on an ephemeral port and waits until it listens. */
export function startMonolith(env: Record<string, string | undefined>, timeoutMs = 60_000, entry = MONOLITH_MAIN): Promise<MonolithProcess> {
  const child = spawn(process.execPath, ['--conditions=@shop/source', '--import', 'tsx', entry], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { stdout, stderr: errors } = child;
  if (!stdout || !errors) throw new Error('spawn did not give piped stdio');
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`monolith did not start within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    let buffered = '';
    stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(line);
        } catch {
          continue;
        }
        logs.push(entry);
        if (typeof entry['port'] === 'number' && String(entry['msg']).startsWith('listening')) {
          clearTimeout(timer);
          resolve({
            baseUrl: `http://127.0.0.1:${entry['port']}`,
            child,
            logs,
            exited,
            async stop(signal = 'SIGTERM') {
              if (child.exitCode === null && child.signalCode === null) child.kill(signal);
              return exited;
            },
          });
        }
      }
    });
    errors.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`monolith exited before listening (code ${code}, signal ${signal})\n${stderr}`));
    });
  });
}

/** A database for one monolith: a fresh PostgreSQL database, or a fresh PGlite directory. */
export async function freshMonolithDatabase(label: string): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }> {
  const target: TestDatabaseTarget = await provisionTestDatabase(label);
  if (target.url) return { env: { DATABASE_URL: target.url }, cleanup: target.drop };
  const dir = mkdtempSync(path.join(tmpdir(), 'monolith-e2e-'));
  return {
    env: { DATA_DIR: path.join(dir, 'pglite') },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Runs `apps/monolith` expecting it to stop by itself (a start-up failure): resolves with its exit
 * code, every JSON log line and stderr, or rejects if it is still running after `timeoutMs`.
 */
export function runMonolithToExit(
  env: Record<string, string | undefined>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; logs: Record<string, unknown>[]; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--conditions=@shop/source', '--import', 'tsx', MONOLITH_MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`monolith still running after ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const logs = stdout
        .split('\n')
        .filter(Boolean)
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        });
      resolve({ code, logs, stdout, stderr, ms: performance.now() - started });
    });
  });
}
