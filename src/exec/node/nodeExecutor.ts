/**
 * The Executor for Node (CLI, tests, benchmarks): the same runtimes as the browser — Pyodide for
 * Python, @yowasp/clang + our WASI runner for C++ — in worker threads, with the same judge loop
 * and limits, and a fresh thread per submission (freshWorkerPool.ts). Python threads get Pyodide's
 * interrupt buffer (SharedArrayBuffer is always available in Node); every run can also be killed
 * by terminating its thread.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import type { Executor, JudgeOptions, Submission } from '../../core/judging/executor';
import type { JudgeResult } from '../../core/judging/judgeResult';
import type { Language } from '../../core/problem/language';
import type { Problem } from '../../core/problem/problem';
import { CppBuilds } from '../cppBuilds';
import { FreshWorkerPool } from '../freshWorkerPool';
import { judgeSubmission, type OpenSession } from '../judgeSubmission';
import { openPythonSession, openWasmSession, type PythonHandle, type WasmHandle } from '../languageSessions';
import type { CppCompileOutcome } from '../runtime/cppCompiler';
import type { CppCompilerApi, PythonWorkerApi, WasmRunnerApi } from '../workerApi';
import { nodeEndpoint } from './nodeEndpoint';
import { startTsThread } from './tsThread';

export interface NodeExecutorOptions {
  /** Python interpreters / wasm runners running at once; default: cores − 1, at least 1. */
  concurrency?: number;
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

function stop(handle: Threaded<unknown>): void {
  handle.api[Comlink.releaseProxy]();
  void handle.thread.terminate();
}

type PythonThread = PythonHandle & Threaded<PythonWorkerApi>;
type WasmThread = WasmHandle & Threaded<WasmRunnerApi>;
type WasmProgram = WebAssembly.Module & { byteLength: number };

export class NodeExecutor implements Executor {
  private readonly python: FreshWorkerPool<PythonThread>;
  private readonly runners: FreshWorkerPool<WasmThread>;
  /** clang compiles, runs nothing: one thread, kept, restarted if it dies. */
  private compiler: Threaded<CppCompilerApi> | undefined;
  private readonly builds = new CppBuilds<WasmProgram>(
    (source, memoryBytes) => this.compile(source, memoryBytes),
    async (wasm) => Object.assign(await WebAssembly.compile(wasm as Uint8Array<ArrayBuffer>), { byteLength: wasm.byteLength }),
  );

  constructor(options: NodeExecutorOptions = {}) {
    const size = options.concurrency ?? Math.max(1, availableParallelism() - 1);
    this.python = new FreshWorkerPool<PythonThread>(() => this.startPython(), stop, { size, spares: 1 });
    this.runners = new FreshWorkerPool<WasmThread>(() => this.startRunner(), stop, { size, spares: 1 });
  }

  judge(problem: Problem, submission: Submission, options?: JudgeOptions): Promise<JudgeResult> {
    return judgeSubmission(submission.language === 'cpp' ? this.openCpp : this.openPython, problem, submission, options);
  }

  /** Loads a language's runtime ahead of the first judge (Pyodide; clang and its PCH). */
  async warmUp(language: Language): Promise<void> {
    if (language === 'python') return this.python.warmUp();
    const compiler = this.clang();
    await Promise.all([Promise.race([compiler.api.warmUp(), compiler.died]), this.runners.warmUp()]);
  }

  async dispose(): Promise<void> {
    this.python.dispose();
    this.runners.dispose();
    if (this.compiler) stop(this.compiler);
    this.compiler = undefined;
  }

  private readonly openPython: OpenSession = (submission, _limits, signal) => openPythonSession(this.python, submission.source, signal);

  private readonly openCpp: OpenSession = async (submission, limits, signal) => {
    const { compile, binary } = await this.builds.build(submission.source, limits.memoryBytes, signal);
    if (!binary) return { compile, run: () => Promise.reject(new Error('not compiled')), close: () => {} };
    return openWasmSession(this.runners, binary, compile, signal);
  };

  private async startPython(): Promise<PythonThread> {
    const handle = spawn<PythonWorkerApi>('pythonThread');
    const interrupt = new Int32Array(new SharedArrayBuffer(4));
    try {
      await Promise.race([handle.api.init({ interrupt }), handle.died]);
    } catch (error) {
      stop(handle);
      throw error;
    }
    return { ...handle, interrupt };
  }

  private async startRunner(): Promise<WasmThread> {
    const handle = spawn<WasmRunnerApi>('wasmRunThread');
    await Promise.race([handle.api.ready(), handle.died]);
    return handle;
  }

  private clang(): Threaded<CppCompilerApi> {
    this.compiler ??= spawn<CppCompilerApi>('clangThread');
    return this.compiler;
  }

  private async compile(source: string, memoryBytes: number): Promise<CppCompileOutcome> {
    const compiler = this.clang();
    try {
      return await Promise.race([compiler.api.compile(source, memoryBytes), compiler.died]);
    } catch (error) {
      if (this.compiler === compiler) this.compiler = undefined;
      stop(compiler);
      throw error;
    }
  }
}

export function createNodeExecutor(options: NodeExecutorOptions = {}): NodeExecutor {
  return new NodeExecutor(options);
}
