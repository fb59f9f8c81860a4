import { existsSync } from 'node:fs';
import { checkDatabaseBoundaries } from '../../db-checks/check-database-boundaries.js';
import { DB_RULES } from '../../db-checks/rules.js';
import type { BoundaryCheck } from '../check.js';
import type { Finding, Rule } from '../finding.js';

const rules: Rule[] = Object.entries(DB_RULES).map(([id, rule]) => ({ id, why: rule.why, fix: rule.fix }));

/**
 * The database boundary checks (tools/src/db-checks: drizzle schemas, SQL migrations, SQL in
 * source), reported like every other boundary finding. Static, so it stays in the fast stage.
 */
export const databaseCheck: BoundaryCheck = {
  name: 'database',
  rules,
  run(index) {
    // These checks read schemas and migrations from disk; an in-memory workspace (the unit-test
    // fixture) has none to read. Their own tests are in tools/src/db-checks.
    if (!existsSync(index.workspace.root)) return [];
    return checkDatabaseBoundaries(index.workspace.root).map((found): Finding => {
      const project = index.projectOfPath(found.file)?.name ?? found.file;
      // The owner reported is the crossed module's team when the finding reaches into another
      // module's schema (a module `<name>` is the package `@shop/<name>`), else the module's own.
      const crossed = found.crossed === undefined ? undefined : `@shop/${found.crossed}`;
      const owned = crossed !== undefined && index.workspace.projects.has(crossed) ? crossed : project;
      return {
        rule: found.rule,
        message: found.message,
        why: found.why,
        fix: found.fix,
        where: { project, file: found.file, line: found.line },
        owner: index.workspace.projects.has(owned) ? index.ownerOf(owned) : { project, team: found.owner, github: undefined },
      };
    });
  },
};
