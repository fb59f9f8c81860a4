import { describe, expect, it } from 'vitest';
import type { Finding } from '../boundaries/finding.js';
import { COMMENT_MARKER, renderComment, type BoundariesReport } from './render-comment.js';

const stats = { projects: 14, files: 290, imports: 990 };
const deep = (i: number): Finding => ({
  rule: i % 2 === 0 ? 'deep-import' : 'tag-constraint',
  message: `'@shop/customers/src/internal/x${i}.js' is not in @shop/customers's exports map | a pipe`,
  why: i % 2 === 0 ? 'A package exports map is its whole public contract.' : 'Tags say which kinds of package may depend on which.',
  fix: i % 2 === 0 ? 'Import from the root entry.' : 'Remove the dependency.',
  where: { project: '@shop/orders', file: `packages/orders/src/f${String(i).padStart(2, '0')}.ts`, line: i + 1 },
  owner: { project: '@shop/customers', team: 'accounts', github: '@shop-org/accounts' },
});
const report = (count: number): BoundariesReport => ({ ok: count === 0, findings: Array.from({ length: count }, (_, i) => deep(i)), stats });
const context = { sha: '0123456789abcdef', repository: 'shop/monolith', runUrl: 'https://github.com/shop/monolith/actions/runs/1' };

describe('renderComment', () => {
  it('0 findings: a resolved note, with the marker that finds the comment again', () => {
    expect(renderComment(report(0), context)).toBe(
      `${COMMENT_MARKER}\n### ✅ Module boundaries: resolved, no findings\n\n14 projects, 290 files, 990 imports checked at \`0123456\` ([CI run](https://github.com/shop/monolith/actions/runs/1)).\n`,
    );
  });

  it('1 finding: rule, why, fix, linked file:line, what, owning team and handle', () => {
    const body = renderComment(report(1), context);
    expect(body.startsWith(`${COMMENT_MARKER}\n### ❌ Module boundaries: 1 finding\n`)).toBe(true);
    expect(body).toContain('| `deep-import` | 1 | accounts (@shop-org/accounts) |');
    expect(body).toContain('#### `deep-import`\n\n**Why:** A package exports map is its whole public contract.\n\n**Fix:** Import from the root entry.\n');
    expect(body).toContain(
      "| [`packages/orders/src/f00.ts:1`](https://github.com/shop/monolith/blob/0123456789abcdef/packages/orders/src/f00.ts#L1) | '@shop/customers/src/internal/x0.js' is not in @shop/customers's exports map \\| a pipe | accounts (@shop-org/accounts) |",
    );
    expect(body).not.toContain('<details>');
  });

  it('50 findings: grouped by rule, the first 20 in full and 30 collapsed, every location present once', () => {
    const body = renderComment(report(50), context);
    expect(body).toContain('### ❌ Module boundaries: 50 findings');
    expect(body).toContain('| `deep-import` | 25 |');
    expect(body).toContain('| `tag-constraint` | 25 |');
    const [open, collapsed = ''] = body.split('<details><summary>30 more findings</summary>');
    expect(collapsed).toMatch(/<\/details>\n$/);
    for (let i = 0; i < 50; i++) {
      const where = `packages/orders/src/f${String(i).padStart(2, '0')}.ts:${i + 1}\``;
      expect(body.split(where).length - 1, where).toBe(1);
    }
    expect((open ?? '').match(/^\| \[`packages/gm)).toHaveLength(20);
    expect(collapsed.match(/^\| \[`packages/gm)).toHaveLength(30);
    expect(open).toContain('#### `deep-import`');
    expect(open).not.toContain('#### `tag-constraint`');
  });

  it('stays under GitHub’s comment size limit whatever the number of findings', () => {
    const body = renderComment(report(2000), context);
    expect(body.length).toBeLessThan(65_536);
    expect(body).toMatch(/more not shown: the comment would exceed GitHub's size limit/);
  });
});
