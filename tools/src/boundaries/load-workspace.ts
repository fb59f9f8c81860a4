import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { scanDirectives } from './comment-directives.js';
import { scanImports } from './import-scanner.js';
import { loadPathAliases } from './path-aliases.js';
import { loadTagRules } from './tag-rules.js';
import { loadTeams } from './teams.js';
import type { DirectiveSite, GraphEdge, ImportSite, PackageJson, Project, UnresolvableSite, Workspace } from './workspace.js';

/** Files whose imports are checked: TypeScript and JavaScript sources, tests and config files included. */
const SOURCE_FILE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;
/** Never source: installs, build output, caches, local data. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'out-tsc', 'coverage', 'tmp']);

/**
 * Loads the workspace from Nx's project graph (projects, tags, edges) and each project's files.
 * Must run with the workspace root as the current directory: that is where Nx looks.
 */
export async function loadWorkspace(): Promise<Workspace> {
  // Nx runs its project-graph plugins in worker processes by default; in one short-lived
  // process that costs seconds of start-up, in-process it is a few hundred milliseconds.
  process.env['NX_ISOLATE_PLUGINS'] ??= 'false';
  const started = performance.now();
  const { createProjectGraphAsync, workspaceRoot } = await import('@nx/devkit');
  const graph = await createProjectGraphAsync({ exitOnError: false });
  const graphDone = performance.now();

  const projects = new Map<string, Project>();
  for (const node of Object.values(graph.nodes)) {
    const root = node.data.root === '' ? '.' : node.data.root;
    const packageJsonFile = path.join(workspaceRoot, root, 'package.json');
    const packageJsonText = existsSync(packageJsonFile) ? readFileSync(packageJsonFile, 'utf8') : undefined;
    projects.set(node.name, {
      name: node.name,
      root,
      tags: node.data.tags ?? [],
      packageJson: packageJsonText === undefined ? undefined : (JSON.parse(packageJsonText) as PackageJson),
      packageJsonText,
    });
  }

  const graphEdges: GraphEdge[] = Object.values(graph.dependencies)
    .flat()
    .filter((dependency) => projects.has(dependency.source) && projects.has(dependency.target))
    .map(({ source, target, type }) => ({ source, target, type }));

  const projectRoots = new Set([...projects.values()].map((project) => project.root));
  const imports: ImportSite[] = [];
  const unresolvableImports: UnresolvableSite[] = [];
  const directives: DirectiveSite[] = [];
  let filesScanned = 0;
  for (const project of projects.values()) {
    for (const file of sourceFiles(workspaceRoot, project.root, projectRoots)) {
      filesScanned++;
      const text = readFileSync(path.join(workspaceRoot, file), 'utf8');
      const scanned = scanImports(text, file);
      for (const { specifier, line } of scanned.imports) imports.push({ project: project.name, file, line, specifier });
      for (const unresolvable of scanned.unresolvable) unresolvableImports.push({ project: project.name, file, ...unresolvable });
      for (const directive of scanDirectives(text, file)) directives.push({ project: project.name, file, ...directive });
    }
  }

  const timings = { nxGraphMs: Math.round(graphDone - started), importScanMs: Math.round(performance.now() - graphDone) };
  return {
    root: workspaceRoot,
    projects,
    graphEdges,
    imports,
    unresolvableImports,
    directives,
    pathAliases: loadPathAliases(workspaceRoot, [...projects.values()]),
    teams: loadTeams(workspaceRoot),
    tagRules: loadTagRules(workspaceRoot),
    filesScanned,
    timings,
  };
}

/** Workspace-relative paths of a project's source files, not descending into nested projects. */
function sourceFiles(workspaceRoot: string, projectRoot: string, projectRoots: ReadonlySet<string>): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(workspaceRoot, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const relative = dir === '.' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.') && !projectRoots.has(relative)) walk(relative);
      } else if (entry.isFile() && SOURCE_FILE.test(entry.name)) {
        files.push(relative);
      }
    }
  };
  walk(projectRoot);
  return files;
}
