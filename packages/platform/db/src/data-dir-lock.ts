import { closeSync, linkSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { currentProcessIdentity, isSameLiveProcess, type ProcessIdentity } from './process-identity.js';

/** Lock files this process holds: its own pid in a lock means "held here" only for these. */
const heldHere = new Set<string>();

function readOwner(lockPath: string): ProcessIdentity | null {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  // Older locks held the bare pid.
  if (/^\d+$/.test(text)) return { pid: Number(text) };
  try {
    const parsed = JSON.parse(text) as ProcessIdentity;
    return Number.isInteger(parsed.pid) && parsed.pid > 0 ? parsed : { pid: 0 };
  } catch {
    return { pid: 0 };
  }
}

function ownerIsAlive(owner: ProcessIdentity, lockPath: string): boolean {
  if (owner.pid <= 0) return false;
  const self = currentProcessIdentity();
  // Our own pid: alive only if this very process took the lock (it opened the directory twice).
  // Otherwise it is what a restarted container's pid 1 finds: the lock of its dead predecessor.
  const sameOrUnknown = (key: 'startTime' | 'bootId' | 'pidNamespace') => !owner[key] || !self[key] || owner[key] === self[key];
  if (owner.pid === self.pid && sameOrUnknown('startTime') && sameOrUnknown('bootId') && sameOrUnknown('pidNamespace')) {
    return heldHere.has(lockPath);
  }
  return isSameLiveProcess(owner, self);
}

/** Creates `lockPath` holding `content`, atomically: nobody ever reads a half-written lock. */
function createLock(lockPath: string, content: string): boolean {
  const draft = `${lockPath}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(draft, 'wx');
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(draft, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/**
 * Takes an exclusive lock on a PGlite data directory: `<dir>.lock` records who holds it (pid,
 * process start time, boot id, pid namespace; see `ProcessIdentity`). A lock whose recorded
 * process is not a live, identical process is stale and taken over at once: a crash, `kill -9`,
 * a reboot, a reused pid, or a container whose pid 1 was killed and restarted (it finds its own
 * pid in the lock). Two live processes on one directory still refuse.
 *
 * Why not an mtime-refreshed lock (proper-lockfile): PGlite's WASM start-up blocks the event
 * loop, on a loaded machine for longer than any sensible staleness window, so the refresh timer
 * misses and a second process takes a lock whose owner is alive.
 *
 * Caveat: processes in sibling pid namespaces (two containers sharing one volume) cannot see each
 * other; the second would take the lock of a live first. One data directory belongs to one
 * container; use PostgreSQL (`DATABASE_URL`) to share a database.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = `${dataDir}.lock`;
  const identity = currentProcessIdentity();
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createLock(lockPath, JSON.stringify(identity))) {
      heldHere.add(lockPath);
      return async () => {
        heldHere.delete(lockPath);
        rmSync(lockPath, { force: true });
      };
    }
    const owner = readOwner(lockPath);
    if (owner && ownerIsAlive(owner, lockPath)) {
      throw new Error(
        `The embedded database at ${dataDir} is in use by another process (pid ${owner.pid}, lock: ${lockPath}). ` +
          'Stop that process, point DATA_DIR elsewhere, or set DATABASE_URL to use PostgreSQL.',
      );
    }
    // The owner is gone: the lock is stale; remove it and try again.
    rmSync(lockPath, { force: true });
  }
  throw new Error(`Could not lock ${dataDir}: ${lockPath} keeps reappearing`);
}
