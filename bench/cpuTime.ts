/**
 * CPU time (user + system) of one piece of work, the least of several runs: the measure the
 * judge-against-native benchmarks compare, because other work on a shared machine inflates
 * neither side's CPU time the way it inflates wall time.
 */
import { spawnSync } from 'node:child_process';

/** Least CPU time of a native command reading `inputFile` over `runs` runs, ms (bash's `time`). */
export function nativeCpuMs(command: string, args: string[], inputFile: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const script = 'TIMEFORMAT="%3U %3S"; time "$0" "$@" < "$INPUT" > /dev/null';
    const result = spawnSync('bash', ['-c', script, command, ...args], { env: { ...process.env, INPUT: inputFile }, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
    const [user, system] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    times.push((user! + system!) * 1000);
  }
  return Math.min(...times);
}

/** Least CPU time of `run` in this process over `runs` runs (the first also pay V8's compiling; the least does not), ms. */
export function inProcessCpuMs(run: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  return Math.min(...times);
}
