import type { BoundaryCheck } from '../check.js';
import { finding, type Rule } from '../finding.js';
import { tagValue } from '../workspace.js';

export const exportsMapRule: Rule = {
  id: 'exports-map',
  why: "A module's exports map is its whole public surface; a wildcard (`./*`) or a path into src/internal publishes every internal file, so the deep-import check and TypeScript can no longer tell public from private.",
  fix: "List each public entry by name (`.`, `./events`, `./module`, `./client`, `./contract`), each pointing at one file outside src/internal; move what callers need into the entry's file.",
};

const INTERNAL = /(?:^|\/)internal(?:\/|$)/;

/** Wildcards and internal paths in the `exports` of `type:module` packages, in keys and targets alike. */
export const exportsMapCheck: BoundaryCheck = {
  name: 'exports-map',
  rules: [exportsMapRule],
  run(index) {
    return [...index.workspace.projects.values()].flatMap((project) => {
      if (tagValue(project, 'type:') !== 'module') return [];
      const exports = project.packageJson?.exports;
      if (exports === undefined || exports === null) return [];
      const entries: [string, string[]][] = typeof exports === 'string' ? [['.', [exports]]] : Object.entries(exports as object).map(([key, value]) => [key, targets(value)]);
      const problems: string[] = [];
      for (const [key, paths] of entries) {
        const shown = `"${key}" → ${paths.map((p) => `"${p}"`).join(', ')}`;
        if (key.includes('*') || paths.some((p) => p.includes('*'))) problems.push(`${shown} is a wildcard`);
        else if (INTERNAL.test(key) || paths.some((p) => INTERNAL.test(p))) problems.push(`${shown} exposes an internal path`);
      }
      const line = index.packageJsonLine(project, 'exports');
      return problems.map((problem) =>
        finding(exportsMapRule, {
          message: `${project.name}'s exports map: ${problem}.`,
          where: line === undefined ? { project: project.name } : { project: project.name, file: index.packageJsonPath(project), line },
          owner: index.ownerOf(project.name),
        }),
      );
    });
  },
};

/** Every target string of an exports value, through condition objects and fallback arrays. */
function targets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(targets);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(targets);
  return [];
}
