import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkDrizzleSchema } from './check-drizzle-schema.js';
import { checkSourceSql } from './check-source-sql.js';
import { checkSqlMigration } from './check-sql-migrations.js';
import { discoverModules, filesUnder } from './discover-modules.js';
import type { Finding } from './finding.js';

/**
 * The database boundary checks, for every `type:module` package of the workspace: drizzle
 * declarations (own schema only, no cross-schema `.references()`), SQL migrations (no other
 * module's schema, no DDL outside the own one) and SQL in source (no other module's schema).
 * Static: needs no database and no build, so it belongs to the fast boundary stage.
 */
export function checkDatabaseBoundaries(workspaceRoot: string): Finding[] {
  const modules = discoverModules(workspaceRoot);
  const names = modules.map((m) => m.name);
  const findings: Finding[] = [];
  for (const module of modules) {
    const relative = (file: string) => path.relative(workspaceRoot, file).split(path.sep).join('/');
    const sources = filesUnder(path.join(workspaceRoot, module.dir, 'src'), ['.ts']).map((file) => ({
      file: relative(file),
      text: readFileSync(file, 'utf8'),
    }));
    const found = [
      ...checkDrizzleSchema(sources, module.name),
      ...sources.flatMap((source) => checkSourceSql(source, module.name, names)),
      ...filesUnder(path.join(workspaceRoot, module.dir, 'drizzle'), ['.sql']).flatMap((file) =>
        checkSqlMigration(readFileSync(file, 'utf8'), relative(file), module.name, names),
      ),
    ];
    findings.push(...found.map((f) => ({ ...f, ...(module.team ? { owner: module.team } : {}) })));
  }
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
}

/** Human-readable report: one block per finding, file:line first so editors can jump to it. */
export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'database boundaries: no findings\n';
  const blocks = findings.map(
    (f) => `${f.file}:${f.line}  ${f.rule}${f.owner ? `  (owner: team ${f.owner})` : ''}\n  ${f.message}\n  why: ${f.why}\n  fix: ${f.fix}`,
  );
  return `${blocks.join('\n\n')}\n\ndatabase boundaries: ${findings.length} finding(s)\n`;
}
