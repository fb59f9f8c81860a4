import lockfile from 'proper-lockfile';

/**
 * Takes an exclusive lock on a PGlite data directory (`<dir>.lock`). A lock whose owner died
 * goes stale after 10 s, so a crashed process does not block the next start for long.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, { realpath: false, lockfilePath: `${dataDir}.lock`, stale: 10_000, update: 2_000, retries: 0 });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') {
      throw new Error(
        `The embedded database at ${dataDir} is in use by another process (lock: ${dataDir}.lock). ` +
          'Stop that process, point DATA_DIR elsewhere, or set DATABASE_URL to use PostgreSQL.',
      );
    }
    throw error;
  }
}
