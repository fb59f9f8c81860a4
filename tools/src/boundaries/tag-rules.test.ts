import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadTagRules, tagMatches, tagViolation } from './tag-rules.js';

describe('tagViolation', () => {
  const rules = [
    { sourceTag: 'type:module', onlyDependOnLibsWithTags: ['type:module', 'type:platform'] },
    { sourceTag: 'scope:*', notDependOnLibsWithTags: ['type:tool'] },
  ];

  it('allows what every applicable constraint allows', () => {
    expect(tagViolation(rules, ['type:module', 'scope:orders'], ['type:platform'])).toBeUndefined();
  });

  it('names the onlyDependOnLibsWithTags constraint that fails', () => {
    expect(tagViolation(rules, ['type:module'], ['type:app'])).toBe('a project tagged "type:module" may depend only on projects tagged "type:module" or "type:platform"');
  });

  it('names the notDependOnLibsWithTags constraint that fails, matching globs', () => {
    expect(tagViolation(rules, ['scope:orders'], ['type:tool'])).toBe('a project tagged "scope:*" may not depend on projects tagged "type:tool"');
  });

  it('lets a project none of whose tags a rule mentions depend on nothing, as Nx does', () => {
    expect(tagViolation(rules, ['team:x'], ['type:platform'])).toMatch(/it has no tag that any rule in tools\/tag-rules.json mentions \(tags: team:x\)/);
  });

  it('matches tags exactly or by * glob', () => {
    expect(tagMatches('type:module', 'type:module')).toBe(true);
    expect(tagMatches('type:mod', 'type:module')).toBe(false);
    expect(tagMatches('type:*', 'type:module')).toBe(true);
    expect(tagMatches('*', 'anything')).toBe(true);
  });
});

describe('loadTagRules', () => {
  it('refuses a constraint key it does not implement, rather than ignoring it', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tag-rules-'));
    mkdirSync(path.join(root, 'tools'));
    writeFileSync(path.join(root, 'tools/tag-rules.json'), JSON.stringify({ depConstraints: [{ sourceTag: 'a', bannedExternalImports: ['x'] }] }));
    expect(() => loadTagRules(root)).toThrow(ConfigError);
    expect(() => loadTagRules(root)).toThrow('depConstraints[0] uses bannedExternalImports, which pnpm boundaries does not implement');
  });
});
