import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabaseBoundaries, formatFindings } from '../src/db-checks/check-database-boundaries.js';
import { copyWorkspace, WORKSPACE_ROOT, type WorkspaceCopy } from '../src/workspace-copy.js';

/**
 * The database boundary checks on the real repository (zero findings, no exemptions) and on a
 * copy where a second module, `probe`, is planted breaking every rule once.
 */
let workspace: WorkspaceCopy;
beforeAll(() => {
  workspace = copyWorkspace();
  workspace.write(
    'packages/probe/package.json',
    JSON.stringify({ name: '@shop/probe', version: '0.0.0', private: true, type: 'module', nx: { tags: ['scope:probe', 'type:module', 'team:probers'] } }),
  );
  workspace.write(
    'packages/probe/src/internal/schema.ts',
    [
      "import { pgSchema, pgTable, uuid } from 'drizzle-orm/pg-core';",
      "import { customers } from './stolen.js';",
      "export const probeSchema = pgSchema('probe');",
      "export const notes = probeSchema.table('notes', { customerId: uuid('customer_id').references(() => customers.id) });",
      "export const loose = pgTable('loose', { id: uuid('id') });",
      '',
    ].join('\n'),
  );
  workspace.write(
    'packages/probe/src/internal/repository.ts',
    "import { sql } from 'drizzle-orm';\nexport const peek = sql`select email from customers.customers`;\n",
  );
  workspace.write(
    'packages/probe/drizzle/0000_probe_init.sql',
    'CREATE SCHEMA "probe";\n--> statement-breakpoint\nCREATE TABLE "probe"."notes" ("customer_id" uuid REFERENCES "customers"."customers"("id"));\n--> statement-breakpoint\nCREATE TABLE loose (id int);\n',
  );
});
afterAll(() => workspace?.remove());

describe('checkDatabaseBoundaries', () => {
  it('finds nothing in this repository', () => {
    const findings = checkDatabaseBoundaries(WORKSPACE_ROOT);
    expect(formatFindings(findings)).toBe('database boundaries: no findings\n');
  });

  it('discovers a new module from its tags and reports each planted violation with file, line, rule, why, fix and owner', () => {
    const findings = checkDatabaseBoundaries(workspace.root);
    expect(findings.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual([
      'packages/probe/drizzle/0000_probe_init.sql:3 db/cross-module-sql-in-migration',
      'packages/probe/drizzle/0000_probe_init.sql:5 db/ddl-outside-module-schema',
      'packages/probe/src/internal/repository.ts:2 db/cross-module-sql-in-source',
      'packages/probe/src/internal/schema.ts:4 db/cross-module-reference',
      'packages/probe/src/internal/schema.ts:5 db/table-outside-module-schema',
    ]);
    for (const finding of findings) {
      expect(finding.owner).toBe('probers');
      expect(finding.why).toMatch(/\.$/);
      expect(finding.fix.length).toBeGreaterThan(30);
    }
    const report = formatFindings(findings);
    expect(report).toContain('packages/probe/src/internal/schema.ts:4  db/cross-module-reference  (owner: team probers)');
    expect(report).toContain('database boundaries: 5 finding(s)');
  });

  it('exits non-zero from the command line when there are findings', () => {
    const result = workspace.run('node', ['--conditions=@shop/source', '--import', 'tsx', 'tools/src/db-checks/cli.ts']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('db/ddl-outside-module-schema');
  });
});
