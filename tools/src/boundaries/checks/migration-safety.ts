import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyseMigration } from '../../migration-safety/analyse-migration.js';
import { migrationBase, moduleBaseline } from '../../migration-safety/baseline.js';
import { MIGRATION_HAZARDS } from '../../migration-safety/hazards.js';
import type { BoundaryCheck } from '../check.js';
import type { Finding, Rule } from '../finding.js';
import { tagValue } from '../workspace.js';

const rules: Rule[] = Object.entries(MIGRATION_HAZARDS).map(([id, rule]) => ({ id, why: rule.why, fix: rule.fix }));

/**
 * Migration safety, after strong_migrations: the destructive steps of each module's new
 * migrations (those not on the base revision, see migration-safety/baseline.ts), each with why
 * it breaks the running release and the safe expand/contract sequence.
 */
export const migrationSafetyCheck: BoundaryCheck = {
  name: 'migration-safety',
  rules,
  run(index) {
    const modules = [...index.workspace.projects.values()].filter((project) => tagValue(project, 'type:') === 'module' && project.root !== '.');
    const dirs = modules.map((project) => `${project.root}/drizzle`);
    const { onBase, base } = migrationBase(index.workspace.root, dirs);
    if (typeof base !== 'string') return [];
    return modules.flatMap((project) => {
      const drizzleDir = path.join(index.workspace.root, project.root, 'drizzle');
      // Most modules have no new migration: list their files before reading anything.
      if (!existsSync(drizzleDir) || readdirSync(drizzleDir).every((name) => !name.endsWith('.sql') || onBase.has(`${project.root}/drizzle/${name}`))) return [];
      const module = tagValue(project, 'scope:') ?? project.name;
      const { files, baseline } = moduleBaseline(index.workspace.root, `${project.root}/drizzle`, module, onBase);
      return files
        .filter((file) => !onBase.has(file))
        .flatMap((file) =>
          analyseMigration(readFileSync(path.join(index.workspace.root, file), 'utf8'), module, baseline).map((hazard): Finding => ({
            rule: hazard.hazard,
            message: `${hazard.message} (new since ${base.slice(0, 12)})`,
            why: MIGRATION_HAZARDS[hazard.hazard].why,
            fix: MIGRATION_HAZARDS[hazard.hazard].fix,
            where: { project: project.name, file, line: hazard.line },
            owner: index.ownerOf(project.name),
          })),
        );
    });
  },
};
