import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BoundaryCheck } from '../check.js';

/**
 * Every check `pnpm boundaries` runs: each `BoundaryCheck` exported by a file of this directory
 * (tests aside), in file-name order. Adding a rule is adding one file here; nothing else lists
 * it. (This is a tool loading its own files by path, which the unresolvable-import rule leaves to
 * `type:tool` projects; runtime code may not.)
 */
function isBoundaryCheck(value: unknown): value is BoundaryCheck {
  return typeof value === 'object' && value !== null && typeof (value as BoundaryCheck).name === 'string' && Array.isArray((value as BoundaryCheck).rules) && typeof (value as BoundaryCheck).run === 'function';
}

const dir = path.dirname(fileURLToPath(import.meta.url));
const files = readdirSync(dir)
  .filter((name) => /\.[cm]?ts$/.test(name) && !/\.test\.[cm]?ts$/.test(name) && !/^index\.[cm]?ts$/.test(name) && !name.endsWith('.d.ts'))
  .sort();
const loaded = await Promise.all(files.map(async (name) => ({ name, exports: (await import(pathToFileURL(path.join(dir, name)).href)) as Record<string, unknown> })));

export const checks: readonly BoundaryCheck[] = loaded.flatMap(({ exports }) => Object.values(exports).filter(isBoundaryCheck));

// Two checks by one name, or one rule id reported by two checks, would make reports ambiguous.
const names = new Set<string>();
const ruleIds = new Set<string>();
for (const check of checks) {
  if (names.has(check.name)) throw new Error(`two boundary checks are named ${check.name}`);
  names.add(check.name);
  for (const rule of check.rules) {
    if (ruleIds.has(rule.id)) throw new Error(`rule ${rule.id} is declared by two boundary checks`);
    ruleIds.add(rule.id);
  }
}
