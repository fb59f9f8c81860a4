export { provisionTestDatabase, type TestDatabaseTarget } from './provision-test-database.js';
export { eventually, type EventuallyOptions } from './eventually.js';
export { startThrowawayPostgres, throwawayPostgresUnavailableReason, type ThrowawayPostgres } from './throwaway-postgres.js';
