import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyWorkspaceWithHistory, type GitWorkspaceCopy, type GraphProject } from '../src/git-workspace-copy.js';

/**
 * What `nx affected` selects, proved on a throwaway git history of this workspace: a change in
 * one module affects that module, the projects that declare a dependency on it (directly or
 * through others), and so the apps and the e2e suite, never an unrelated module. Modules are
 * discovered from the project graph's tags at run time, so the test grows with the workspace.
 *
 * The expected sets come from the package.json files, not from Nx's graph, so the test checks
 * Nx against what the packages declare rather than against itself.
 */
let workspace: GitWorkspaceCopy;
let base: string;
let projects: GraphProject[];
beforeAll(() => {
  workspace = copyWorkspaceWithHistory();
  base = workspace.git('rev-parse', 'HEAD').trim();
  projects = workspace.projects();
});
afterAll(() => workspace?.remove());

const hasTag = (tag: string) => (project: GraphProject) => project.tags.includes(tag);
const names = (list: GraphProject[]) => list.map((p) => p.name).sort();

function packageJson(project: GraphProject): { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(path.join(workspace.root, project.root, 'package.json'), 'utf8'));
}

function declaredDependencies(project: GraphProject): Record<string, string> {
  const json = packageJson(project);
  return { ...json.dependencies, ...json.devDependencies };
}

/** `names` and every project that declares a dependency on one of them, transitively. */
function withDependents(start: string[]): string[] {
  const result = new Set(start);
  for (let grew = true; grew; ) {
    grew = false;
    for (const project of projects) {
      if (result.has(project.name)) continue;
      if (Object.keys(declaredDependencies(project)).some((dependency) => result.has(dependency))) {
        result.add(project.name);
        grew = true;
      }
    }
  }
  return [...result].sort();
}

/** Commits `change` on top of the base, hands the new head to `inspect`, and goes back to the base. */
function withCommittedChange<T>(change: () => void, inspect: (head: string) => T): T {
  change();
  const head = workspace.commitAll('change');
  try {
    return inspect(head);
  } finally {
    workspace.git('reset', '-q', '--hard', base);
  }
}

/** What Nx calls affected by `change`, committed on top of the base. */
function affectedBy(change: () => void): string[] {
  return withCommittedChange(change, (head) => workspace.affectedProjects(base, head));
}

type WhyReport = { affected: Array<{ project: string; kind: string; files?: string[]; path?: string[] }> };

/** `pnpm affected:why --json` in the copy. */
function affectedWhy(head: string): WhyReport {
  const result = workspace.run('node', ['--conditions=@shop/source', '--import', 'tsx', 'tools/src/affected-why/main.ts', `--base=${base}`, `--head=${head}`, '--json'], {
    env: workspace.nxEnv,
  });
  if (result.status !== 0) throw new Error(`affected:why failed:\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(result.stdout);
}

describe('the workspace under test', () => {
  it('has modules, an app and an e2e project, found by their tags', () => {
    expect(projects.filter(hasTag('type:module')).length).toBeGreaterThan(0);
    expect(projects.filter(hasTag('type:app')).length).toBeGreaterThan(0);
    expect(projects.filter(hasTag('type:e2e')).length).toBeGreaterThan(0);
  });

  it('affects nothing when nothing changed', () => {
    expect(workspace.affectedProjects(base, base)).toEqual([]);
  });
});

describe('a one-file change in each module', () => {
  it('affects exactly that module, the modules that depend on it, the apps and the e2e suite', () => {
    const modules = projects.filter(hasTag('type:module'));
    const apps = names(projects.filter((p) => p.tags.includes('type:app') || p.tags.includes('type:e2e')));
    for (const module of modules) {
      const file = path.join(module.root, 'src/index.ts');
      const affected = affectedBy(() => workspace.write(file, `${workspace.read(file)}\n// a change to ${module.name}\n`));

      const expected = withDependents([module.name]);
      expect(affected, `change to ${file}`).toEqual(expected);
      // Every app composes every module and the e2e suite drives the app: both always run.
      for (const app of apps) expect(affected, `change to ${file}`).toContain(app);
      const unrelated = modules.filter((m) => !expected.includes(m.name)).map((m) => m.name);
      for (const other of unrelated) expect(affected, `change to ${file}`).not.toContain(other);
      // Nothing a module builds on is retested because the module changed.
      for (const platform of projects.filter(hasTag('type:platform'))) expect(affected).not.toContain(platform.name);
    }
  });

  it('a change to a module test file affects the same set: tests are part of what a project is', () => {
    const module = projects.find(hasTag('type:module')) as GraphProject;
    const affected = affectedBy(() => workspace.write(path.join(module.root, 'test/affected-probe.test.ts'), 'export {};\n'));
    expect(affected).toEqual(withDependents([module.name]));
  });
});

