import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config-error.js';

/** tools/teams.json: every team that may own a package, with its GitHub handle (shared with the CODEOWNERS generator). */
export interface TeamsConfig {
  teams: Record<string, { github: string; description?: string }>;
}

export const TEAMS_FILE = 'tools/teams.json';

export function loadTeams(root: string): TeamsConfig {
  const json = JSON.parse(readFileSync(path.join(root, TEAMS_FILE), 'utf8')) as { teams?: unknown };
  if (typeof json.teams !== 'object' || json.teams === null) throw new ConfigError(`${TEAMS_FILE}: "teams" must be an object`);
  for (const [team, entry] of Object.entries(json.teams)) {
    const github = (entry as { github?: unknown } | null)?.github;
    if (typeof github !== 'string' || !/^@[\w.-]+(\/[\w.-]+)?$/.test(github)) {
      throw new ConfigError(`${TEAMS_FILE}: team "${team}" needs a GitHub handle such as "@org/team-name"`);
    }
  }
  return json as TeamsConfig;
}
