import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyWorkspace, type WorkspaceCopy } from './workspace-copy.js';

/** A project as the Nx project graph of a workspace copy describes it. */
export interface GraphProject {
  name: string;
  root: string;
  tags: string[];
  /** Workspace projects this one depends on, as Nx's graph has them. */
  dependencies: string[];
}

export interface GitWorkspaceCopy extends WorkspaceCopy {
  /** Runs git in the copy and returns its standard output; throws when git fails. */
  git(...args: string[]): string;
  /** Stages everything and commits it; returns the new commit's sha. */
  commitAll(message: string): string;
  /** Runs the copy's Nx with a cache and workspace data of its own. */
  nx(args: string[], env?: Record<string, string>): ReturnType<WorkspaceCopy['run']>;
  /** The env that keeps Nx's cache inside the copy, for any other command that runs Nx there. */
  nxEnv: Record<string, string>;
  /** `nx show projects --affected --base --head`, sorted. */
  affectedProjects(base: string, head?: string): string[];
  /** The project graph, from `nx graph --file`. */
  projects(): GraphProject[];
}

/**
 * A throwaway copy of the workspace with a git history of its own (one commit holding the
 * copy), so tests and benchmarks can commit changes and ask Nx what they affect, as CI does.
 *
 * Nx 23 keeps its cache and workspace data under ~/.nx/<workspace id>, the id coming from the
 * git remote or first commit, so every copy would leave a directory there and could replay a
 * sibling's results; NX_CACHE_DIRECTORY and NX_WORKSPACE_DATA_DIRECTORY keep both in the copy.
 */
export function copyWorkspaceWithHistory(source?: string): GitWorkspaceCopy {
  const copy = copyWorkspace(source);
  const nxEnv = {
    NX_CACHE_DIRECTORY: path.join(copy.root, '.nx/cache'),
    NX_WORKSPACE_DATA_DIRECTORY: path.join(copy.root, '.nx/workspace-data'),
  };
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=affected-test', '-c', 'user.email=affected-test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
      cwd: copy.root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  git('init', '-q', '-b', 'main');
  // `node_modules/` in .gitignore matches directories only; the copy's root node_modules is a symlink.
  appendFileSync(path.join(copy.root, '.git/info/exclude'), '/node_modules\n');
  const nx = (args: string[], env: Record<string, string> = {}) => copy.run('node_modules/.bin/nx', args, { env: { ...nxEnv, ...env } });
  const commitAll = (message: string) => {
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', message);
    return git('rev-parse', 'HEAD').trim();
  };
  commitAll('workspace copy');
  return {
    ...copy,
    git,
    commitAll,
    nx,
    nxEnv,
    affectedProjects(base, head) {
      const result = nx(['show', 'projects', '--affected', `--base=${base}`, ...(head ? [`--head=${head}`] : []), '--json']);
      if (result.status !== 0) throw new Error(`nx show projects --affected failed:\n${result.stdout}\n${result.stderr}`);
      return (JSON.parse(result.stdout) as string[]).sort();
    },
    projects() {
      const dir = mkdtempSync(path.join(tmpdir(), 'shop-graph-'));
      try {
        const file = path.join(dir, 'graph.json');
        const result = nx(['graph', `--file=${file}`]);
        if (result.status !== 0) throw new Error(`nx graph failed:\n${result.stdout}\n${result.stderr}`);
        const { graph } = JSON.parse(readFileSync(file, 'utf8')) as {
          graph: { nodes: Record<string, { data: { root: string; tags?: string[] } }>; dependencies: Record<string, { target: string }[]> };
        };
        return Object.entries(graph.nodes).map(([name, node]) => ({
          name,
          root: node.data.root,
          tags: node.data.tags ?? [],
          dependencies: (graph.dependencies[name] ?? []).map((d) => d.target).filter((t) => t in graph.nodes),
        }));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

