import type { BoundaryCheck } from './check.js';
import { sortFindings, type Finding } from './finding.js';
import { WorkspaceIndex, type Workspace } from './workspace.js';

/** The outcome of one `pnpm boundaries` run, which every output format renders. */
export interface Report {
  findings: Finding[];
  stats: { projects: number; files: number; imports: number; checks: string[]; timings: Record<string, number> };
}

/** Runs each check over the loaded workspace and collects their findings, sorted by location. */
export async function runChecks(workspace: Workspace, checks: readonly BoundaryCheck[]): Promise<Report> {
  const index = new WorkspaceIndex(workspace);
  const findings: Finding[] = [];
  const started = performance.now();
  for (const check of checks) {
    const ruleIds = new Set(check.rules.map((rule) => rule.id));
    for (const found of await check.run(index)) {
      // Every finding must carry a rule the check declares, so reports and docs list every rule.
      if (!ruleIds.has(found.rule)) throw new Error(`check ${check.name} reported rule ${found.rule}, which it does not declare`);
      findings.push(found);
    }
  }
  return {
    findings: sortFindings(findings),
    stats: { projects: workspace.projects.size, files: workspace.filesScanned, imports: workspace.imports.length, checks: checks.map((check) => check.name),
      timings: { ...workspace.timings, checksMs: Math.round(performance.now() - started) },
    },
  };
}
