import { formatLocation } from '../finding.js';
import type { Report } from '../run-checks.js';
import { describeOwner } from './human.js';

/** `--markdown`: a pull-request comment (and the GitHub Actions step summary). */
export function formatMarkdown(report: Report): string {
  const { findings, stats } = report;
  const scope = `${stats.projects} projects, ${stats.files} files, ${stats.imports} imports checked`;
  if (findings.length === 0) return `### ✅ Module boundaries: no findings\n\n${scope}.\n`;
  const lines = [
    `### ❌ Module boundaries: ${findings.length} finding${findings.length === 1 ? '' : 's'}`,
    '',
    `${scope}. Run \`pnpm boundaries\` locally to reproduce.`,
    '',
    '| where | rule | owner |',
    '| --- | --- | --- |',
    ...findings.map((f) => `| \`${formatLocation(f.where)}\` | \`${f.rule}\` | ${f.owner.team === undefined ? '—' : `${f.owner.team} (${f.owner.github ?? '?'})`} |`),
    '',
  ];
  for (const f of findings) {
    lines.push(
      `#### \`${f.rule}\` at \`${formatLocation(f.where)}\``,
      '',
      escapeMarkdown(f.message),
      '',
      `- **Why:** ${f.why}`,
      `- **Fix:** ${f.fix}`,
      `- **Owner:** ${describeOwner(f.owner)}`,
      '',
    );
  }
  return `${lines.join('\n')}`;
}

/** Messages quote import specifiers; keep `|`, `<` and `*` from turning into markup. */
function escapeMarkdown(text: string): string {
  return text.replace(/[|<>*_]/g, (char) => `\\${char}`);
}
