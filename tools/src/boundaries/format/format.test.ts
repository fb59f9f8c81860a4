import { describe, expect, it } from 'vitest';
import type { Finding } from '../finding.js';
import type { Report } from '../run-checks.js';
import { formatHuman } from './human.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';

const finding: Finding = {
  rule: 'deep-import',
  message: "'@shop/customers/src/internal/schema.js' is not in @shop/customers's exports map (it exports '.', './module').",
  why: 'A package exports map is its whole public contract.',
  fix: 'Import from the root entry.',
  where: { project: '@shop/orders', file: 'packages/orders/src/x.ts', line: 3 },
  owner: { project: '@shop/customers', team: 'accounts', github: '@shop-org/accounts' },
};
const stats = { projects: 9, files: 98, imports: 267, checks: ['tags'], timings: {} };
const projects = [{ name: '@shop/orders', type: 'module', team: 'orders', fanIn: 1, fanOut: 2 }];
const dirty: Report = { findings: [finding], projects, moduleEdges: [], sanctionedReads: [], stats };
const clean: Report = { findings: [], projects, moduleEdges: [], sanctionedReads: [], stats };

describe('formats', () => {
  it('human: one block per finding with where, rule, message, why, fix and owner', () => {
    expect(formatHuman(dirty, 1234)).toBe(
      [
        'packages/orders/src/x.ts:3  deep-import',
        `  ${finding.message}`,
        '  why:   A package exports map is its whole public contract.',
        '  fix:   Import from the root entry.',
        '  owner: @shop/customers is owned by team accounts (@shop-org/accounts)',
        '',
        'pnpm boundaries: 1 finding (9 projects, 98 files, 267 imports, in 1.23s).',
        '',
      ].join('\n'),
    );
    expect(formatHuman(clean, 500)).toBe('pnpm boundaries: no findings (9 projects, 98 files, 267 imports, in 0.50s).\n');
  });

  it('json: ok, findings, projects, sanctioned reads and stats', () => {
    expect(JSON.parse(formatJson(dirty, 12.4))).toEqual({ ok: false, findings: [finding], projects, moduleEdges: [], sanctionedReads: [], stats: { ...stats, elapsedMs: 12 } });
    expect(JSON.parse(formatJson(clean, 1)).ok).toBe(true);
  });

  it('markdown: a summary table, then each finding with why, fix and owner', () => {
    const markdown = formatMarkdown(dirty);
    expect(markdown).toContain('### ❌ Module boundaries: 1 finding\n');
    expect(markdown).toContain('| `packages/orders/src/x.ts:3` | `deep-import` | accounts (@shop-org/accounts) |');
    expect(markdown).toContain("#### `deep-import` at `packages/orders/src/x.ts:3`\n\n'@shop/customers/src/internal/schema.js' is not in");
    expect(markdown).toContain('- **Why:** A package exports map is its whole public contract.\n- **Fix:** Import from the root entry.\n- **Owner:** @shop/customers is owned by team accounts (@shop-org/accounts)\n');
    expect(formatMarkdown(clean)).toBe('### ✅ Module boundaries: no findings\n\n9 projects, 98 files, 267 imports checked.\n');
  });
});
