import { formatLocation, type Finding, type Owner } from '../finding.js';
import type { Report } from '../run-checks.js';

/** The default output: one block per finding, for a terminal. */
export function formatHuman(report: Report, elapsedMs: number): string {
  const { stats } = report;
  const scope = `${stats.projects} projects, ${stats.files} files, ${stats.imports} imports, in ${(elapsedMs / 1000).toFixed(2)}s`;
  if (report.findings.length === 0) return `pnpm boundaries: no findings (${scope}).\n`;
  const blocks = report.findings.map(
    (f: Finding) => `${formatLocation(f.where)}  ${f.rule}\n  ${f.message}\n  why:   ${f.why}\n  fix:   ${f.fix}\n  owner: ${describeOwner(f.owner)}\n`,
  );
  return `${blocks.join('\n')}\npnpm boundaries: ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'} (${scope}).\n`;
}

/** `@shop/customers is owned by team accounts (@shop-org/accounts)`. */
export function describeOwner(owner: Owner): string {
  if (owner.team === undefined) return `${owner.project} has no owning team`;
  return `${owner.project} is owned by team ${owner.team} (${owner.github ?? 'no GitHub handle in tools/teams.json'})`;
}
