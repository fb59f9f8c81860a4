import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/boundaries/finding.js';
import { copyWorkspace, type WorkspaceCopy } from '../src/workspace-copy.js';

/**
 * Event contracts end to end, in a copy of the workspace: the recorded snapshot of orders'
 * events against a change that breaks `orders.order-placed.v1`, a compatible change, and the
 * snapshot command that records the latter.
 */
let workspace: WorkspaceCopy;
beforeAll(() => {
  workspace = copyWorkspace();
});
afterAll(() => workspace?.remove());

const EVENTS = 'packages/orders/src/events.ts';
const findings = () => {
  const result = workspace.run('pnpm', ['--silent', 'boundaries', '--json']);
  return { status: result.status, findings: (JSON.parse(result.stdout) as { findings: Finding[] }).findings };
};

describe('event contracts', () => {
  it('are recorded for every published version, and the copy is clean', () => {
    expect(workspace.run('pnpm', ['--silent', 'events:snapshot', '--check']).status).toBe(0);
    expect(findings()).toEqual({ status: 0, findings: [] });
  });

  it('fail a published version that loses a field, naming the change, the fix and the consumers', () => {
    const original = workspace.read(EVENTS);
    workspace.write(EVENTS, original.replace('    totalCents: z.number().int().min(0),\n    placedAt: z.iso.datetime(),', '    placedAt: z.iso.datetime(),'));
    const { status, findings: found } = findings();
    expect(status).toBe(1);
    expect(found).toEqual([
      expect.objectContaining({
        rule: 'event-contract-breaking',
        where: expect.objectContaining({ project: '@shop/orders', file: EVENTS }),
        message: expect.stringMatching(/^orders\.order-placed\.v1 changed incompatibly \(totalCents: removed\); publish version 2 instead\. Consumers of orders\.order-placed\.v1: @shop\/notifications \(packages\/notifications\/src\/internal\/notification-handlers\.ts:\d+\)/),
        owner: expect.objectContaining({ team: 'orders' }),
      }),
    ]);
    workspace.write(EVENTS, original);
  });

  it('ask for the snapshot after a compatible change, and pass once it is recorded', () => {
    const original = workspace.read(EVENTS);
    workspace.write(EVENTS, original.replace('    placedAt: z.iso.datetime(),', '    placedAt: z.iso.datetime(),\n    channel: z.string().optional(),'));
    const before = findings();
    expect(before.status).toBe(1);
    expect(before.findings.map((f) => [f.rule, f.message])).toEqual([
      ['event-contract-unrecorded', 'orders.order-placed.v1 changed compatibly; the recorded contract in packages/orders/contracts/events.json is stale.'],
    ]);
    expect(workspace.run('pnpm', ['--silent', 'events:snapshot']).status).toBe(0);
    expect(findings()).toEqual({ status: 0, findings: [] });
  });

  it('show --help without touching anything, and refuse an unknown flag', () => {
    const help = workspace.run('pnpm', ['--silent', 'events:snapshot', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: pnpm events:snapshot');
    expect(workspace.run('pnpm', ['--silent', 'events:snapshot', '--bogus']).status).toBe(2);
  });
});
