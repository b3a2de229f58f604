/**
 * The Executor for Node (CLI, tests, benchmarks): the same runtimes as the browser — Pyodide for
 * Python, @yowasp/clang + our WASI runner for C++ — in worker threads, with the same pools, limits
 * and judge loop. Python threads get Pyodide's interrupt buffer (SharedArrayBuffer is always
 * available in Node); every run can also be killed by terminating its thread.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import type { JudgeResult } from '../../core/judging/judgeResult';
import type { Executor, JudgeOptions, Submission } from '../../core/judging/executor';
import type { Language } from '../../core/problem/language';
import type { Problem } from '../../core/problem/problem';
import { CompileCache, cacheKey } from '../compileCache';
import { judgeSubmission, type OpenSession } from '../judgeSubmission';
import { openPythonSession, openWasmSession, type PythonHandle, type WasmHandle } from '../languageSessions';
import { CPP_FLAGS } from '../runtime/cppCompiler';
import type { CppCompilerApi, PythonWorkerApi, WasmRunnerApi } from '../workerApi';
import { WorkerPool } from '../workerPool';
import { nodeEndpoint } from './nodeEndpoint';
import { startTsThread } from './tsThread';

export interface NodeExecutorOptions {
  /** Python interpreters / wasm runners running at once; default: cores − 1, at least 1. */
  concurrency?: number;
}

export interface NodeExecutor extends Executor {
  /** Loads a language's runtime ahead of the first judge (Pyodide, clang and its PCH). */
  warmUp(language: Language): Promise<void>;
}

interface Threaded<T> {
  api: Comlink.Remote<T>;
  thread: Worker;
  /** Rejects when the thread dies (crash, out of memory, terminated): race calls against it. */
  died: Promise<never>;
}

function spawn<T>(entry: string): Threaded<T> {
  const thread = startTsThread(new URL(`../../../workers/node/${entry}.ts`, import.meta.url));
  const died = new Promise<never>((_, reject) => {
    thread.on('error', (error) => reject(error));
    thread.on('exit', (code) => reject(new Error(`${entry} exited (${code})`)));
  });
  died.catch(() => undefined);
  return { api: Comlink.wrap<T>(nodeEndpoint(thread)), thread, died };
}

function stop(handle: { thread: Worker; api: { [Comlink.releaseProxy](): void } }): void {
  handle.api[Comlink.releaseProxy]();
  void handle.thread.terminate();
}

export function createNodeExecutor(options: NodeExecutorOptions = {}): NodeExecutor {
  const size = options.concurrency ?? Math.max(1, availableParallelism() - 1);

  const python = new WorkerPool<PythonHandle & Threaded<PythonWorkerApi>>(
    async () => {
      const handle = spawn<PythonWorkerApi>('pythonThread');
      const interrupt = new Int32Array(new SharedArrayBuffer(4));
      try {
        await Promise.race([handle.api.init({ interrupt }), handle.died]);
      } catch (error) {
        stop(handle);
        throw error;
      }
      return { ...handle, interrupt };
    },
    stop,
    size,
  );
  const runners = new WorkerPool<WasmHandle & Threaded<WasmRunnerApi>>(async () => spawn<WasmRunnerApi>('wasmRunThread'), stop, size);
  const compilers = new WorkerPool<Threaded<CppCompilerApi>>(async () => spawn<CppCompilerApi>('clangThread'), stop, 1);
  const binaries = new CompileCache<WebAssembly.Module & { byteLength: number }>();

  const openCpp: OpenSession = async (submission, limits, signal) => {
    const key = await cacheKey(CPP_FLAGS.join(' '), String(limits.memoryBytes), submission.source);
    let program = binaries.get(key);
    let compile;
    if (program) {
      compile = { ok: true, stderr: '', ms: 0, cached: true };
    } else {
      const lease = await compilers.lease(signal);
      try {
        const compiler = await lease.worker();
        const outcome = await Promise.race([compiler.api.compile(submission.source, limits.memoryBytes), compiler.died]).catch((error: unknown) => {
          lease.kill();
          throw error;
        });
        compile = { ok: outcome.ok, stderr: outcome.stderr, ms: Math.round(outcome.ms) };
        if (outcome.wasm) {
          program = Object.assign(await WebAssembly.compile(outcome.wasm as Uint8Array<ArrayBuffer>), { byteLength: outcome.wasm.byteLength });
          binaries.set(key, program);
        }
      } finally {
        lease.release();
      }
    }
    if (!program) return { compile, run: () => Promise.reject(new Error('not compiled')), close: () => {} };
    return openWasmSession(runners, program, compile, signal);
  };

  const openPython: OpenSession = (submission, _limits, signal) => openPythonSession(python, submission.source, signal);

  return {
    judge(problem: Problem, submission: Submission, judgeOptions?: JudgeOptions): Promise<JudgeResult> {
      return judgeSubmission(submission.language === 'cpp' ? openCpp : openPython, problem, submission, judgeOptions);
    },
    async warmUp(language) {
      if (language === 'python') return python.warmUp();
      const lease = await compilers.lease();
      try {
        const compiler = await lease.worker();
        await Promise.race([compiler.api.warmUp(), compiler.died]);
      } finally {
        lease.release();
      }
    },
    async dispose() {
      python.dispose();
      runners.dispose();
      compilers.dispose();
    },
  };
}
