import { appendFileSync } from 'node:fs';
import { WORKSPACE_ROOT } from '../workspace-copy.js';
import { projectCoverageMarkdown } from './coverage-summary.js';

// `pnpm -s ci:coverage-summary <project> <project root>`: the project's coverage against its floor,
// as markdown on stdout and appended to GITHUB_STEP_SUMMARY when set.
const [project, root] = process.argv.slice(2);
if (project === undefined || root === undefined) {
  process.stderr.write('usage: pnpm -s ci:coverage-summary <project> <project root>\n');
  process.exit(2);
}
const markdown = projectCoverageMarkdown(WORKSPACE_ROOT, project, root);
process.stdout.write(markdown);
const summary = process.env['GITHUB_STEP_SUMMARY'];
if (summary) appendFileSync(summary, `${markdown}\n`);
