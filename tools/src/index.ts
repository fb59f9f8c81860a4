export { copyWorkspace, type WorkspaceCopy } from './workspace-copy.js';
export { copyWorkspaceWithHistory, type GitWorkspaceCopy, type GraphProject } from './git-workspace-copy.js';
export { checkDatabaseBoundaries, formatFindings } from './db-checks/check-database-boundaries.js';
export type { Finding } from './db-checks/finding.js';
