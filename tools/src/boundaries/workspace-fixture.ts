import { scanImports } from './import-scanner.js';
import type { DepConstraint } from './tag-rules.js';
import type { TeamsConfig } from './teams.js';
import type { GraphEdge, ImportSite, PackageJson, Project, Workspace } from './workspace.js';

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
  for (const [file, text] of Object.entries(options.files ?? {})) {
    const owner = byDepth.find((project) => file.startsWith(`${project.root}/`));
    if (owner === undefined) throw new Error(`fixture file ${file} is in no project`);
    for (const { specifier, line } of scanImports(text)) imports.push({ project: owner.name, file, line, specifier });
  }
  return {
    root: '/fixture',
    projects,
    graphEdges: options.graphEdges ?? [],
    imports,
    teams: options.teams,
    tagRules: options.tagRules,
    filesScanned: Object.keys(options.files ?? {}).length,
  };
}
