import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One `compilerOptions.paths` entry of a tsconfig file: an alias TypeScript (and bundlers) resolve to files. */
export interface PathAlias {
  /** Workspace-relative tsconfig file, and the line of the alias in it. */
  file: string;
  line: number;
  /** The project whose tsconfig declares it; `undefined` for the workspace root's, which every project extends. */
  project: string | undefined;
  /** `@legacy/*`, `#customers`. */
  pattern: string;
  /** What it maps to, workspace-relative (`packages/customers/src/*`). */
  targets: string[];
}

/**
 * Every `paths` alias of the root tsconfig files and each project's. This workspace resolves
 * packages by name through pnpm links and `exports`, so it declares none; they are read to
 * check them (an alias into a package hides an edge) and to resolve imports made through one.
 */
export function loadPathAliases(workspaceRoot: string, projects: readonly { name: string; root: string }[]): PathAlias[] {
  const aliases: PathAlias[] = [];
  const dirs: [string, string | undefined][] = [['.', undefined], ...projects.filter((p) => p.root !== '.').map((p): [string, string] => [p.root, p.name])];
  for (const [dir, project] of dirs) {
    const absolute = path.join(workspaceRoot, dir);
    if (!existsSync(absolute)) continue;
    for (const name of readdirSync(absolute).filter((entry) => /^tsconfig.*\.json$/.test(entry)).sort()) {
      const file = dir === '.' ? name : `${dir}/${name}`;
      const text = readFileSync(path.join(workspaceRoot, file), 'utf8');
      if (!text.includes('"paths"')) continue;
      const { config } = ts.parseConfigFileTextToJson(file, text) as { config?: { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } } };
      const options = config?.compilerOptions;
      const base = path.posix.join(dir, options?.baseUrl ?? '.');
      for (const [pattern, targets] of Object.entries(options?.paths ?? {})) {
        const line = text.split('\n').findIndex((l) => l.includes(JSON.stringify(pattern))) + 1;
        aliases.push({ file, line: line || 1, project, pattern, targets: targets.map((target) => path.posix.normalize(path.posix.join(base, target))) });
      }
    }
  }
  return aliases;
}

/** The workspace-relative path `specifier` resolves to through `alias`, or `undefined` when it does not match. */
export function resolveAlias(alias: PathAlias, specifier: string): string | undefined {
  const star = alias.pattern.indexOf('*');
  const target = alias.targets[0];
  if (target === undefined) return undefined;
  if (star < 0) return specifier === alias.pattern ? target : undefined;
  const prefix = alias.pattern.slice(0, star);
  const suffix = alias.pattern.slice(star + 1);
  if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix) || specifier.length < prefix.length + suffix.length) return undefined;
  return target.replace('*', specifier.slice(prefix.length, specifier.length - suffix.length));
}
