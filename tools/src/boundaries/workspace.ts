import path from 'node:path';
import type { DepConstraint } from './tag-rules.js';
import type { TeamsConfig } from './teams.js';

/** The parts of a package.json the checks read. */
export interface PackageJson {
  name?: string;
  exports?: unknown;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** One node of the Nx project graph, with its package.json. */
export interface Project {
  /** The Nx project name; for this workspace, the package name (`@shop/customers`). */
  name: string;
  /** Workspace-relative, posix separators (`packages/customers`). */
  root: string;
  tags: readonly string[];
  packageJson: PackageJson | undefined;
  /** The raw text, so findings can point at the line that declares a dependency. */
  packageJsonText: string | undefined;
}

/** One import, `export … from`, dynamic `import()` or `require()` in a project's file. */
export interface ImportSite {
  /** The importing project. */
  project: string;
  /** Workspace-relative path of the importing file. */
  file: string;
  line: number;
  specifier: string;
}

/** An edge of the Nx project graph between two workspace projects (`static`, `dynamic` or `implicit`). */
export interface GraphEdge {
  source: string;
  target: string;
  type: string;
}

/** Everything the checks look at, loaded once; checks never touch the file system for what is here. */
export interface Workspace {
  /** Absolute path of the workspace root. */
  root: string;
  projects: ReadonlyMap<string, Project>;
  /** Nx's edges between workspace projects (external `npm:` nodes left out). */
  graphEdges: readonly GraphEdge[];
  /** Every import of every source file of every project. */
  imports: readonly ImportSite[];
  teams: TeamsConfig;
  tagRules: readonly DepConstraint[];
  /** How many source files were scanned for imports. */
  filesScanned: number;
  /** Milliseconds spent on each loading phase (Nx graph, import scan), for the benchmark. */
  timings?: Record<string, number>;
}

/** The value of the first tag with this prefix (`team:` → `accounts`). */
export function tagValue(project: Project, prefix: string): string | undefined {
  return tagValues(project, prefix)[0];
}

export function tagValues(project: Project, prefix: string): string[] {
  return project.tags.filter((tag) => tag.startsWith(prefix)).map((tag) => tag.slice(prefix.length));
}

/** Splits `@shop/customers/module` into the package name and the `exports` subpath (`./module`). */
export function parsePackageSpecifier(specifier: string): { name: string; subpath: string } | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || specifier.startsWith('#')) return undefined;
  const parts = specifier.split('/');
  const nameParts = specifier.startsWith('@') ? 2 : 1;
  if (parts.length < nameParts || parts.slice(0, nameParts).some((part) => part === '')) return undefined;
  const rest = parts.slice(nameParts).join('/');
  return { name: parts.slice(0, nameParts).join('/'), subpath: rest === '' ? '.' : `./${rest}` };
}

/** What an import site points at inside the workspace, or `undefined` for npm packages and files of its own project. */
export type ResolvedImport =
  | { kind: 'package'; site: ImportSite; target: Project; subpath: string }
  | { kind: 'relative'; site: ImportSite; target: Project; resolvedPath: string };

/** Lookups over a workspace, built once per run. */
export class WorkspaceIndex {
  private readonly byPackageName = new Map<string, Project>();
  /** Project roots, deepest first, so the first prefix match is the owning project. */
  private readonly roots: Project[];
  readonly resolvedImports: readonly ResolvedImport[];

  constructor(readonly workspace: Workspace) {
    for (const project of workspace.projects.values()) {
      const name = project.packageJson?.name;
      if (name !== undefined) this.byPackageName.set(name, project);
    }
    this.roots = [...workspace.projects.values()].sort((a, b) => b.root.length - a.root.length);
    this.resolvedImports = workspace.imports.flatMap((site) => {
      const resolved = this.resolve(site);
      return resolved === undefined ? [] : [resolved];
    });
  }

  /** The workspace project published under this package name. */
  projectOfPackage(packageName: string): Project | undefined {
    return this.byPackageName.get(packageName);
  }

  project(name: string): Project {
    const project = this.workspace.projects.get(name);
    if (project === undefined) throw new Error(`unknown project ${name}`);
    return project;
  }

  /** The project whose root holds this workspace-relative path. */
  projectOfPath(file: string): Project | undefined {
    return this.roots.find((project) => project.root === '.' || file === project.root || file.startsWith(`${project.root}/`));
  }

  /** The team owning a project, with its GitHub handle from tools/teams.json. */
  ownerOf(projectName: string): { project: string; team: string | undefined; github: string | undefined } {
    const team = tagValue(this.project(projectName), 'team:');
    return { project: projectName, team, github: team === undefined ? undefined : this.workspace.teams.teams[team]?.github };
  }

  /** 1-based line of `"<key>"` in a project's package.json (a dependency, `"tags"`), if present. */
  packageJsonLine(project: Project, key: string): number | undefined {
    const index = project.packageJsonText?.split('\n').findIndex((line) => line.includes(`"${key}"`));
    return index === undefined || index < 0 ? undefined : index + 1;
  }

  packageJsonPath(project: Project): string {
    return project.root === '.' ? 'package.json' : `${project.root}/package.json`;
  }

  /** Whether `packageName` appears in any dependency field of the project's package.json. */
  declaresDependency(project: Project, packageName: string): boolean {
    const json = project.packageJson;
    return [json?.dependencies, json?.devDependencies, json?.peerDependencies, json?.optionalDependencies].some(
      (deps) => deps !== undefined && Object.hasOwn(deps, packageName),
    );
  }

  private resolve(site: ImportSite): ResolvedImport | undefined {
    if (site.specifier.startsWith('.')) {
      const resolvedPath = path.posix.normalize(path.posix.join(path.posix.dirname(site.file), site.specifier));
      const target = this.projectOfPath(resolvedPath);
      return target === undefined || target.name === site.project ? undefined : { kind: 'relative', site, target, resolvedPath };
    }
    const parsed = parsePackageSpecifier(site.specifier);
    const target = parsed === undefined ? undefined : this.byPackageName.get(parsed.name);
    if (parsed === undefined || target === undefined || target.name === site.project) return undefined;
    return { kind: 'package', site, target, subpath: parsed.subpath };
  }
}
