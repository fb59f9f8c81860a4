import type { MainSnapshot, ViolationStore } from './store.js';

/** What history.html shows, computed from the store. */
export interface Dashboard {
  months: string[];
  /** month → project → violations caught. */
  byModule: Record<string, Record<string, number>>;
  /** month → team → violations caught (the team owning the project where the violation was). */
  byTeam: Record<string, Record<string, number>>;
  teamTotals: Record<string, number>;
  /** Violations caught on pull requests (never reached main) and on main, per month. */
  caughtOn: Record<string, { pullRequests: number; main: number }>;
  /** month → the register of sanctioned cross-module reads at the month's last main snapshot. */
  sanctionedReads: Record<string, MainSnapshot['sanctionedReads']>;
  /** project → month → fan-in/fan-out at the month's last main snapshot. */
  fan: Record<string, Record<string, { fanIn: number; fanOut: number }>>;
  /** `type:` of each project at the last snapshot, to list modules first. */
  types: Record<string, string>;
}

export function aggregate(store: ViolationStore): Dashboard {
  const months = [...new Set([...store.violations.map((v) => v.month), ...store.snapshots.map((s) => s.month)])].sort();
  const byModule: Dashboard['byModule'] = {};
  const byTeam: Dashboard['byTeam'] = {};
  const teamTotals: Dashboard['teamTotals'] = {};
  const caughtOn: Dashboard['caughtOn'] = {};
  for (const month of months) {
    byModule[month] = {};
    byTeam[month] = {};
    caughtOn[month] = { pullRequests: 0, main: 0 };
  }
  for (const v of store.violations) {
    const modules = byModule[v.month] as Record<string, number>;
    const teams = byTeam[v.month] as Record<string, number>;
    modules[v.project] = (modules[v.project] ?? 0) + 1;
    teams[v.team] = (teams[v.team] ?? 0) + 1;
    teamTotals[v.team] = (teamTotals[v.team] ?? 0) + 1;
    const caught = caughtOn[v.month] as { pullRequests: number; main: number };
    if (v.pr === null) caught.main++;
    else caught.pullRequests++;
  }
  const lastOfMonth = new Map<string, MainSnapshot>();
  for (const snapshot of [...store.snapshots].sort((a, b) => a.at.localeCompare(b.at))) lastOfMonth.set(snapshot.month, snapshot);
  const sanctionedReads: Dashboard['sanctionedReads'] = {};
  const fan: Dashboard['fan'] = {};
  const types: Dashboard['types'] = {};
  for (const [month, snapshot] of lastOfMonth) {
    sanctionedReads[month] = snapshot.sanctionedReads;
    for (const project of snapshot.projects) {
      fan[project.name] ??= {};
      (fan[project.name] as Record<string, { fanIn: number; fanOut: number }>)[month] = { fanIn: project.fanIn, fanOut: project.fanOut };
      types[project.name] = project.type ?? 'untyped';
    }
  }
  return { months, byModule, byTeam, teamTotals, caughtOn, sanctionedReads, fan, types };
}
