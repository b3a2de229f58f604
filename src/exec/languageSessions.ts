/**
 * Judge sessions per language on fresh-worker pools: a session leases a worker no other program has
 * run in for all of one submission's tests, enforces the time limit (interrupt first where Pyodide
 * can be interrupted, then kill and respawn), and turns a dead worker into a verdict instead of a
 * hang. Shared by the browser sandbox and the Node executor.
 */
import type { Remote } from 'comlink';
import { hardKillMs } from '../core/judging/languageTimeLimits';
import type { CompileResult } from '../core/judging/judgeResult';
import type { FreshWorkerPool, Lease } from './freshWorkerPool';
import type { JudgeSession } from './judgeSession';
import type { RunLimits, RunOutcome } from './runtime/runOutcome';
import type { PythonWorkerApi, WasmProgram, WasmRunnerApi } from './workerApi';

/** Reads the CPU time, in ms, a worker has used (undefined once the worker is gone). */
export type CpuClock = () => number | undefined;

/** Where a worker can say it died (a process that exits), a call on it fails instead of hanging. */
interface MortalHandle {
  died?: Promise<never>;
  /**
   * The CPU time of the thread the worker runs programs on, where the host can read it (the Node
   * judge on Linux): time limits are then limits on CPU time, as on a contest judge, and a busy
   * machine does not make a program late. Browsers have no such clock: there they are wall time.
   */
  cpuMs?: CpuClock;
}

export interface PythonHandle extends MortalHandle {
  api: Remote<Pick<PythonWorkerApi, 'checkSyntax' | 'run'>>;
  /** Present where SharedArrayBuffer is: the host writes 2 (SIGINT) at the time limit. */
  interrupt?: Int32Array;
}

export interface WasmHandle extends MortalHandle {
  api: Remote<Pick<WasmRunnerApi, 'run'>>;
}

/**
 * The host's own clock decides a run that reports less time than it took: the worker measures
 * the program, but a program that escaped into the worker's JavaScript could change that clock.
 * Messaging and copying output cost the host a little more than the program's own time; a run
 * is over its limit only when the host saw it take this much longer than the limit allows.
 */
const HOST_CLOCK_SLACK = { factor: 1.1, ms: 50 } as const;

/** How often the host reads a worker's CPU clock to stop a run at its limit. */
const CPU_POLL_MS = 25;

/**
 * Under a CPU-time limit, a run that waits instead of computing (a sleep, a busy machine) is
 * stopped by the wall clock only at this multiple of the CPU time it may use, and never less than
 * WALL_CAP_MIN_EXTRA_MS past it: generous, because a program waiting for a core on a loaded
 * machine must still get its verdict from its CPU time.
 */
const WALL_CAP_FACTOR = 4;
const WALL_CAP_MIN_EXTRA_MS = 5000;

export async function openPythonSession<H extends PythonHandle>(
  pool: FreshWorkerPool<H>,
  source: string,
  signal?: AbortSignal,
): Promise<JudgeSession> {
  const lease = await pool.lease(signal);
  try {
    const worker = await lease.worker();
    const began = performance.now();
    const syntax = await unlessDead(worker, worker.api.checkSyntax(source));
    const compile: CompileResult = { ok: syntax === '', stderr: syntax, ms: Math.round(performance.now() - began) };
    return {
      compile,
      run: (input, limits, runSignal, files) =>
        runWithDeadline(
          lease,
          limits,
          runSignal,
          (w) => unlessDead(w, w.api.run(source, input, limits, files)),
          (w) => {
            if (w.interrupt) Atomics.store(w.interrupt, 0, 2);
          },
        ),
      close: () => lease.release(),
    };
  } catch (error) {
    lease.release();
    throw error;
  }
}

export async function openWasmSession<H extends WasmHandle>(
  pool: FreshWorkerPool<H>,
  program: WasmProgram,
  compile: CompileResult,
  signal?: AbortSignal,
): Promise<JudgeSession> {
  const lease = await pool.lease(signal);
  return {
    compile,
    run: (input, limits, runSignal, files) =>
      runWithDeadline(lease, limits, runSignal, (w) => unlessDead(w, w.api.run(program, input, limits, files))),
    close: () => lease.release(),
  };
}

function unlessDead<T>(worker: MortalHandle, call: Promise<T>): Promise<T> {
  return worker.died ? Promise.race([call, worker.died]) : call;
}

/**
 * Runs one test on the leased worker. Past the time limit the worker is stopped — under a wall
 * clock interrupted first where it can be, then killed; under a CPU clock killed at once — and the
 * lease will spawn a new one.
 */
