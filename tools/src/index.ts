export { copyWorkspace, type WorkspaceCopy } from './workspace-copy.js';
export { copyWorkspaceWithHistory, type GitWorkspaceCopy, type GraphProject } from './git-workspace-copy.js';
