import type { ModuleMigrations } from '@shop/platform-db';
import type { ModuleDescriptor } from '@shop/platform-module';

/** What the migration runner and `db:setup` need to know of a module, from its descriptor. */
export function moduleMigrationsOf(module: ModuleDescriptor): ModuleMigrations {
  return {
    name: module.name,
    migrationsFolder: module.migrationsFolder,
    dependsOn: module.migrationsAfter,
    reportingViews: module.reportingViews,
    appendOnlyTables: module.appendOnlyTables,
  };
}
