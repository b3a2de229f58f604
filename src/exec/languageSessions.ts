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

/** Where a worker can say it died (a process that exits), a call on it fails instead of hanging. */
interface MortalHandle {
  died?: Promise<never>;
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
 * Runs one test on the leased worker. At the time limit the worker is interrupted (if it can be);
 * a little later, if it has still not answered, it is killed and the lease will spawn a new one.
 */
export async function runWithDeadline<W>(
  lease: Lease<W>,
  limits: RunLimits,
  signal: AbortSignal | undefined,
  call: (worker: W) => Promise<RunOutcome>,
  interrupt?: (worker: W) => void,
): Promise<RunOutcome> {
  signal?.throwIfAborted();
  const worker = await lease.worker();
  return new Promise<RunOutcome>((resolve, reject) => {
    let settled = false;
    const began = performance.now();
    const timers: ReturnType<typeof setTimeout>[] = [];
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      signal?.removeEventListener('abort', onAbort);
      finish();
    };
    const onAbort = (): void =>
      settle(() => {
        lease.kill();
        reject(signal!.reason);
      });
    signal?.addEventListener('abort', onAbort, { once: true });
    if (interrupt) timers.push(setTimeout(() => interrupt(worker), limits.timeMs + 5));
    const killAt = hardKillMs(limits.timeMs);
    timers.push(
      setTimeout(
        () =>
          settle(() => {
            lease.kill();
            resolve({ status: 'timeout', stdout: '', stderr: '', ms: performance.now() - began, message: `killed after ${killAt} ms` });
          }),
        killAt,
      ),
    );
    call(worker).then(
      (outcome) => settle(() => resolve(withHostClock(outcome, performance.now() - began, limits))),
      (error: unknown) =>
        settle(() => {
          // The worker died or its runtime is corrupt (e.g. Pyodide's fatal error): replace it.
          lease.kill();
          resolve({
            status: 'crash',
            stdout: '',
            stderr: String((error as Error)?.message ?? error),
            ms: performance.now() - began,
            message: 'the runtime crashed',
          });
        }),
    );
  });
}

function withHostClock(outcome: RunOutcome, hostMs: number, limits: RunLimits): RunOutcome {
  const overLimit = hostMs > limits.timeMs * HOST_CLOCK_SLACK.factor + HOST_CLOCK_SLACK.ms;
  return overLimit && outcome.ms <= limits.timeMs ? { ...outcome, ms: hostMs } : outcome;
}
