import path from 'node:path';
import type { CommentDirective } from './comment-directives.js';
import type { UnresolvableImport } from './import-scanner.js';
import { resolveAlias, type PathAlias } from './path-aliases.js';
import type { DepConstraint } from './tag-rules.js';
import type { TeamsConfig } from './teams.js';

/** The parts of a package.json the checks read. */
export interface PackageJson {
  name?: string;
  exports?: unknown;
  /** Node's subpath imports (`#name`), private to the package. */
  imports?: Record<string, unknown>;
  nx?: { tags?: string[]; implicitDependencies?: string[] };
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

/** A specifier that cannot be read statically (`import(name)`), where it is. */
export interface UnresolvableSite extends UnresolvableImport {
  project: string;
  file: string;
}

/** A directive comment (`eslint-disable…`, `@ts-ignore`) in a project's file. */
export interface DirectiveSite extends CommentDirective {
  project: string;
  file: string;
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
  /** Every specifier no check can read (non-literal `import()`, `require(variable)`). */
  unresolvableImports: readonly UnresolvableSite[];
  /** Every checker-silencing comment of every source file. */
  directives: readonly DirectiveSite[];
  /** tsconfig `paths` aliases of the root and of each project. */
  pathAliases: readonly PathAlias[];
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
  | { kind: 'package'; site: ImportSite; target: Project; subpath: string; via?: string }
  | { kind: 'relative'; site: ImportSite; target: Project; resolvedPath: string }
  /** Through a tsconfig `paths` alias or a package.json `imports` (`#name`) entry, named in `via`. */
  | { kind: 'alias'; site: ImportSite; target: Project; resolvedPath: string; via: string };

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
    const other = (target: Project | undefined) => (target === undefined || target.name === site.project ? undefined : target);
    if (site.specifier.startsWith('.')) {
      const resolvedPath = path.posix.normalize(path.posix.join(path.posix.dirname(site.file), site.specifier));
      const target = other(this.projectOfPath(resolvedPath));
      return target === undefined ? undefined : { kind: 'relative', site, target, resolvedPath };
    }
    if (site.specifier.startsWith('#')) return this.resolveSubpathImport(site);
    for (const alias of this.workspace.pathAliases) {
      if (alias.project !== undefined && alias.project !== site.project) continue;
      const resolvedPath = resolveAlias(alias, site.specifier);
      if (resolvedPath === undefined) continue;
      const target = other(this.projectOfPath(resolvedPath));
      return target === undefined ? undefined : { kind: 'alias', site, target, resolvedPath, via: `tsconfig paths "${alias.pattern}" in ${alias.file}` };
    }
    const parsed = parsePackageSpecifier(site.specifier);
    const target = other(parsed === undefined ? undefined : this.byPackageName.get(parsed.name));
    if (parsed === undefined || target === undefined) return undefined;
    return { kind: 'package', site, target, subpath: parsed.subpath };
  }

  /** `#name` through the importer's package.json `imports`: a path in another package, or another package's specifier. */
  private resolveSubpathImport(site: ImportSite): ResolvedImport | undefined {
    const importer = this.project(site.project);
    const mapped = subpathImportTarget(importer.packageJson?.imports, site.specifier);
    if (mapped === undefined) return undefined;
    const via = `package.json imports "${site.specifier}" of ${importer.name}`;
    if (mapped.startsWith('.')) {
      const resolvedPath = path.posix.normalize(path.posix.join(importer.root, mapped));
      const target = this.projectOfPath(resolvedPath);
      return target === undefined || target.name === site.project ? undefined : { kind: 'alias', site, target, resolvedPath, via };
    }
    const parsed = parsePackageSpecifier(mapped);
    const target = parsed === undefined ? undefined : this.byPackageName.get(parsed.name);
    if (parsed === undefined || target === undefined || target.name === site.project) return undefined;
    return { kind: 'package', site, target, subpath: parsed.subpath, via };
  }
}

/** The target of `specifier` in a package.json `imports` map (exact keys, `*` patterns, the first string of a conditions object). */
function subpathImportTarget(imports: Record<string, unknown> | undefined, specifier: string): string | undefined {
  if (imports === undefined) return undefined;
  const pick = (value: unknown, star: string): string | undefined => {
    if (typeof value === 'string') return value.replace('*', star);
    if (Array.isArray(value)) return pick(value[0], star);
    if (value !== null && typeof value === 'object') return pick(Object.values(value)[0], star);
    return undefined;
  };
  if (Object.hasOwn(imports, specifier)) return pick(imports[specifier], '');
  for (const [key, value] of Object.entries(imports)) {
    const star = key.indexOf('*');
    if (star >= 0 && specifier.startsWith(key.slice(0, star)) && specifier.endsWith(key.slice(star + 1))) {
      return pick(value, specifier.slice(star, specifier.length - (key.length - star - 1)));
    }
  }
  return undefined;
}
