import { describe, expect, it } from 'vitest';
import { selectCommits, type CommitInfo } from './select-commits.js';

const commit = (sha: string, date: string): CommitInfo => ({ sha, date, subject: `commit ${sha}` });

describe('selectCommits', () => {
  const history = [
    commit('a', '2026-11-20T09:00:00+01:00'),
    commit('b', '2026-11-20T17:30:00+01:00'),
    commit('c', '2026-11-21T08:00:00+01:00'),
    commit('d', '2026-11-23T10:00:00+01:00'),
    commit('e', '2026-11-23T23:59:00+01:00'),
  ];

  it('keeps every commit when there are no more than maxPoints', () => {
    expect(selectCommits(history, 5).map((c) => c.sha)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps the last commit of each day, oldest first, when there are more', () => {
    expect(selectCommits(history, 4).map((c) => c.sha)).toEqual(['b', 'c', 'e']);
  });

  it('buckets by the committer’s own calendar day, not UTC', () => {
    const late = [commit('x', '2026-11-23T23:30:00-05:00'), commit('y', '2026-11-24T00:10:00+09:00')];
    expect(selectCommits(late, 1).map((c) => c.sha)).toEqual(['x', 'y']);
  });
});
