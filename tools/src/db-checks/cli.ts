import { WORKSPACE_ROOT } from '../workspace-copy.js';
import { checkDatabaseBoundaries, formatFindings } from './check-database-boundaries.js';

// `pnpm db:check [workspace-root]`: exits 1 when any database boundary rule is broken.
const findings = checkDatabaseBoundaries(process.argv[2] ?? WORKSPACE_ROOT);
process.stdout.write(formatFindings(findings));
process.exitCode = findings.length === 0 ? 0 : 1;
