/** One job of the per-project test matrix. */
export interface MatrixEntry {
  project: string;
  /** The owning team (`team:` tag), so the job's name says who answers for a red run. */
  team: string;
  root: string;
}

export interface ProjectInfo {
  name: string;
  root: string;
  tags: readonly string[];
}

/**
 * The test matrix of a CI run: one entry per affected project that is not an e2e suite (those run
 * in one job after every project's job), sorted by name so job names are stable.
 */
export function affectedMatrix(affected: readonly string[], projects: readonly ProjectInfo[]): { include: MatrixEntry[]; e2e: string[] } {
  const byName = new Map(projects.map((project) => [project.name, project]));
  const include: MatrixEntry[] = [];
  const e2e: string[] = [];
  for (const name of [...new Set(affected)].sort()) {
    const project = byName.get(name);
    if (project === undefined) throw new Error(`nx reported ${name} as affected, but the project graph has no such project`);
    if (project.tags.includes('type:e2e')) {
      e2e.push(name);
      continue;
    }
    const team = project.tags.find((tag) => tag.startsWith('team:'))?.slice('team:'.length) ?? 'no team';
    include.push({ project: name, team, root: project.root });
  }
  return { include, e2e };
}
