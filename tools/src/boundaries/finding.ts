/**
 * A rule of the house that a check enforces. `why` and `fix` travel with every finding, so a
 * report explains itself to someone who has never read the rule.
 */
export interface Rule {
  /** Stable id, kebab-case, used in every output format and in tests: `tag-constraint`. */
  id: string;
  /** Why the rule exists, in one sentence a new hire understands. */
  why: string;
  /** How to fix a violation, in general terms; the finding's message carries the specifics. */
  fix: string;
}

/** Where a violation is: a line in a file, or a whole package. Paths are workspace-relative. */
export interface Location {
  project: string;
  file?: string;
  line?: number;
}

/** The team owning the package a violation crossed into (or the package at fault, for package-level rules). */
export interface Owner {
  project: string;
  /** `undefined` when the package declares no `team:` tag. */
  team: string | undefined;
  /** The team's GitHub handle from tools/teams.json; `undefined` when the team is not listed there. */
  github: string | undefined;
}

/** One violation of one rule. */
export interface Finding {
  rule: string;
  /** What exactly is wrong here, naming the packages involved. */
  message: string;
  why: string;
  fix: string;
  where: Location;
  owner: Owner;
}

export function finding(rule: Rule, details: { message: string; where: Location; owner: Owner }): Finding {
  return { rule: rule.id, message: details.message, why: rule.why, fix: rule.fix, where: details.where, owner: details.owner };
}

/** `file:line`, `file` or `package <name>`: how every format prints a location. */
export function formatLocation(where: Location): string {
  if (where.file === undefined) return `package ${where.project}`;
  return where.line === undefined ? where.file : `${where.file}:${where.line}`;
}

/** Findings in a stable order: by file (package-level ones by package), then line, then rule. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const key = (f: Finding) => f.where.file ?? f.where.project;
  return [...findings].sort(
    (a, b) => key(a).localeCompare(key(b)) || (a.where.line ?? 0) - (b.where.line ?? 0) || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message),
  );
}
