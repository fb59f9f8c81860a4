/** The edges of a project graph, as Nx stores them: `dependencies[a]` lists `{ target: b }` for each a → b. */
export type DependencyEdges = Record<string, ReadonlyArray<{ target: string }>>;

/**
 * Why one project is affected: either files inside it (or inputs it declares) changed, or it
 * depends, through `path`, on a node that changed. `path` starts at the project and ends at the
 * changed node, which may be an npm package whose lock-file entry changed.
 */
export type AffectedReason =
  | { project: string; kind: 'changed'; files: string[] }
  | { project: string; kind: 'depends'; path: string[]; files: string[] }
  | { project: string; kind: 'unexplained' };

/**
 * The shortest chain of dependencies from `from` to any node `isTarget` accepts, `from` included
 * at the start and the target at the end; undefined when there is none. Breadth-first, so a
 * project two hops from a change is never explained with a five-hop detour; neighbours are
 * visited in sorted order so the answer is the same on every run.
 */
export function shortestDependencyPath(edges: DependencyEdges, from: string, isTarget: (node: string) => boolean): string[] | undefined {
  const cameFrom = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    if (node !== from && isTarget(node)) {
      const path = [node];
      for (let step = cameFrom.get(node); step != null; step = cameFrom.get(step)) path.unshift(step);
      return path;
    }
    const next = [...(edges[node] ?? [])].map((edge) => edge.target).sort();
    for (const target of next) {
      if (cameFrom.has(target)) continue;
      cameFrom.set(target, node);
      queue.push(target);
    }
  }
  return undefined;
}

/**
 * Explains each affected project from the nodes the changed files touched directly
 * (`touchedBy`: node → the changed files that touched it). Nx reports only the affected set
 * (nrwl/nx#23149); this recovers the reason for each member of it.
 */
export function explainAffected(edges: DependencyEdges, affected: readonly string[], touchedBy: ReadonlyMap<string, readonly string[]>): AffectedReason[] {
  return [...affected].sort().map((project): AffectedReason => {
    const own = touchedBy.get(project);
    if (own && own.length > 0) return { project, kind: 'changed', files: [...own].sort() };
    const path = shortestDependencyPath(edges, project, (node) => (touchedBy.get(node)?.length ?? 0) > 0);
    if (!path) return { project, kind: 'unexplained' };
    return { project, kind: 'depends', path, files: [...(touchedBy.get(path[path.length - 1] as string) ?? [])].sort() };
  });
}
