import { getProjects, type Tree } from '@nx/devkit';
import { CODEOWNERS_FILE, renderCodeowners } from '../../ownership/codeowners.js';
import { readTeams } from '../../ownership/teams.js';

/**
 * Global sync generator (nx.json `sync.globalGenerators`): `nx sync` rewrites .github/CODEOWNERS
 * from the team: tags, `nx sync:check` fails while the committed file differs.
 */
/** What Nx expects back from a sync generator (the shape of nx's SyncGeneratorResult). */
export type SyncGeneratorResult = void | { outOfSyncMessage?: string };

export async function codeownersGenerator(tree: Tree): Promise<SyncGeneratorResult> {
  const projects = [...getProjects(tree)].map(([name, project]) => ({ name, root: project.root, tags: project.tags ?? [] }));
  const expected = renderCodeowners(projects, readTeams(tree));
  if (tree.read(CODEOWNERS_FILE, 'utf8') === expected) return;
  tree.write(CODEOWNERS_FILE, expected);
  return { outOfSyncMessage: `${CODEOWNERS_FILE} does not match the projects' team: tags and tools/teams.json` };
}

export default codeownersGenerator;
