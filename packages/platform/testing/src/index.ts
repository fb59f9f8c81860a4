export { provisionTestDatabase, type TestDatabaseTarget } from './provision-test-database.js';
