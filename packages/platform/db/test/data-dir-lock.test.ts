import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../src/data-dir-lock.js';
import { currentProcessIdentity, isSameLiveProcess, type ProcessIdentity } from '../src/process-identity.js';

const HOLDER = fileURLToPath(new URL('./fixtures/lock-holder/hold-data-dir-lock.ts', import.meta.url));
const NODE_ARGS = ['--conditions=@shop/source', '--import', 'tsx', HOLDER];
const root = mkdtempSync(path.join(tmpdir(), 'data-dir-lock-'));
let counter = 0;
const freshDir = () => path.join(root, `db${++counter}`);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Starts a lock holder and resolves with its first line of output (locked or refused). */
function startHolder(command: string, args: string[]): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ child, line: out.split('\n')[0] ?? '' });
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`holder exited (${code}) before speaking: ${err}`)));
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('the PGlite data-directory lock', () => {
  it('refuses a second opener in the same process, and frees the directory on release', async () => {
    const dir = freshDir();
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toThrow(/in use by another process \(pid \d+/);
    await release();
    await (await lockDataDir(dir))();
  });

  it('refuses while another live process holds it; takes it over at once when that process is killed -9', async () => {
    const dir = freshDir();
    const holder = await startHolder(process.execPath, [...NODE_ARGS, dir]);
    try {
      expect(holder.line).toMatch(/^locked by pid \d+$/);
      await expect(lockDataDir(dir)).rejects.toThrow(new RegExp(`pid ${holder.child.pid}`));
    } finally {
      await killed(holder.child);
    }
    await (await lockDataDir(dir))();
  });

  it('treats a lock naming its own pid as stale unless this very process took it (the restarted pid-1 case, old lock format too)', async () => {
    const self = currentProcessIdentity();
    const reusedPid = freshDir();
    writeFileSync(`${reusedPid}.lock`, JSON.stringify({ ...self, startTime: '1' }));
    await (await lockDataDir(reusedPid))();
    const legacy = freshDir();
    writeFileSync(`${legacy}.lock`, String(process.pid));
    const release = await lockDataDir(legacy);
    expect(JSON.parse(readFileSync(`${legacy}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    await release();
  });

  it.runIf(currentProcessIdentity().bootId)('treats a lock from another boot as stale, even when its pid is alive now', async () => {
    const dir = freshDir();
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: 1, startTime: '1', bootId: '00000000-0000-0000-0000-000000000000' }));
    await (await lockDataDir(dir))();
  });
});

/** Why a child in a new pid namespace cannot be started here, or null. */
function unshareUnavailable(): string | null {
  if (process.platform !== 'linux') return 'pid namespaces are Linux only';
  const probe = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', '--kill-child', 'true'], { encoding: 'utf8' });
  if (probe.error) return `unshare is not installed (${probe.error.message})`;
  if (probe.status !== 0) return `unshare --pid --fork --mount-proc needs privileges here: ${probe.stderr.trim()}`;
  return null;
}
const noNamespaces = unshareUnavailable();
if (noNamespaces) console.warn(`pid-1 restart test skipped: ${noNamespaces}`);

describe.skipIf(noNamespaces !== null)('the PGlite data-directory lock held by a container-like pid 1', () => {
  const asPid1 = (dir: string) => startHolder('unshare', ['--pid', '--fork', '--mount-proc', '--kill-child', process.execPath, ...NODE_ARGS, dir]);

  it('a pid 1 killed -9 and started again in a new pid namespace takes its lock back; a live one is still seen from the host', async () => {
    const dir = freshDir();
    const first = await asPid1(dir);
    try {
      expect(first.line).toBe('locked by pid 1');
      expect(JSON.parse(readFileSync(`${dir}.lock`, 'utf8'))).toMatchObject({ pid: 1 });
      // From the host (an ancestor pid namespace) the live pid 1 is visible: still refused.
      await expect(lockDataDir(dir)).rejects.toThrow(/pid 1\b/);
    } finally {
      await killed(first.child); // --kill-child: the namespace's pid 1 dies with unshare
    }
    const recorded = JSON.parse(readFileSync(`${dir}.lock`, 'utf8')) as ProcessIdentity;
    await expect.poll(() => isSameLiveProcess(recorded), { timeout: 10_000 }).toBe(false);
    // The restart finds "pid 1" in the lock, which is its own pid: it must start all the same.
    const second = await asPid1(dir);
    try {
      expect(second.line).toBe('locked by pid 1');
    } finally {
      await killed(second.child);
    }
  }, 60_000);
});
