import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { WORKSPACE_ROOT } from '../src/workspace-copy.js';

/**
 * The GitHub workflow and `pnpm test` (what .ci/run runs) are the same stages in the same order,
 * and the workflow is wired as the CI issue asks: boundaries with no database first, module tests
 * against PostgreSQL after it, e2e after both, on the affected projects of a full-history checkout.
 */
type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
type Job = { needs?: string | string[]; services?: Record<string, { image: string }>; env?: Record<string, string>; steps: Step[] };
const workflow = parse(readFileSync(`${WORKSPACE_ROOT}.github/workflows/ci.yml`, 'utf8')) as { env: Record<string, string>; jobs: Record<string, Job> };
const testAll = readFileSync(`${WORKSPACE_ROOT}tools/scripts/test-all.sh`, 'utf8');
const needs = (job: Job) => [job.needs ?? []].flat();

describe('.github/workflows/ci.yml', () => {
  it('orders the jobs boundaries → modules → e2e', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['boundaries', 'modules', 'e2e']);
    expect(needs(workflow.jobs['boundaries'] as Job)).toEqual([]);
    expect(needs(workflow.jobs['modules'] as Job)).toEqual(['boundaries']);
    expect(needs(workflow.jobs['e2e'] as Job).sort()).toEqual(['boundaries', 'modules']);
  });

  it('starts no database for the boundaries, PostgreSQL for the tests', () => {
    expect(workflow.jobs['boundaries']?.services).toBeUndefined();
    for (const name of ['modules', 'e2e']) {
      const job = workflow.jobs[name] as Job;
      expect(job.services?.['postgres']?.image).toMatch(/^postgres:/);
      expect(job.env?.['TEST_DATABASE_URL']).toMatch(/^postgres:\/\/.*127\.0\.0\.1:5432/);
    }
  });

  it('runs each job on the affected projects of a full-history checkout, with pnpm store and Nx cache restored', () => {
    expect(workflow.env['NX_CACHE_DIRECTORY']).toBe('.nx/cache');
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const uses = (prefix: string) => job.steps.find((s) => s.uses?.startsWith(prefix));
      expect(uses('actions/checkout@')?.with?.['fetch-depth'], name).toBe(0);
      expect(uses('actions/setup-node@')?.with?.['cache'], name).toBe('pnpm');
      expect(uses('actions/cache@')?.with?.['path'], name).toBe('.nx/cache');
      const steps = job.steps.map((s) => s.uses ?? s.run ?? '');
      const shas = steps.findIndex((s) => s.startsWith('nrwl/nx-set-shas@'));
      const stage = steps.findIndex((s) => s === `bash tools/scripts/ci-stage.sh ${name}`);
      expect(shas, name).toBeGreaterThan(-1);
      expect(stage, `${name} runs its own stage after nx-set-shas`).toBeGreaterThan(shas);
    }
  });
});

describe('pnpm test', () => {
  it('runs the same stages as the workflow, in the same order', () => {
    const stages = [...testAll.matchAll(/^stage (\w+) bash tools\/scripts\/ci-stage\.sh (\w+)$/gm)].map(([, name, script]) => {
      expect(script).toBe(name);
      return name;
    });
    expect(stages).toEqual(Object.keys(workflow.jobs));
  });
});
