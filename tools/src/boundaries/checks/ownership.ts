import type { BoundaryCheck } from '../check.js';
import { finding, type Rule } from '../finding.js';
import { TEAMS_FILE } from '../teams.js';
import { tagValues, type Project, type WorkspaceIndex } from '../workspace.js';

export const missingTeamRule: Rule = {
  id: 'missing-team',
  why: 'Every package needs exactly one owning team, so every change to it, and every violation of its boundary, has someone to review and answer for it.',
  fix: `Add one "team:<team>" tag to the package's package.json nx.tags, naming a team from ${TEAMS_FILE}.`,
};

export const unknownTeamRule: Rule = {
  id: 'unknown-team',
  why: `Ownership only works if the team exists: ${TEAMS_FILE} maps each team to the GitHub handle that reviews its code.`,
  fix: `Use a team listed in ${TEAMS_FILE}, or add the new team there with its GitHub handle.`,
};

/** Every package declares one owning team, and that team is listed in tools/teams.json. */
export const ownershipCheck: BoundaryCheck = {
  name: 'ownership',
  rules: [missingTeamRule, unknownTeamRule],
  run(index) {
    return [...index.workspace.projects.values()].flatMap((project) => {
      const teams = tagValues(project, 'team:');
      const where = tagsLocation(index, project);
      const owner = index.ownerOf(project.name);
      if (teams.length === 0) return [finding(missingTeamRule, { message: `${project.name} has no team: tag.`, where, owner })];
      if (teams.length > 1) return [finding(missingTeamRule, { message: `${project.name} has ${teams.length} team: tags (${teams.join(', ')}); it needs exactly one.`, where, owner })];
      const team = teams[0] as string;
      if (index.workspace.teams.teams[team] !== undefined) return [];
      return [finding(unknownTeamRule, { message: `${project.name} is owned by team "${team}", which ${TEAMS_FILE} does not list.`, where, owner })];
    });
  },
};

function tagsLocation(index: WorkspaceIndex, project: Project) {
  const line = index.packageJsonLine(project, 'tags');
  return line === undefined ? { project: project.name } : { project: project.name, file: index.packageJsonPath(project), line };
}
