export { openDatabase } from './open-database.js';
export type { Database, Db, DbTransaction, OpenDatabaseOptions } from './database.js';
export { rowsOf } from './rows-of.js';
export { runMigrations, type ModuleMigrations } from './run-migrations.js';
export { orderModules } from './order-modules.js';
export { isUniqueViolation } from './postgres-errors.js';
