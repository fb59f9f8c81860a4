export { openDatabase } from './open-database.js';
export type { Database, Db, DbTransaction, ModuleRoleStrategy, OpenDatabaseOptions } from './database.js';
export { DEFAULT_ROLE_PREFIX, moduleRoles, reportingRole, type ModuleRoles } from './module-roles.js';
export { setupDatabase, type SetupDatabaseOptions, type SetupDatabaseResult } from './setup-database.js';
export { catalogSnapshot, catalogDiff } from './database-catalog.js';
export { rowsOf } from './rows-of.js';
export { runMigrations, migrationsTableFor, MIGRATIONS_SCHEMA, type ModuleMigrations } from './run-migrations.js';
export { orderModules } from './order-modules.js';
export { isUniqueViolation } from './postgres-errors.js';
