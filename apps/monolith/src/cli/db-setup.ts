import { setupDatabase } from '@shop/platform-db';
import { moduleMigrations } from '../compose.js';
import { openConfiguredDatabase } from './open-configured-database.js';

// `pnpm db:setup`: roles, ownership and grants for every composed module, on DATABASE_URL (an
// admin login: it creates roles) or the embedded PGlite in DATA_DIR. DB_APP_LOGIN names the login
// the monolith will run as, made a member of each module role (default: this login).
const database = await openConfiguredDatabase();
try {
  const appLogin = process.env['DB_APP_LOGIN'];
  const { changes } = await setupDatabase(database, moduleMigrations, appLogin ? { appLogin } : {});
  for (const change of changes) process.stdout.write(`${change}\n`);
  process.stdout.write(
    `db:setup: ${database.kind}, modules ${moduleMigrations.map((m) => m.name).join(', ')}, role prefix ${database.rolePrefix}: ${changes.length} change(s)\n`,
  );
} finally {
  await database.close();
}
