import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * Enough to tell whether a process recorded earlier is still the same live process: a pid alone
 * is not (pids are reused, and a container's pid 1 restarted after `kill -9` finds its own pid in
 * what it recorded). Linux gives the rest through /proc; elsewhere only `pid` is known.
 */
export interface ProcessIdentity {
  pid: number;
  /** Start time in clock ticks since boot (`/proc/<pid>/stat`, field 22): differs for a reused pid. */
  startTime?: string;
  /** `/proc/sys/kernel/random/boot_id`: a different boot means nothing recorded before is alive. */
  bootId?: string;
  /** `readlink /proc/self/ns/pid` (`pid:[4026531836]`): which pid namespace `pid` is counted in. */
  pidNamespace?: string;
}

const readOrUndefined = (read: () => string) => {
  try {
    return read().trim() || undefined;
  } catch {
    return undefined;
  }
};

/** Field 22 of `/proc/<pid>/stat`; the command name (field 2) may hold spaces and parentheses. */
function startTimeOf(pid: number | 'self'): string | undefined {
  const stat = readOrUndefined(() => readFileSync(`/proc/${pid}/stat`, 'utf8'));
  if (!stat) return undefined;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

export function currentProcessIdentity(): ProcessIdentity {
  const identity: ProcessIdentity = { pid: process.pid };
  const startTime = startTimeOf('self');
  const bootId = readOrUndefined(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8'));
  const pidNamespace = readOrUndefined(() => readlinkSync('/proc/self/ns/pid'));
  return { ...identity, ...(startTime ? { startTime } : {}), ...(bootId ? { bootId } : {}), ...(pidNamespace ? { pidNamespace } : {}) };
}

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still means "alive".
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A visible process in `recorded`'s pid namespace whose pid there and start time match. From an
 * ancestor namespace (the host) every process of a container is visible, with its pid in each
 * namespace listed innermost last on the `NSpid:` line of its status.
 */
function visibleInOtherNamespace(recorded: ProcessIdentity): boolean {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return false;
  }
  for (const entry of entries) {
    if (readOrUndefined(() => readlinkSync(`/proc/${entry}/ns/pid`)) !== recorded.pidNamespace) continue;
    const status = readOrUndefined(() => readFileSync(`/proc/${entry}/status`, 'utf8')) ?? '';
    const innermostPid = /^NSpid:\s*(.+)$/m.exec(status)?.[1]?.trim().split(/\s+/).at(-1);
    if (Number(innermostPid) === recorded.pid && startTimeOf(Number(entry)) === recorded.startTime) return true;
  }
  return false;
}

/**
 * Whether the process `recorded` describes is still running and is that same process. Answers
 * "no" for: another boot; a pid that is gone; a pid now used by a process with another start time
 * (reuse, or a restarted container's pid 1); a pid namespace none of whose processes is visible
 * from here (a container that is gone: see the caveat in the data-dir lock). Without /proc
 * (macOS, Windows) only the pid can be checked.
 */
export function isSameLiveProcess(recorded: ProcessIdentity, self: ProcessIdentity = currentProcessIdentity()): boolean {
  if (recorded.bootId && self.bootId && recorded.bootId !== self.bootId) return false;
  if (recorded.pidNamespace && self.pidNamespace && recorded.pidNamespace !== self.pidNamespace) {
    return recorded.startTime !== undefined && visibleInOtherNamespace(recorded);
  }
  if (recorded.startTime && self.startTime) return startTimeOf(recorded.pid) === recorded.startTime;
  return pidIsAlive(recorded.pid);
}
