/** One commit of the first-parent chain, as `git log` describes it. */
export interface CommitInfo {
  sha: string;
  /** Committer date, ISO 8601 with the committer's offset (`2026-11-23T10:04:00+01:00`). */
  date: string;
  subject: string;
}

/**
 * The commits to replay, oldest first: every one when there are at most `maxPoints`, otherwise
 * the last commit of each day (the committer's calendar day), so a long history stays a few
 * dozen Nx graph builds. `commits` is oldest first too.
 */
export function selectCommits(commits: readonly CommitInfo[], maxPoints: number): CommitInfo[] {
  if (commits.length <= maxPoints) return [...commits];
  const lastOfDay = new Map<string, CommitInfo>();
  for (const commit of commits) lastOfDay.set(commit.date.slice(0, 10), commit);
  return [...lastOfDay.values()];
}
