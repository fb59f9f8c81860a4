import type { BoundaryCheck } from './check.js';
import { sortFindings, type Finding } from './finding.js';
import { fanInOut } from '../boundaries-history/fan-in-out.js';
import { moduleEdges, type ModuleEdge } from './module-edges.js';
import { sanctionedReads, type SanctionedRead } from './sanctioned-reads.js';
import { tagValue, WorkspaceIndex, type Workspace } from './workspace.js';

/** Each project as the dashboard charts it: kind, owning team, and its edges in and out (Nx's graph). */
export interface ProjectSummary {
  name: string;
  type: string | undefined;
  team: string | undefined;
  fanIn: number;
  fanOut: number;
}

/** The outcome of one `pnpm boundaries` run, which every output format renders. */
export interface Report {
  findings: Finding[];
  projects: ProjectSummary[];
  /** Edges into modules by kind: calls, events, module entry (and the exit ramp's client, contract). */
  moduleEdges: ModuleEdge[];
  sanctionedReads: SanctionedRead[];
  stats: { projects: number; files: number; imports: number; checks: string[]; timings: Record<string, number> };
}

/** Runs each check over the loaded workspace and collects their findings, sorted by location. */
export async function runChecks(workspace: Workspace, checks: readonly BoundaryCheck[]): Promise<Report> {
  const index = new WorkspaceIndex(workspace);
  const findings: Finding[] = [];
  const started = performance.now();
  const perCheck: Record<string, number> = {};
  for (const check of checks) {
    const checkStarted = performance.now();
    const ruleIds = new Set(check.rules.map((rule) => rule.id));
    for (const found of await check.run(index)) {
      // Every finding must carry a rule the check declares, so reports and docs list every rule.
      if (!ruleIds.has(found.rule)) throw new Error(`check ${check.name} reported rule ${found.rule}, which it does not declare`);
      findings.push(found);
    }
    perCheck[`check:${check.name}Ms`] = Math.round(performance.now() - checkStarted);
  }
  const { fanIn, fanOut } = fanInOut([...workspace.projects.keys()], workspace.graphEdges);
  const projects = [...workspace.projects.values()]
    .map((project) => ({ name: project.name, type: tagValue(project, 'type:'), team: tagValue(project, 'team:'), fanIn: fanIn[project.name] ?? 0, fanOut: fanOut[project.name] ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    findings: sortFindings(findings),
    projects,
    moduleEdges: moduleEdges(index),
    sanctionedReads: sanctionedReads(index),
    stats: { projects: workspace.projects.size, files: workspace.filesScanned, imports: workspace.imports.length, checks: checks.map((check) => check.name),
      timings: { ...workspace.timings, checksMs: Math.round(performance.now() - started), ...perCheck },
    },
  };
}
