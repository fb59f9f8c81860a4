import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/boundaries/finding.js';
import { copyWorkspaceWithHistory, type GitWorkspaceCopy } from '../src/git-workspace-copy.js';

/**
 * Migration safety in `pnpm boundaries`, on a throwaway git history: the migrations committed on
 * main are the baseline and never flagged; a new migration on a branch is, unless it is the
 * contract step of an expand migration already on main.
 */
let copy: GitWorkspaceCopy;
beforeAll(() => {
  copy = copyWorkspaceWithHistory();
});
afterAll(() => copy?.remove());

const findings = () => {
  const run = copy.run('pnpm', ['--silent', 'boundaries', '--json'], { env: copy.nxEnv });
  return { status: run.status, findings: (JSON.parse(run.stdout) as { findings: Finding[] }).findings };
};

describe('new migrations against main', () => {
  it('flags each destructive step of a new migration with why and the safe sequence, and nothing already on main', () => {
    copy.git('checkout', '-q', '-b', 'feature');
    copy.write('packages/orders/drizzle/0002_tidy.sql', 'ALTER TABLE "orders"."orders" RENAME COLUMN "status" TO "state";\n--> statement-breakpoint\nCREATE INDEX "orders_state" ON "orders"."orders" ("state");\n');
    const { status, findings: found } = findings();
    expect(status).toBe(1);
    expect(found.map((f) => `${f.where.file}:${f.where.line} ${f.rule}`)).toEqual(['packages/orders/drizzle/0002_tidy.sql:1 migration/rename', 'packages/orders/drizzle/0002_tidy.sql:3 migration/blocking-index']);
    expect(found[0]?.fix).toMatch(/add the new column/);
    expect(found[0]?.owner.team).toBe('orders');
  });

  it('accepts the contract step once its expand migration is on main', () => {
    copy.write('packages/orders/drizzle/0002_tidy.sql', 'ALTER TABLE "orders"."orders" ADD COLUMN "state" text;\n');
    copy.commitAll('expand: add state');
    copy.git('checkout', '-q', 'main');
    copy.git('merge', '-q', '--no-ff', '-m', 'merge expand', 'feature');
    copy.git('checkout', '-q', 'feature');
    copy.write('packages/orders/drizzle/0003_drop_status.sql', '-- contract-of: 0002_tidy\nALTER TABLE "orders"."orders" DROP COLUMN "status";\n');
    expect(findings()).toEqual({ status: 0, findings: [] });
    copy.write('packages/orders/drizzle/0003_drop_status.sql', 'ALTER TABLE "orders"."orders" DROP COLUMN "status";\n');
    expect(findings().findings.map((f) => f.rule)).toEqual(['migration/drop-column']);
  });
});
