/**
 * The CPU time a sandbox child's main thread has used, read by the parent from Linux's /proc. The
 * Node judge enforces time limits in CPU time where it can read it, as contest judges do (Kattis
 * and Codeforces limit CPU time): on a busy machine a program waiting for a core is not charged
 * for the wait, so its verdict does not depend on what else the machine runs. The program runs on
 * the child's main thread (the sandbox allows no worker threads), whose thread id is the process
 * id; V8's compiler and garbage-collector threads beside it are the runtime's cost, not the
 * program's, and are left out. The parent reads it, not the child: the child may read nothing
 * outside its bundle, and a program that escaped into its JavaScript could not change the figure.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { CpuClock } from '../languageSessions';

/** Where /proc can tell (Linux), a clock for the main thread of process `pid`; else undefined. */
export function mainThreadCpuClock(pid: number | undefined): CpuClock | undefined {
  if (process.platform !== 'linux' || pid === undefined) return undefined;
  const statPath = `/proc/${pid}/task/${pid}/stat`;
  const msPerTick = 1000 / clockTicksPerSecond();
  const read: CpuClock = () => {
    try {
      return threadTicks(readFileSync(statPath, 'latin1')) * msPerTick;
    } catch {
      return undefined;
    }
  };
  return read() === undefined ? undefined : read;
}

/** utime + stime, the 14th and 15th fields; the 2nd (the command name) may hold spaces and ')'. */
export function threadTicks(stat: string): number {
  const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // afterName[0] is field 3 (state), so field n is afterName[n - 3].
  const ticks = Number(afterName[14 - 3]) + Number(afterName[15 - 3]);
  if (!Number.isFinite(ticks)) throw new Error(`unreadable /proc stat line: ${stat.slice(0, 80)}`);
  return ticks;
}

let ticksPerSecond: number | undefined;

/** The kernel's USER_HZ, the unit of /proc's CPU times: 100 on every common Linux build. */
function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}
