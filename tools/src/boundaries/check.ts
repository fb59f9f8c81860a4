import type { Finding, Rule } from './finding.js';
import type { WorkspaceIndex } from './workspace.js';

/**
 * One family of boundary checks. A new check (the database checks, say) is a module exporting
 * one of these, joined to `pnpm boundaries` by one line in checks/index.ts.
 *
 * Checks get the workspace already loaded (Nx's graph, every file's imports, tags, teams) and
 * must stay fast and offline: no database, no network, no type-checking. A check that needs
 * file contents beyond imports reads them under `index.workspace.root`.
 */
export interface BoundaryCheck {
  /** Short name, for `--only` style filtering and timing output. */
  name: string;
  /** Every rule this check can report, with why it exists and how to fix a violation. */
  rules: readonly Rule[];
  run(index: WorkspaceIndex): Finding[] | Promise<Finding[]>;
}
