import type { BoundaryCheck } from '../check.js';
import { finding, type Rule } from '../finding.js';

export const deepImportRule: Rule = {
  id: 'deep-import',
  why: "A package's exports map is its whole public contract; importing anything else ties you to internals its owners may change at any time (and Node and TypeScript refuse such paths).",
  fix: "Import from the package's root entry (e.g. `@shop/customers`); if what you need is not exported there, ask the owning team to add it to the public API.",
};

/**
 * Imports of a path outside another package's `exports` map (static, dynamic, `require`,
 * type-only and re-exports alike), and relative paths or aliases (tsconfig `paths`, package.json
 * `imports`) that reach into another package's folder.
 */
export const deepImportCheck: BoundaryCheck = {
  name: 'exports',
  rules: [deepImportRule],
  run(index) {
    return index.resolvedImports.flatMap((resolved) => {
      const { site, target } = resolved;
      let message: string;
      if (resolved.kind === 'relative') {
        message = `'${site.specifier}' reaches into ${target.name} by relative path (${resolved.resolvedPath}), around its exports map.`;
      } else if (resolved.kind === 'alias') {
        message = `'${site.specifier}' reaches into ${target.name} through ${resolved.via} (${resolved.resolvedPath}), around its exports map.`;
      } else if (isExported(target.packageJson?.exports, resolved.subpath)) {
        return [];
      } else {
        const entries = exportedSubpaths(target.packageJson?.exports);
        const spelled = resolved.via === undefined ? `'${site.specifier}'` : `'${site.specifier}' (${resolved.via}: '${target.packageJson?.name ?? target.name}${resolved.subpath.slice(1)}')`;
        message = `${spelled} is not in ${target.name}'s exports map (it exports ${entries.length > 0 ? entries.map((entry) => `'${entry}'`).join(', ') : 'nothing'}).`;
      }
      return [finding(deepImportRule, { message, where: { project: site.project, file: site.file, line: site.line }, owner: index.ownerOf(target.name) })];
    });
  },
};

/** The subpaths a package.json `exports` value opens (`.`, `./module`, `./features/*`). */
export function exportedSubpaths(exports: unknown): string[] {
  if (exports === undefined || exports === null) return [];
  if (typeof exports === 'string' || Array.isArray(exports)) return ['.'];
  const keys = Object.keys(exports as object);
  // An object of conditions (`{ "import": …, "default": … }`) is the root entry alone.
  if (keys.length > 0 && keys.every((key) => !key.startsWith('.'))) return ['.'];
  return keys.filter((key) => (exports as Record<string, unknown>)[key] !== null);
}

/** Whether Node would resolve `subpath` through this `exports` value (exact keys and `*` patterns; `null` blocks). */
export function isExported(exports: unknown, subpath: string): boolean {
  // No exports map at all: nothing is public, by the rules of the house.
  if (exports === undefined || exports === null) return false;
  if (typeof exports !== 'object' || Array.isArray(exports)) return subpath === '.';
  const map = exports as Record<string, unknown>;
  if (Object.keys(map).every((key) => !key.startsWith('.'))) return subpath === '.';
  if (Object.hasOwn(map, subpath)) return map[subpath] !== null;
  // Node picks the matching pattern with the longest prefix.
  const patterns = Object.keys(map)
    .filter((key) => {
      const star = key.indexOf('*');
      return star >= 0 && subpath.startsWith(key.slice(0, star)) && subpath.endsWith(key.slice(star + 1)) && subpath.length >= key.length - 1;
    })
    .sort((a, b) => b.indexOf('*') - a.indexOf('*'));
  return patterns.length > 0 && map[patterns[0] as string] !== null;
}
