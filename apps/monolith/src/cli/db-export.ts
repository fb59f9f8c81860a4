import { writeFileSync } from 'node:fs';
import { moduleMigrations } from '../compose.js';
import { exportModule } from '../export-module.js';

// `pnpm db:export <module> [file]`: dumps one module of DATABASE_URL to `file` (or stdout).
const [module, file] = process.argv.slice(2);
const url = process.env['DATABASE_URL'];
const known = moduleMigrations.map((m) => m.name);
if (!module || !known.includes(module)) {
  process.stderr.write(`usage: pnpm db:export <module> [file]   (module: one of ${known.join(', ')})\n`);
  process.exit(2);
}
if (!url) {
  process.stderr.write('db:export needs DATABASE_URL (PostgreSQL): the embedded PGlite has no pg_dump\n');
  process.exit(2);
}
const sql = exportModule(url, module);
if (file) writeFileSync(file, sql);
else process.stdout.write(sql);
