import type { Location } from './finding.js';
import type { ImportSite, WorkspaceIndex } from './workspace.js';

/** A dependency of one workspace project on another, with every place that makes it. */
export interface ProjectEdge {
  source: string;
  target: string;
  /** The imports that make the edge (package-name imports and relative paths into the target). */
  sites: ImportSite[];
  /** Whether the source's package.json lists the target. */
  declared: boolean;
  /** The Nx graph's types for this edge (`static`, `dynamic`, `implicit`); empty if Nx did not see it. */
  graphTypes: string[];
}

/**
 * Every edge between workspace projects: Nx's project graph (imports Nx resolved, package.json
 * dependencies, implicit dependencies) united with the imports scanned here, so an edge Nx
 * could not resolve (an import of a package that is not linked yet) is still checked.
 */
export function projectEdges(index: WorkspaceIndex): ProjectEdge[] {
  const edges = new Map<string, ProjectEdge>();
  const edge = (source: string, target: string): ProjectEdge => {
    const key = `${source}\0${target}`;
    let found = edges.get(key);
    if (found === undefined) {
      const targetPackage = index.project(target).packageJson?.name;
      found = { source, target, sites: [], declared: targetPackage !== undefined && index.declaresDependency(index.project(source), targetPackage), graphTypes: [] };
      edges.set(key, found);
    }
    return found;
  };
  for (const graphEdge of index.workspace.graphEdges) {
    if (graphEdge.source === graphEdge.target) continue;
    const found = edge(graphEdge.source, graphEdge.target);
    if (!found.graphTypes.includes(graphEdge.type)) found.graphTypes.push(graphEdge.type);
  }
  for (const resolved of index.resolvedImports) edge(resolved.site.project, resolved.target.name).sites.push(resolved.site);
  // package.json dependencies Nx may have left out (it adds them as `static` edges, but a
  // planted one with no install behind it is still a declared dependency).
  for (const project of index.workspace.projects.values()) {
    const json = project.packageJson;
    for (const deps of [json?.dependencies, json?.devDependencies, json?.peerDependencies, json?.optionalDependencies]) {
      for (const name of Object.keys(deps ?? {})) {
        const other = index.projectOfPackage(name);
        if (other !== undefined && other !== project) edge(project.name, other.name);
      }
    }
  }
  for (const found of edges.values()) found.sites.sort(bySiteOrder);
  return [...edges.values()];
}

const isTestFile = (file: string) => /(^|\/)test\/|\.test\.[cm]?[jt]sx?$/.test(file);

/** Production imports before test imports, then by file and line: the first site is the one a finding points at. */
function bySiteOrder(a: ImportSite, b: ImportSite): number {
  return Number(isTestFile(a.file)) - Number(isTestFile(b.file)) || a.file.localeCompare(b.file) || a.line - b.line;
}

/** Where to point for an edge: its first import, else the package.json line declaring it, else the package. */
export function edgeLocations(index: WorkspaceIndex, edge: ProjectEdge): [Location, ...Location[]] {
  const [first, ...rest] = edge.sites.map((site): Location => ({ project: site.project, file: site.file, line: site.line }));
  if (first !== undefined) return [first, ...rest];
  const source = index.project(edge.source);
  const targetName = index.project(edge.target).packageJson?.name ?? edge.target;
  const line = index.packageJsonLine(source, targetName);
  if (source.packageJsonText !== undefined && line !== undefined) return [{ project: edge.source, file: index.packageJsonPath(source), line }];
  return [{ project: edge.source }];
}
