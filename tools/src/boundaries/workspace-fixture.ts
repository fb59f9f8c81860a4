import { scanDirectives } from './comment-directives.js';
import { scanImports } from './import-scanner.js';
import type { PathAlias } from './path-aliases.js';
import type { DepConstraint } from './tag-rules.js';
import type { TeamsConfig } from './teams.js';
import type { DirectiveSite, GraphEdge, ImportSite, PackageJson, Project, UnresolvableSite, Workspace } from './workspace.js';

export interface FixtureProject {
  name: string;
  root: string;
  tags: string[];
  packageJson?: PackageJson;
}

/**
 * An in-memory workspace for unit tests of checks (no Nx, no file system): projects, file
 * contents (scanned for imports exactly as real files are) and optional extra Nx graph edges.
 */
export function workspaceFixture(options: {
  projects: FixtureProject[];
  files?: Record<string, string>;
  graphEdges?: GraphEdge[];
  pathAliases?: PathAlias[];
  teams: TeamsConfig;
  tagRules: readonly DepConstraint[];
}): Workspace {
  const projects = new Map<string, Project>();
  for (const project of options.projects) {
    const packageJson = project.packageJson ?? { name: project.name };
    projects.set(project.name, { name: project.name, root: project.root, tags: project.tags, packageJson, packageJsonText: JSON.stringify(packageJson, null, 2) });
  }
  const byDepth = [...projects.values()].sort((a, b) => b.root.length - a.root.length);
  const imports: ImportSite[] = [];
  const unresolvableImports: UnresolvableSite[] = [];
  const directives: DirectiveSite[] = [];
  for (const [file, text] of Object.entries(options.files ?? {})) {
    const owner = byDepth.find((project) => file.startsWith(`${project.root}/`));
    if (owner === undefined) throw new Error(`fixture file ${file} is in no project`);
    const scanned = scanImports(text, file);
    for (const { specifier, line } of scanned.imports) imports.push({ project: owner.name, file, line, specifier });
    for (const unresolvable of scanned.unresolvable) unresolvableImports.push({ project: owner.name, file, ...unresolvable });
    for (const directive of scanDirectives(text, file)) directives.push({ project: owner.name, file, ...directive });
  }
  return {
    root: '/fixture',
    projects,
    graphEdges: options.graphEdges ?? [],
    imports,
    unresolvableImports,
    directives,
    pathAliases: options.pathAliases ?? [],
    teams: options.teams,
    tagRules: options.tagRules,
    filesScanned: Object.keys(options.files ?? {}).length,
  };
}
