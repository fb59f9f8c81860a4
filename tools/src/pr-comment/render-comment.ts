import { formatLocation, type Finding } from '../boundaries/finding.js';

/** Hidden first line of the comment: how the workflow finds its own comment to update in place. */
export const COMMENT_MARKER = '<!-- shop-boundaries-report -->';
/** Findings shown in full; the rest are listed in a collapsed block. */
export const DEFAULT_LIMIT = 20;
/** GitHub refuses comments over 65,536 characters; stay well under it. */
const MAX_BODY = 60_000;

/** The parts of `pnpm boundaries --json` the comment reads. */
export interface BoundariesReport {
  ok: boolean;
  findings: Finding[];
  stats: { projects: number; files: number; imports: number };
}

export interface CommentContext {
  /** The commit the report is for. */
  sha: string;
  /** `owner/name`, to link each location to the file at that commit. */
  repository?: string;
  /** The CI run that produced the report. */
  runUrl?: string;
  limit?: number;
}

/**
 * The body of the one sticky pull-request comment: clean ("resolved" when it replaces an earlier
 * report), or every finding grouped by rule, with the rule's why and fix once per group and, per
 * finding, file:line (linked), what is wrong and the owning team with its handle. Past `limit`
 * findings the rest are collapsed.
 */
export function renderComment(report: BoundariesReport, context: CommentContext): string {
  const short = context.sha.slice(0, 7);
  const run = context.runUrl === undefined ? '' : ` ([CI run](${context.runUrl}))`;
  const scope = `${report.stats.projects} projects, ${report.stats.files} files, ${report.stats.imports} imports checked at \`${short}\`${run}.`;
  if (report.findings.length === 0) {
    return `${COMMENT_MARKER}\n### ✅ Module boundaries: resolved, no findings\n\n${scope}\n`;
  }
  const count = report.findings.length;
  const limit = context.limit ?? DEFAULT_LIMIT;
  const lines = [
    COMMENT_MARKER,
    `### ❌ Module boundaries: ${count} finding${count === 1 ? '' : 's'}`,
    '',
    `${scope} Run \`pnpm boundaries\` locally to reproduce; this comment is updated on every push.`,
    '',
    '| rule | findings | owners |',
    '| --- | --- | --- |',
    ...groupByRule(report.findings).map(([rule, found]) => `| \`${rule}\` | ${found.length} | ${[...new Set(found.map(ownerText))].join(', ')} |`),
    '',
  ];
  let shown = 0;
  const hidden: Finding[] = [];
  for (const [rule, found] of groupByRule(report.findings)) {
    const visible = found.slice(0, Math.max(0, limit - shown));
    hidden.push(...found.slice(visible.length));
    shown += visible.length;
    if (visible.length === 0) continue;
    const first = found[0] as Finding;
    lines.push(`#### \`${rule}\``, '', `**Why:** ${first.why}`, '', `**Fix:** ${first.fix}`, '', '| where | what | owner |', '| --- | --- | --- |');
    for (const f of visible) lines.push(row(f, context));
    lines.push('');
  }
  if (hidden.length > 0) {
    lines.push(`<details><summary>${hidden.length} more finding${hidden.length === 1 ? '' : 's'}</summary>`, '', '| where | rule | what | owner |', '| --- | --- | --- | --- |');
    const closing = ['', '</details>', ''];
    let size = lines.join('\n').length + closing.join('\n').length;
    for (const [i, f] of hidden.entries()) {
      const line = row(f, context, true);
      if (size + line.length + 200 > MAX_BODY) {
        lines.push(`| … | | ${hidden.length - i} more not shown: the comment would exceed GitHub's size limit; see \`pnpm boundaries\` | |`);
        break;
      }
      lines.push(line);
      size += line.length + 1;
    }
    lines.push(...closing);
  }
  return lines.join('\n');
}

function groupByRule(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.rule, [...(groups.get(f.rule) ?? []), f]);
  return [...groups];
}

function ownerText(f: Finding): string {
  return f.owner.team === undefined ? `${f.owner.project} (no team)` : `${f.owner.team} (${f.owner.github ?? 'no handle'})`;
}

function row(f: Finding, context: CommentContext, withRule = false): string {
  const where = formatLocation(f.where);
  const linked = context.repository !== undefined && f.where.file !== undefined ? `[\`${where}\`](https://github.com/${context.repository}/blob/${context.sha}/${f.where.file}${f.where.line === undefined ? '' : `#L${f.where.line}`})` : `\`${where}\``;
  return `| ${linked} |${withRule ? ` \`${f.rule}\` |` : ''} ${cell(f.message)} | ${ownerText(f)} |`;
}

/** A message in a table cell: no line breaks, no `|`, no markup from `<`, `*` or `_` in specifiers. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[|<>*_]/g, (char) => `\\${char}`);
}
