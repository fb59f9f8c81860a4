export { provisionTestDatabase, type TestDatabaseTarget } from './provision-test-database.js';
export { startThrowawayPostgres, throwawayPostgresUnavailableReason, type ThrowawayPostgres } from './throwaway-postgres.js';
