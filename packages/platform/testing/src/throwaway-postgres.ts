import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

/**
 * A PostgreSQL cluster of a test's own, in a temporary directory, on a free port, with trust
 * auth: the one thing a fault-injection test may stop, restart or kill without disturbing the
 * shared server other suites use. Made with `initdb` and driven with `pg_ctl` (as the `postgres`
 * user through `runuser` when the test runs as root, since PostgreSQL refuses to run as root).
 */
export interface ThrowawayPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Starts the server and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops it (`fast`: roll back open transactions, close every connection) and waits. */
  stop(mode?: 'smart' | 'fast' | 'immediate'): Promise<void>;
  /** `pg_ctl restart`: every connection is closed, the server is back when it resolves. */
  restart(mode?: 'smart' | 'fast' | 'immediate'): Promise<void>;
  /** Stops the server (immediate) and deletes the cluster. Safe to call twice. */
  destroy(): Promise<void>;
}

const BIN_DIR_CANDIDATES = ['/usr/lib/postgresql', '/usr/local/pgsql'];

/** Where `initdb` and `pg_ctl` live: `PG_BIN_DIR`, else the newest `/usr/lib/postgresql/<v>/bin`. */
function findBinDir(): string | null {
  const fromEnv = process.env['PG_BIN_DIR'];
  if (fromEnv) return existsSync(path.join(fromEnv, 'initdb')) ? fromEnv : null;
  for (const root of BIN_DIR_CANDIDATES) {
    if (!existsSync(root)) continue;
    const direct = path.join(root, 'bin');
    if (existsSync(path.join(direct, 'initdb'))) return direct;
    const versions = readdirSync(root)
      .filter((name) => /^\d+$/.test(name) && existsSync(path.join(root, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin');
  }
  return null;
}

const runsAsRoot = () => userInfo().uid === 0;

/**
 * Why a throwaway cluster cannot be made here, or `null` when it can. A suite that needs one
 * skips with this sentence (a CI service container, say, cannot be restarted from the job).
 */
export function throwawayPostgresUnavailableReason(): string | null {
  if (process.platform === 'win32') return 'throwaway PostgreSQL clusters are not supported on Windows';
  if (!findBinDir()) return 'no PostgreSQL server binaries (initdb, pg_ctl) found; set PG_BIN_DIR or install postgresql';
  if (runsAsRoot()) {
    if (spawnSync('runuser', ['--help'], { stdio: 'ignore' }).error) return 'running as root without runuser to drop to the postgres user';
    if (spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status !== 0) return 'running as root and there is no postgres user to run the server as';
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Creates and starts a cluster; throws with the reason when `throwawayPostgresUnavailableReason()` is not null. */
export async function startThrowawayPostgres(label = 'pg'): Promise<ThrowawayPostgres> {
  const unavailable = throwawayPostgresUnavailableReason();
  if (unavailable) throw new Error(unavailable);
  const bin = findBinDir() as string;
  const root = mkdtempSync(path.join(tmpdir(), `throwaway-${label.replace(/[^a-z0-9]+/gi, '-')}-`));
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'server.log');
  const asRoot = runsAsRoot();
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(root, uid, gid);
  }
  const command = (tool: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
  // Asynchronous on purpose: a restart must not freeze the caller's event loop, or the clients
  // under test would never see their connections drop while it happens.
  const run = (tool: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const [file, argv] = command(tool, args);
      execFile(file, argv, { encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${tool} ${args.join(' ')} failed: ${stderr || stdout || error.message}`)) : resolve(),
      );
    });

  await run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  // No fsync: the cluster is thrown away; the unix socket lives in the cluster's own directory.
  const serverOptions = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`;
  const pgCtl = (action: string, extra: string[] = []) => run('pg_ctl', [action, '-D', dataDir, '-w', '-t', '60', ...extra]);
  let destroyed = false;
  // Synchronous: it also runs from the process's `exit` hook, where nothing asynchronous happens.
  const stopOnExit = () => {
    const [file, argv] = command('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
    spawnSync(file, argv, { stdio: 'ignore', timeout: 60_000 });
  };
  process.once('exit', stopOnExit);

  const cluster: ThrowawayPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    start: () => pgCtl('start', ['-l', logFile, '-o', serverOptions]),
    stop: (mode = 'fast') => pgCtl('stop', ['-m', mode]),
    restart: (mode = 'fast') => pgCtl('restart', ['-m', mode, '-l', logFile, '-o', serverOptions]),
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      process.removeListener('exit', stopOnExit);
      stopOnExit();
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    await cluster.start();
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
  return cluster;
}
