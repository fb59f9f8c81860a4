import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/**
 * Takes an exclusive lock on a PGlite data directory: `<dir>.lock` holds the owner's pid.
 *
 * Why not an mtime-refreshed lock (proper-lockfile): PGlite's WASM start-up blocks the event
 * loop, on a loaded machine for longer than any sensible staleness window, so the refresh timer
 * misses and a second process takes a lock whose owner is alive. A pid never goes stale while
 * its process lives, and a crashed owner (kill -9) is detected at once instead of after a wait.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return async () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new Error(
          `The embedded database at ${dataDir} is in use by another process (pid ${owner}, lock: ${lockPath}). ` +
            'Stop that process, point DATA_DIR elsewhere, or set DATABASE_URL to use PostgreSQL.',
        );
      }
      // The owner is gone (crash, kill -9): the lock is stale; remove it and try once more.
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}: ${lockPath} keeps reappearing`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still means "alive".
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
