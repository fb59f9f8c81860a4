import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayCommit, type HistoryPoint } from '../src/boundaries-history/replay.js';
import { copyWorkspaceWithHistory, type GitWorkspaceCopy } from '../src/git-workspace-copy.js';

/**
 * `pnpm boundaries:history` end to end, on a throwaway history of three commits: the clean
 * workspace, then a platform package importing a module (dependency declared, so only the tag
 * rule is broken), then the import removed again.
 */
let copy: GitWorkspaceCopy;
let result: ReturnType<GitWorkspaceCopy['run']>;
let series: HistoryPoint[];
let html: string;
const shas: string[] = [];
const CONFIG = 'packages/platform/config';

beforeAll(() => {
  copy = copyWorkspaceWithHistory();
  shas.push(copy.git('rev-parse', 'HEAD').trim());
  const manifest = copy.read(`${CONFIG}/package.json`);
  copy.editJson(`${CONFIG}/package.json`, (json) => {
    json['dependencies'] = { ...(json['dependencies'] as object), '@shop/customers': 'workspace:*' };
  });
  copy.linkPackage(CONFIG, '@shop/customers', 'packages/customers');
  copy.write(`${CONFIG}/src/planted-tag.ts`, "import type { Customer } from '@shop/customers';\nexport type Planted = Customer;\n");
  shas.push(copy.commitAll('platform-config reaches up into customers'));
  copy.git('rm', '-q', `${CONFIG}/src/planted-tag.ts`);
  copy.write(`${CONFIG}/package.json`, manifest);
  shas.push(copy.commitAll('platform-config no longer imports customers'));

  result = copy.run('pnpm', ['--silent', 'boundaries:history', '--out=tmp/history-out']);
  series = (JSON.parse(copy.read('tmp/history-out/history.json')) as { series: HistoryPoint[] }).series;
  html = copy.read('tmp/history-out/history.html');
});
afterAll(() => copy?.remove());

describe('pnpm boundaries:history', () => {
  it('exits 0 and reports progress, one line per commit', () => {
    expect(result.status, result.stderr).toBe(0);
    for (const [i, sha] of shas.entries()) expect(result.stderr).toMatch(new RegExp(`^\\[${i + 1}/3\\] ${sha.slice(0, 7)} \\d{4}-\\d\\d-\\d\\d .*: \\d+ findings \\([\\d.]+s\\)$`, 'm'));
  });

  it('has one point per commit, oldest first, none failed', () => {
    expect(series.map((p) => p.commit)).toEqual(shas);
    expect(series.map((p) => p.error)).toEqual([undefined, undefined, undefined]);
    expect(series.map((p) => p.borrowedConfig)).toEqual([[], [], []]);
  });

  it('shows the planted violation appear and go, per rule and per project', () => {
    expect(series.map((p) => p.findingsByRule['tag-constraint'] ?? 0)).toEqual([0, 1, 0]);
    expect(series.map((p) => p.findingsByProject['@shop/platform-config'] ?? 0)).toEqual([0, 1, 0]);
    expect(series.map((p) => p.findings)).toEqual([0, 1, 0]);
  });

  it('shows the importer’s fan-out and the module’s fan-in rise by one, then fall back', () => {
    const [before, planted, after] = series as [HistoryPoint, HistoryPoint, HistoryPoint];
    expect(planted.fanOut['@shop/platform-config']).toBe((before.fanOut['@shop/platform-config'] ?? NaN) + 1);
    expect(planted.fanIn['@shop/customers']).toBe((before.fanIn['@shop/customers'] ?? NaN) + 1);
    expect(after.fanOut['@shop/platform-config']).toBe(before.fanOut['@shop/platform-config']);
    expect(before.projectTypes['@shop/customers']).toBe('module');
  });

  it('writes a self-contained HTML dashboard holding the data', () => {
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    const embedded = /<script type="application\/json" id="history-data">(.*?)<\/script>/s.exec(html)?.[1];
    expect(JSON.parse(embedded ?? 'null')).toEqual(series);
    expect(html).toContain('tag-constraint');
    expect(html).toContain('<svg');
    for (const sha of shas) expect(html).toContain(sha.slice(0, 7));
  });

  it('checks a commit that predates the checks’ configuration with today’s', async () => {
    copy.git('rm', '-q', 'tools/teams.json');
    const sha = copy.commitAll('before teams.json');
    copy.git('checkout', '-q', 'HEAD~1', '--', 'tools/teams.json'); // today's checkout has it
    const point = await replayCommit(copy.root, { sha, date: copy.git('show', '-s', '--format=%cI', sha).trim(), subject: 'before teams.json' });
    expect(point.error).toBeUndefined();
    expect(point.borrowedConfig).toEqual(['tools/teams.json']);
    expect(point.findings).toBe(0);
  });

  it('makes a commit the checks cannot run on a point with an error, not a crash', async () => {
    copy.write('tools/tag-rules.json', '{ not json');
    const brokenRules = copy.commitAll('tag rules broken');
    copy.git('rm', '-q', 'nx.json');
    const noNx = copy.commitAll('no nx.json');
    const commit = (sha: string) => ({ sha, date: copy.git('show', '-s', '--format=%cI', sha).trim(), subject: 'broken' });
    const [rulesPoint, nxPoint] = [await replayCommit(copy.root, commit(brokenRules)), await replayCommit(copy.root, commit(noNx))];
    expect(rulesPoint.error).toMatch(/tag-rules\.json/);
    expect(rulesPoint.findings).toBe(0);
    expect(nxPoint.error).toBe('no nx.json at this commit');
  });
});