export async function runWithDeadline<W extends MortalHandle>(
  lease: Lease<W>,
  limits: RunLimits,
  signal: AbortSignal | undefined,
  call: (worker: W) => Promise<RunOutcome>,
  interrupt?: (worker: W) => void,
): Promise<RunOutcome> {
  signal?.throwIfAborted();
  const worker = await lease.worker();
  const clock = hostClock(worker.cpuMs);
  return new Promise<RunOutcome>((resolve, reject) => {
    let settled = false;
    const stops: (() => void)[] = [];
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      for (const stop of stops) stop();
      signal?.removeEventListener('abort', onAbort);
      finish();
    };
    const onAbort = (): void =>
      settle(() => {
        lease.kill();
        reject(signal!.reason);
      });
    signal?.addEventListener('abort', onAbort, { once: true });
    const kill = (message: string, ms = clock.elapsed()): void =>
      settle(() => {
        lease.kill();
        resolve({ status: 'timeout', stdout: '', stderr: '', ms, message });
      });
    stops.push(clock.cpu ? watchCpu(clock, limits.timeMs, kill) : watchWall(limits.timeMs, () => interrupt?.(worker), kill));
    call(worker).then(
      (outcome) => settle(() => resolve(judgedTime(outcome, clock, limits))),
      (error: unknown) =>
        settle(() => {
          // The worker died or its runtime is corrupt (e.g. Pyodide's fatal error): replace it.
          lease.kill();
          resolve({
            status: 'crash',
            stdout: '',
            stderr: String((error as Error)?.message ?? error),
            ms: clock.elapsed(),
            message: 'the runtime crashed',
          });
        }),
    );
  });
}

/** The host's measure of a run: the worker's CPU time where it can read it, else the wall clock. */
interface HostClock {
  cpu: boolean;
  /** ms since the run began. */
  elapsed(): number;
}

function hostClock(cpuMs: CpuClock | undefined): HostClock {
  const wallBegan = performance.now();
  const cpuBegan = cpuMs?.();
  if (!cpuMs || cpuBegan === undefined) return { cpu: false, elapsed: () => performance.now() - wallBegan };
  let last = 0;
  return {
    cpu: true,
    // A worker already gone keeps the last figure read.
    elapsed: () => (last = Math.max(last, (cpuMs() ?? cpuBegan + last) - cpuBegan)),
  };
}

/**
 * Wall time: interrupt at the limit, kill a little later (hardKillMs) if the worker has not answered,
 * so that a worker that can time itself does. Returns what stops the timers.
 */
function watchWall(limitMs: number, interrupt: () => void, kill: (message: string) => void): () => void {
  const killAt = hardKillMs(limitMs);
  const timers = [setTimeout(interrupt, limitMs + 5), setTimeout(() => kill(`killed after ${killAt} ms`), killAt)];
  return () => timers.forEach(clearTimeout);
}

/**
 * CPU time, read every CPU_POLL_MS: the host's own figure is exact, so a run is killed as soon as
 * it passes the limit (no grace, no interrupt: the figure cannot be argued with). A run that waits
 * instead of computing is stopped by a wall-clock cap (WALL_CAP_FACTOR).
 */
function watchCpu(clock: HostClock, limitMs: number, kill: (message: string, ms?: number) => void): () => void {
  const poll = setInterval(() => {
    const used = clock.elapsed();
    if (used > limitMs) kill(`stopped after ${Math.round(used)} ms of CPU time`);
  }, CPU_POLL_MS);
  const wallCapMs = Math.round(Math.max(limitMs * WALL_CAP_FACTOR, limitMs + WALL_CAP_MIN_EXTRA_MS));
  const cap = setTimeout(() => kill(`stopped after ${wallCapMs} ms of wall time, waiting rather than computing`, wallCapMs), wallCapMs);
  return () => {
    clearInterval(poll);
    clearTimeout(cap);
  };
}

/**
 * The time a run is judged by. The worker times the program alone, so its figure stands unless the
 * host saw the run take longer than the slack allows. Under a CPU clock the smaller of the two
 * stands: the worker's wall time counts a busy machine's waits, the host's CPU time counts the
 * messages around the program.
 */
function judgedTime(outcome: RunOutcome, clock: HostClock, limits: RunLimits): RunOutcome {
  const hostMs = clock.elapsed();
  const overLimit = hostMs > limits.timeMs * HOST_CLOCK_SLACK.factor + HOST_CLOCK_SLACK.ms;
  if (overLimit && (clock.cpu || outcome.ms <= limits.timeMs)) return { ...outcome, ms: hostMs };
  return clock.cpu ? { ...outcome, ms: Math.min(outcome.ms, hostMs) } : outcome;
}
