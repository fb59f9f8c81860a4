import { writeFileSync } from 'node:fs';
import { checks } from '../boundaries/checks/index.js';
import { loadWorkspace } from '../boundaries/load-workspace.js';
import { runChecks } from '../boundaries/run-checks.js';
import { fanInOut } from './fan-in-out.js';

/**
 * One point of `pnpm boundaries:history`: run in a child process whose working directory is a
 * historical tree (Nx takes the workspace root from the working directory, once per process),
 * it runs today's checks there and writes the findings and each project's fan-in and fan-out,
 * as JSON, to the file named by its only argument.
 */
export type MeasureResult = Measurement | { error: string };

export interface Measurement {
  findings: { rule: string; project: string; owner: string }[];
  projects: { name: string; type: string | undefined }[];
  fanIn: Record<string, number>;
  fanOut: Record<string, number>;
}

const out = process.argv[2];
if (out === undefined) throw new Error('usage: measure.ts <out.json>');
try {
  writeFileSync(out, JSON.stringify(await measure()));
} catch (error) {
  // The tree's own fault (no Nx graph, a broken rules file): say why, in one paragraph.
  writeFileSync(out, JSON.stringify({ error: describe(error) }));
}

async function measure(): Promise<Measurement> {
  const workspace = await loadWorkspace();
  const report = await runChecks(workspace, checks);
  const { fanIn, fanOut } = fanInOut([...workspace.projects.keys()], workspace.graphEdges);
  return {
    findings: report.findings.map((f) => ({ rule: f.rule, project: f.where.project, owner: f.owner.project })),
    projects: [...workspace.projects.values()].map((p) => ({ name: p.name, type: p.tags.find((t) => t.startsWith('type:'))?.slice('type:'.length) })),
    fanIn,
    fanOut,
  };
}

/** An error's message, with the messages of the errors Nx aggregates into a ProjectGraphError. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const nested = (error as { errors?: unknown }).errors;
  const causes = Array.isArray(nested) ? nested.map((e) => (e instanceof Error ? e.message : String(e))) : [];
  return [error.message, ...causes].join('\n').trim();
}
