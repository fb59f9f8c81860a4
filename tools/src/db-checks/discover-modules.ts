import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface WorkspaceModule {
  /** The module's name: its `scope:` tag, which is also its Postgres schema. */
  name: string;
  /** Package directory, relative to the workspace root. */
  dir: string;
  /** Its `team:` tag. */
  team?: string;
}

const SKIP = new Set(['node_modules', 'dist', 'out-tsc', '.git', '.nx', '.data', 'tmp']);

/**
 * Every package tagged `type:module`, found by walking the workspace's package.json files: no
 * list to keep in step, so a new module is checked the moment it exists.
 */
export function discoverModules(workspaceRoot: string): WorkspaceModule[] {
  const modules: WorkspaceModule[] = [];
  const walk = (dir: string, depth: number) => {
    const manifest = path.join(dir, 'package.json');
    if (dir !== workspaceRoot && existsSync(manifest)) {
      const tags: string[] = JSON.parse(readFileSync(manifest, 'utf8'))?.nx?.tags ?? [];
      const scope = tags.find((t) => t.startsWith('scope:'))?.slice('scope:'.length);
      if (tags.includes('type:module') && scope) {
        const team = tags.find((t) => t.startsWith('team:'))?.slice('team:'.length);
        modules.push({ name: scope, dir: path.relative(workspaceRoot, dir), ...(team ? { team } : {}) });
      }
    }
    if (depth >= 4) return;
    for (const entry of readdirSync(dir)) {
      if (SKIP.has(entry) || entry.startsWith('.')) continue;
      const child = path.join(dir, entry);
      if (statSync(child).isDirectory()) walk(child, depth + 1);
    }
  };
  walk(workspaceRoot, 0);
  return modules.sort((a, b) => a.name.localeCompare(b.name));
}

/** Files under `dir` whose names end with one of `extensions`, test files and generated folders excluded. */
export function filesUnder(dir: string, extensions: readonly string[]): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (SKIP.has(entry)) continue;
    const child = path.join(dir, entry);
    if (statSync(child).isDirectory()) found.push(...filesUnder(child, extensions));
    else if (extensions.some((e) => entry.endsWith(e)) && !/\.test\.ts$/.test(entry)) found.push(child);
  }
  return found.sort();
}
