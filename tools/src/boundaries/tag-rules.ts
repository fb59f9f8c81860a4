import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config-error.js';

/** The subset of `@nx/enforce-module-boundaries` depConstraints this workspace uses. */
export interface DepConstraint {
  sourceTag: string;
  onlyDependOnLibsWithTags?: string[];
  notDependOnLibsWithTags?: string[];
}

export const TAG_RULES_FILE = 'tools/tag-rules.json';

const SUPPORTED_KEYS = new Set(['sourceTag', 'onlyDependOnLibsWithTags', 'notDependOnLibsWithTags']);

/**
 * Reads tools/tag-rules.json, the file eslint.config.mjs hands to @nx/enforce-module-boundaries.
 * A constraint key this checker does not implement is an error, not silently ignored, so the
 * two tools can never disagree about what a rule means.
 */
export function loadTagRules(root: string): DepConstraint[] {
  const file = path.join(root, TAG_RULES_FILE);
  const json = JSON.parse(readFileSync(file, 'utf8')) as { depConstraints?: unknown };
  if (!Array.isArray(json.depConstraints)) throw new ConfigError(`${TAG_RULES_FILE}: "depConstraints" must be an array`);
  return json.depConstraints.map((constraint: Record<string, unknown>, i) => {
    const unsupported = Object.keys(constraint).filter((key) => !SUPPORTED_KEYS.has(key));
    if (unsupported.length > 0) throw new ConfigError(`${TAG_RULES_FILE}: depConstraints[${i}] uses ${unsupported.join(', ')}, which pnpm boundaries does not implement`);
    if (typeof constraint['sourceTag'] !== 'string') throw new ConfigError(`${TAG_RULES_FILE}: depConstraints[${i}].sourceTag must be a string`);
    return constraint as unknown as DepConstraint;
  });
}

/** Nx's tag matching: exact, or a glob where `*` stands for any characters (`scope:*`). */
export function tagMatches(pattern: string, tag: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*')) return pattern === tag;
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`);
  return regex.test(tag);
}

const hasAny = (tags: readonly string[], patterns: readonly string[]) => patterns.some((pattern) => tags.some((tag) => tagMatches(pattern, tag)));

/**
 * Why a project with `sourceTags` may not depend on one with `targetTags`, or `undefined` if it
 * may, with Nx's semantics: every constraint whose sourceTag the source carries must hold, and a
 * source none of whose tags any constraint mentions may depend on nothing.
 */
export function tagViolation(constraints: readonly DepConstraint[], sourceTags: readonly string[], targetTags: readonly string[]): string | undefined {
  const applicable = constraints.filter((constraint) => sourceTags.some((tag) => tagMatches(constraint.sourceTag, tag)));
  if (applicable.length === 0) {
    return `it has no tag that any rule in ${TAG_RULES_FILE} mentions (tags: ${sourceTags.join(', ') || 'none'}), so it may depend on nothing`;
  }
  for (const constraint of applicable) {
    const only = constraint.onlyDependOnLibsWithTags;
    if (only !== undefined && !hasAny(targetTags, only)) {
      return `a project tagged "${constraint.sourceTag}" may depend only on projects tagged ${only.map((tag) => `"${tag}"`).join(' or ')}`;
    }
    const not = constraint.notDependOnLibsWithTags;
    if (not !== undefined && hasAny(targetTags, not)) {
      return `a project tagged "${constraint.sourceTag}" may not depend on projects tagged ${not.map((tag) => `"${tag}"`).join(' or ')}`;
    }
  }
  return undefined;
}
