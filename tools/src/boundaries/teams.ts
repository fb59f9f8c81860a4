import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTeams, TEAMS_FILE, type Teams } from '../ownership/teams.js';
import { ConfigError } from './config-error.js';

export { TEAMS_FILE };

/** tools/teams.json: every team that may own a package, with its GitHub handle (shared with the CODEOWNERS generator). */
export interface TeamsConfig {
  teams: Partial<Teams>;
}

export function loadTeams(root: string): TeamsConfig {
  try {
    return { teams: parseTeams(readFileSync(path.join(root, TEAMS_FILE), 'utf8')) };
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
}
