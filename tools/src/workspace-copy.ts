import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORKSPACE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface WorkspaceCopy {
  root: string;
  /** Writes (or overwrites) a file, relative to the copy's root. */
  write(file: string, content: string): void;
  read(file: string): string;
  /** Edits a JSON file in place. */
  editJson(file: string, edit: (json: Record<string, unknown>) => void): void;
  /** Links `packageName` into `fromDir`'s node_modules, as `pnpm install` would for a new dependency. */
  linkPackage(fromDir: string, packageName: string, targetDir: string): void;
  /**
   * Links every dependency `dir/package.json` declares into `dir/node_modules`, as an offline
   * `pnpm install` would for a package created in the copy. Workspace packages link to their
   * directory in the copy; registry packages to the store entry another package already uses.
   * (A real `pnpm install` in the copy would write through the symlinked root node_modules into
   * the real install.)
   */
  installLinks(dir: string): void;
  /** Runs a command in the copy; never throws, returns status and output. */
  run(command: string, args: string[], options?: { cwd?: string; env?: Record<string, string> }): SpawnSyncReturns<string>;
  remove(): void;
}

/**
 * A throwaway copy of this workspace for tests that plant violations or generate code: every
 * file git tracks (or would track), with `node_modules` reproduced as links into the real
 * install, so tools run in the copy exactly as in the repository, in seconds.
 */
export function copyWorkspace(source = WORKSPACE_ROOT): WorkspaceCopy {
  const root = mkdtempSync(path.join(tmpdir(), 'shop-workspace-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: source, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const from = path.join(source, file);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    cpSync(from, path.join(root, file));
  }
  // The root install is linked whole; each package's node_modules holds relative symlinks (to
  // the root store and to sibling packages), which resolve correctly inside the copy.
  symlinkSync(path.join(source, 'node_modules'), path.join(root, 'node_modules'));
  const packageDirs = new Set(files.filter((f) => f.endsWith('package.json')).map((f) => path.dirname(f)));
  for (const dir of packageDirs) {
    const modules = path.join(source, dir, 'node_modules');
    if (dir !== '.' && existsSync(modules)) cpSync(modules, path.join(root, dir, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  }
  return {
    root,
    write(file, content) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), content);
    },
    read(file) {
      return readFileSync(path.join(root, file), 'utf8');
    },
    editJson(file, edit) {
      const json = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
      edit(json);
      writeFileSync(path.join(root, file), `${JSON.stringify(json, null, 2)}\n`);
    },
    linkPackage(fromDir, packageName, targetDir) {
      const link = path.join(root, fromDir, 'node_modules', packageName);
      mkdirSync(path.dirname(link), { recursive: true });
      rmSync(link, { force: true, recursive: true });
      symlinkSync(path.relative(path.dirname(link), path.join(root, targetDir)), link);
    },
    installLinks(dir) {
      const manifest = (d: string) => JSON.parse(readFileSync(path.join(root, d, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
      const workspaceDirs = new Map<string, string>();
      for (const d of workspacePackageDirs(root)) workspaceDirs.set(String(manifest(d)['name']), d);
      const json = manifest(dir);
      for (const dependency of Object.keys({ ...json['dependencies'], ...json['devDependencies'] })) {
        const link = path.join(root, dir, 'node_modules', dependency);
        if (existsSync(link)) continue; // already installed
        rmSync(link, { force: true, recursive: true }); // a dangling link
        mkdirSync(path.dirname(link), { recursive: true });
        const workspaceDir = workspaceDirs.get(dependency);
        if (workspaceDir) {
          symlinkSync(path.relative(path.dirname(link), path.join(root, workspaceDir)), link);
          continue;
        }
        const installed = [...workspaceDirs.values()].map((d) => path.join(root, d, 'node_modules', dependency)).find((p) => existsSync(p));
        if (!installed) throw new Error(`${dependency} is not installed for any package of the workspace; run pnpm install in the repository first`);
        symlinkSync(realpathSync(installed), link);
      }
    },
    run(command, args, options = {}) {
      return spawnSync(command, args, {
        cwd: path.join(root, options.cwd ?? '.'),
        encoding: 'utf8',
        // Coverage measures the real packages in CI; a copy's runs only need pass or fail.
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', COVERAGE: 'false', ...options.env },
        maxBuffer: 64 * 1024 * 1024,
      });
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Directories (relative to `root`) holding a workspace package, per pnpm-workspace.yaml's simple globs. */
function workspacePackageDirs(root: string): string[] {
  const yaml = readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  const packagesBlock = /^packages:\n((?:[ \t]+.*\n?)*)/m.exec(yaml)?.[1] ?? '';
  const patterns = [...packagesBlock.matchAll(/^\s+-\s+['"]?([^'"\s]+)['"]?\s*$/gm)].map((m) => m[1] ?? '').filter((p) => !p.startsWith('!'));
  const dirs: string[] = [];
  for (const pattern of patterns) {
    const candidates = pattern.endsWith('/*')
      ? readdirSync(path.join(root, pattern.slice(0, -2)), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `${pattern.slice(0, -2)}/${e.name}`)
      : [pattern];
    dirs.push(...candidates.filter((d) => existsSync(path.join(root, d, 'package.json'))));
  }
  return dirs;
}
