import type { Tree } from '@nx/devkit';

/** Where every team's GitHub handle lives: the one place to change when a team is renamed. */
export const TEAMS_FILE = 'tools/teams.json';

export interface Team {
  github: string;
  description: string;
}
export type Teams = Record<string, Team>;

/** Parses `tools/teams.json`, naming the first entry that is not `{ github: "@org/team", description }`. */
export function parseTeams(text: string): Teams {
  const json = JSON.parse(text) as { teams?: unknown };
  if (!json.teams || typeof json.teams !== 'object') throw new Error(`${TEAMS_FILE}: expected { "teams": { "<team>": { "github": "@org/team", ... } } }`);
  const teams: Teams = {};
  for (const [name, value] of Object.entries(json.teams as Record<string, unknown>)) {
    const team = value as Partial<Team> | null;
    if (!team || typeof team.github !== 'string' || !/^@[\w.-]+\/[\w.-]+$/.test(team.github)) {
      throw new Error(`${TEAMS_FILE}: team "${name}" needs a "github" handle like "@shop-org/${name}"`);
    }
    teams[name] = { github: team.github, description: typeof team.description === 'string' ? team.description : '' };
  }
  return teams;
}

export function readTeams(tree: Tree): Teams {
  const text = tree.read(TEAMS_FILE, 'utf8');
  if (text === null) throw new Error(`${TEAMS_FILE} is missing: it maps each team: tag to a GitHub handle`);
  return parseTeams(text);
}

/** The owning team named by a project's `team:<name>` tag, or undefined when it has none. */
export function teamOf(tags: readonly string[] | undefined): string | undefined {
  return tags?.find((tag) => tag.startsWith('team:'))?.slice('team:'.length);
}
