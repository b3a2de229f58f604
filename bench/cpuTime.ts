/**
 * CPU time (user + system) of one piece of work: the measure the judge-against-native benchmarks
 * compare, because other work on a shared machine inflates neither side's CPU time the way it
 * inflates wall time.
 */
import { spawnSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** CPU time of one run of a native command reading `inputFile`, ms (bash's `time`). */
export function nativeRunCpuMs(command: string, args: string[], inputFile: string): number {
  const script = 'TIMEFORMAT="%3U %3S"; time "$0" "$@" < "$INPUT" > /dev/null';
  const result = spawnSync('bash', ['-c', script, command, ...args], { env: { ...process.env, INPUT: inputFile }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  const [user, system] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return (user! + system!) * 1000;
}

// V8's collector on demand, so that the memory earlier runs left behind (each run instantiates a
// module with its own memory) is collected before a measured run rather than during it.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** CPU time of one run of `run` in this process, ms, after collecting what earlier runs left. */
export function inProcessRunCpuMs(run: () => unknown): number {
  collectGarbage();
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const leastOf = (runs: number, measure: () => number): number => Math.min(...Array.from({ length: runs }, measure));

/** Least CPU time of a native command over `runs` runs, ms. */
export function nativeCpuMs(command: string, args: string[], inputFile: string, runs: number): number {
  return leastOf(runs, () => nativeRunCpuMs(command, args, inputFile));
}

/** Least CPU time of `run` in this process over `runs` runs (the first also pay V8's compiling; the least does not), ms. */
export function inProcessCpuMs(run: () => unknown, runs: number): number {
  return leastOf(runs, () => inProcessRunCpuMs(run));
}

/**
 * The least of `runs` times of each measurement, taken in rounds (every measurement once per round),
 * so that a stretch of load on a shared machine falls on all of them alike rather than on the one
 * measured then: the ratios between measurements are what the sections report.
 */
export function leastOfRounds(measures: ReadonlyArray<() => number>, runs: number): number[] {
  const least = measures.map(() => Infinity);
  for (let round = 0; round < runs; round++) measures.forEach((measure, i) => (least[i] = Math.min(least[i]!, measure())));
  return least;
}
