import { execFileSync } from 'node:child_process';
import { createProjectGraphAsync, type ProjectGraph } from '@nx/devkit';
import { getTouchedProjects as getTouchedByLockFileAndPackageJson } from 'nx/src/plugins/js/project-graph/affected/touched-projects';
import { filterAffected } from 'nx/src/project-graph/affected/affected-project-graph';
import { getTouchedProjectsFromProjectGlobChanges } from 'nx/src/project-graph/affected/locators/project-glob-changes';
import { getImplicitlyTouchedProjects, getTouchedProjects } from 'nx/src/project-graph/affected/locators/workspace-projects';
import { calculateFileChanges, readPackageJson } from 'nx/src/project-graph/file-utils';
import { readNxJson } from 'nx/src/config/configuration';
import { parseFiles } from 'nx/src/utils/command-line-utils';

/**
 * Nx's own affected computation, taken apart so each step can be reported. These are Nx internals
 * (reachable through the `nx/src/*` export, not part of @nx/devkit), pinned with Nx itself; the
 * affected-set test checks the result against `nx show projects --affected` so an Nx upgrade that
 * changes them fails loudly instead of explaining the wrong thing.
 */
export interface AffectedAnalysis {
  /** The commit compared against: the merge base of `base` and `head`, as Nx uses it. */
  mergeBase: string;
  head: string | undefined;
  changedFiles: string[];
  graph: ProjectGraph;
  /** Workspace projects Nx considers affected, sorted. */
  affected: string[];
  /** Graph node (project or `npm:` package) → the changed files that touched it directly. */
  touchedBy: Map<string, string[]>;
  /** Changed files that touched no node at all. */
  touchingNothing: string[];
}

// The same locators, in the same order, as nx/src/project-graph/affected/affected-project-graph.
const locators = [getTouchedProjects, getImplicitlyTouchedProjects, getTouchedProjectsFromProjectGlobChanges, getTouchedByLockFileAndPackageJson];

export async function analyseAffected(options: { base: string; head?: string; cwd?: string }): Promise<AffectedAnalysis> {
  const mergeBase = mergeBaseOf(options.base, options.head ?? 'HEAD', options.cwd);
  // With no head Nx adds uncommitted and untracked files, as `nx affected --base=x` does.
  const nxArgs = { base: mergeBase, head: options.head };
  const changedFiles = [...(parseFiles(nxArgs)?.files ?? [])].sort();
  const graph = await createProjectGraphAsync({ exitOnError: false });
  const nxJson = readNxJson();
  const packageJson = readPackageJson();
  const fileChanges = calculateFileChanges(changedFiles, nxArgs);

  const affectedGraph = await filterAffected(graph, fileChanges, nxJson, packageJson);
  const touchedBy = new Map<string, string[]>();
  const touchingNothing: string[] = [];
  for (const change of fileChanges) {
    const touched = new Set<string>();
    for (const locate of locators) for (const node of await locate([change], graph.nodes, nxJson, packageJson, graph)) touched.add(node);
    if (touched.size === 0) touchingNothing.push(change.file);
    for (const node of touched) touchedBy.set(node, [...(touchedBy.get(node) ?? []), change.file]);
  }
  return {
    mergeBase,
    head: options.head,
    changedFiles,
    graph,
    affected: Object.keys(affectedGraph.nodes).sort(),
    touchedBy,
    touchingNothing,
  };
}

/** As Nx computes it: `git merge-base`, then `--fork-point`, then the ref itself. */
function mergeBaseOf(base: string, head: string, cwd?: string): string {
  for (const args of [['merge-base', base, head], ['merge-base', '--fork-point', base, head]]) {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      // try the next way
    }
  }
  return base;
}