describe('pnpm affected:why', () => {
  it('explains each project Nx calls affected: the changed file, or the dependency path to it', () => {
    const module = projects.find(hasTag('type:module')) as GraphProject;
    const file = path.join(module.root, 'src/index.ts');
    withCommittedChange(
      () => workspace.write(file, `${workspace.read(file)}\n// a change to ${module.name}\n`),
      (head) => {
        const why = affectedWhy(head);
        expect(why.affected.map((r) => r.project)).toEqual(workspace.affectedProjects(base, head));
        for (const reason of why.affected) {
          if (reason.project === module.name) expect(reason).toEqual({ project: module.name, kind: 'changed', files: [file] });
          else expect(reason).toMatchObject({ kind: 'depends', files: [file], path: expect.arrayContaining([reason.project, module.name]) });
          if (reason.path) expect([reason.path[0], reason.path.at(-1)]).toEqual([reason.project, module.name]);
        }
      },
    );
  });

  it('traces a lock-file change to the npm package that changed', () => {
    const lockFile = workspace.read('pnpm-lock.yaml');
    const { dependency, user, version } = dependencyOfExactlyOneProject(lockFile);
    withCommittedChange(
      () => workspace.write('pnpm-lock.yaml', bumpLockedVersion(lockFile, dependency, version, bumpVersion(version))),
      (head) => {
        const why = affectedWhy(head);
        expect(why.affected.map((r) => r.project)).toEqual(workspace.affectedProjects(base, head));
        const own = why.affected.find((r) => r.project === user.name);
        expect(own).toMatchObject({ kind: 'depends', files: ['pnpm-lock.yaml'] });
        expect(own?.path?.[0]).toBe(user.name);
        expect(own?.path?.at(-1)).toMatch(new RegExp(`^npm:${escape(dependency)}(@|$)`));
      },
    );
  });
});

describe('a lock-file change', () => {
  it('touching one package dependency marks only the projects that use it, under projectsAffectedByDependencyUpdates "auto"', () => {
    const nxJson = JSON.parse(workspace.read('nx.json'));
    expect(nxJson.pluginsConfig['@nx/js'].projectsAffectedByDependencyUpdates).toBe('auto');

    const lockFile = workspace.read('pnpm-lock.yaml');
    const { dependency, user, version } = dependencyOfExactlyOneProject(lockFile);
    const bumped = bumpVersion(version);
    const affected = affectedBy(() => workspace.write('pnpm-lock.yaml', bumpLockedVersion(lockFile, dependency, version, bumped)));

    expect(affected, `${dependency} ${version} → ${bumped}, used by ${user.name}`).toEqual(withDependents([user.name]));
    // and not the whole workspace, which is what Nx does without "auto".
    expect(affected.length).toBeLessThan(projects.length);
  });

  it('that resolves no package differently affects nothing by itself: Nx diffs resolved packages, not text', () => {
    const lockFile = workspace.read('pnpm-lock.yaml');
    const { dependency, user } = dependencyOfExactlyOneProject(lockFile);
    // A widened range that still resolves to the same version: the importer's specifier changes.
    const specifier = new RegExp(`(\\n  ${escape(user.root)}:\\n(?: {4,}.*\\n)*? {6}'?${escape(dependency)}'?:\\n {8}specifier: )(.*)`);
    expect(lockFile).toMatch(specifier);
    const affected = affectedBy(() => workspace.write('pnpm-lock.yaml', lockFile.replace(specifier, '$1\'>=0.0.0\'')));
    expect(affected).toEqual([]);
  });
});

/**
 * An npm package that exactly one project declares (a module if there is one) and no other
 * locked package depends on, so bumping it should affect that project's side of the graph only.
 */
function dependencyOfExactlyOneProject(lockFile: string): { dependency: string; user: GraphProject; version: string } {
  const snapshots = lockFile.slice(lockFile.indexOf('\nsnapshots:'));
  const rootJson = JSON.parse(workspace.read('package.json'));
  const rootDependencies = { ...rootJson.dependencies, ...rootJson.devDependencies };
  const users = new Map<string, GraphProject[]>();
  for (const project of projects) {
    for (const [dependency, range] of Object.entries(declaredDependencies(project))) {
      if (range.startsWith('workspace:') || dependency in rootDependencies) continue;
      users.set(dependency, [...(users.get(dependency) ?? []), project]);
    }
  }
  const candidates = [...users.entries()]
    .filter(([, list]) => list.length === 1)
    .map(([dependency, [user]]) => ({ dependency, user: user as GraphProject }))
    .filter(({ dependency }) => !new RegExp(`^ {6}'?${escape(dependency)}'?: `, 'm').test(snapshots))
    .sort((a, b) => Number(b.user.tags.includes('type:module')) - Number(a.user.tags.includes('type:module')) || a.dependency.localeCompare(b.dependency));
  for (const { dependency, user } of candidates) {
    const version = lockedVersion(lockFile, user.root, dependency);
    if (version) return { dependency, user, version };
  }
  throw new Error('no npm package is declared by exactly one project');
}

/** The version pnpm resolved `dependency` to for the importer at `root`, peer suffix dropped. */
function lockedVersion(lockFile: string, root: string, dependency: string): string | undefined {
  const importer = new RegExp(`\\n  ${escape(root)}:\\n((?: {4,}.*\\n)+)`).exec(lockFile)?.[1] ?? '';
  return new RegExp(`\\n {6}'?${escape(dependency)}'?:\\n {8}specifier: .*\\n {8}version: ([^(\\s]+)`).exec(`\n${importer}`)?.[1];
}

/** What `pnpm update` writes for a new patch release: the importer's version and every package key. */
function bumpLockedVersion(lockFile: string, dependency: string, from: string, to: string): string {
  const key = new RegExp(`(^|[\\s'(])${escape(`${dependency}@${from}`)}(?=[(:'\\s)])`, 'gm');
  const importerVersion = new RegExp(`(\\n {6}'?${escape(dependency)}'?:\\n {8}specifier: .*\\n {8}version: )${escape(from)}`, 'g');
  const bumped = lockFile.replace(importerVersion, `$1${to}`).replace(key, `$1${dependency}@${to}`);
  if (bumped === lockFile || bumped.includes(`${dependency}@${from}`)) throw new Error(`could not bump ${dependency}@${from} in pnpm-lock.yaml`);
  return bumped;
}

function bumpVersion(version: string): string {
  const [major, minor, patch] = version.split(/[.-]/);
  return `${major}.${minor}.${Number(patch) + 1}`;
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
