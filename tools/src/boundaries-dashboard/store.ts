import type { Finding } from '../boundaries/finding.js';
import type { ProjectSummary } from '../boundaries/run-checks.js';
import type { SanctionedRead } from '../boundaries/sanctioned-reads.js';

/** One CI run's boundaries artifact: `run.json` (written by ci.yml) and `report.json` (`pnpm boundaries --report-dir`). */
export interface RunArtifact {
  run: { event: string; pr: number | null; sha: string; ref: string; runId: number; at: string };
  report: { findings: Finding[]; projects: ProjectSummary[]; sanctionedReads: SanctionedRead[] };
}

/** A violation CI caught, counted once: on the first run that saw it. */
export interface CaughtViolation {
  /** What makes two sightings the same violation: where it was caught (a PR, or main), rule, place and message; not the line, which moves between pushes. */
  key: string;
  month: string;
  at: string;
  /** The pull request it was caught on, or `null` for a push to main. */
  pr: number | null;
  rule: string;
  /** The project where the violation is (the importer, the package at fault) and its team. */
  project: string;
  team: string;
  /** The project whose boundary was crossed, and its team. */
  crossed: string;
  crossedTeam: string;
}

/** The shape of the main branch at a run: each project's fan-in and fan-out, and the register of sanctioned reads. */
export interface MainSnapshot {
  at: string;
  month: string;
  sha: string;
  projects: ProjectSummary[];
  sanctionedReads: SanctionedRead[];
}

/** The dashboard's data, kept on the `boundaries-data` branch (see boundaries-dashboard.yml): it outlives CI's artifacts. */
export interface ViolationStore {
  version: 1;
  /** CI runs already ingested, so a run is never counted twice. */
  runs: number[];
  violations: CaughtViolation[];
  snapshots: MainSnapshot[];
}

export const emptyStore = (): ViolationStore => ({ version: 1, runs: [], violations: [], snapshots: [] });

/**
 * Adds CI runs to the store, oldest first. Each finding of a run becomes a caught violation the
 * first time it is seen: repeated pushes of one pull request add nothing, a violation fixed
 * before the merge stays counted in the month it was caught, and a finding on main that a pull
 * request already reported is the same violation (merged anyway), not a second one. Pushes to
 * main also add a snapshot of the graph and the sanctioned-reads register.
 */
export function ingestRuns(store: ViolationStore, artifacts: readonly RunArtifact[]): ViolationStore {
  const next: ViolationStore = { version: 1, runs: [...store.runs], violations: [...store.violations], snapshots: [...store.snapshots] };
  const known = new Set(next.violations.map((v) => v.key));
  const seenAnywhere = new Set(next.violations.map((v) => v.key.slice(v.key.indexOf('\u0000') + 1)));
  for (const { run, report } of [...artifacts].sort((a, b) => a.run.at.localeCompare(b.run.at) || a.run.runId - b.run.runId)) {
    if (next.runs.includes(run.runId)) continue;
    next.runs.push(run.runId);
    const month = run.at.slice(0, 7);
    const teamOf = new Map(report.projects.map((p) => [p.name, p.team ?? 'no team']));
    for (const f of report.findings) {
      const what = [f.rule, f.where.project, f.where.file ?? '', f.message].join('\u0001');
      const key = `${run.pr === null ? 'main' : `pr#${run.pr}`}\u0000${what}`;
      if (known.has(key) || (run.pr === null && seenAnywhere.has(what))) continue;
      known.add(key);
      seenAnywhere.add(what);
      next.violations.push({
        key,
        month,
        at: run.at,
        pr: run.pr,
        rule: f.rule,
        project: f.where.project,
        team: teamOf.get(f.where.project) ?? 'no team',
        crossed: f.owner.project,
        crossedTeam: f.owner.team ?? 'no team',
      });
    }
    if (run.pr === null && run.event === 'push') next.snapshots.push({ at: run.at, month, sha: run.sha, projects: report.projects, sanctionedReads: report.sanctionedReads });
  }
  next.runs.sort((a, b) => a - b);
  return next;
}
