/**
 * The Executor in the browser. Programs run in a sandbox frame (opaque origin + CSP without
 * network, see sandbox/sandboxFrame.ts) on pools of workers sized from navigator.hardwareConcurrency;
 * C++ is compiled by clang in a worker on the page's origin (compiling runs no user code) and each
 * binary is compiled once, cached, and run per test in the sandbox. Safe to call `judge` for many
 * candidates at once: the pools queue; `signal` aborts a judge and kills its run.
 */
import * as Comlink from 'comlink';
import type { CompileResult, JudgeResult } from '../core/judging/judgeResult';
import type { Executor, JudgeOptions, Submission } from '../core/judging/executor';
import type { Language } from '../core/problem/language';
import type { Problem } from '../core/problem/problem';
import { CompileCache, cacheKey } from './compileCache';
import { judgeSubmission, type JudgeSession, type OpenSession } from './judgeSubmission';
import { CPP_FLAGS } from './runtime/cppCompiler';
import { createSandboxFrame, type SandboxFrame } from './sandbox/sandboxClient';
import type { CppCompilerApi } from './workerApi';

export type RuntimeState = 'cold' | 'loading' | 'ready' | 'error';

export interface ExecutorStatus {
  python: RuntimeState;
  cpp: RuntimeState;
  /** The last load failure, for display. */
  error?: string;
}

export interface BrowserExecutorOptions {
  /** Called whenever a runtime's readiness changes. */
  onStatus?: (status: ExecutorStatus) => void;
}

export interface BrowserExecutor extends Executor {
  /** Starts loading a language's runtime (Pyodide; clang + its precompiled header) ahead of need. */
  warmUp(language: Language): Promise<void>;
  readonly status: ExecutorStatus;
}

export function createBrowserExecutor(options: BrowserExecutorOptions = {}): BrowserExecutor {
  const status: ExecutorStatus = { python: 'cold', cpp: 'cold' };
  const setStatus = (language: Language, state: RuntimeState, error?: unknown): void => {
    status[language] = state;
    if (error !== undefined) status.error = error instanceof Error ? error.message : String(error);
    options.onStatus?.({ ...status });
  };

  let frame: Promise<SandboxFrame> | undefined;
  const sandbox = (): Promise<SandboxFrame> => {
    frame ??= createSandboxFrame();
    frame.catch(() => (frame = undefined));
    return frame;
  };

  let compilerWorker: Worker | undefined;
  let compiler: Comlink.Remote<CppCompilerApi> | undefined;
  const getCompiler = (): Comlink.Remote<CppCompilerApi> => {
    if (!compiler) {
      compilerWorker = new Worker(new URL('../../workers/browser/clang.worker.ts', import.meta.url), { type: 'module', name: 'clang' });
      compiler = Comlink.wrap<CppCompilerApi>(compilerWorker);
    }
    return compiler;
  };
  let compileQueue: Promise<unknown> = Promise.resolve();
  const binaries = new CompileCache<Uint8Array>();

  const track = async (language: Language, work: () => Promise<void>): Promise<void> => {
    if (status[language] !== 'ready') setStatus(language, 'loading');
    try {
      await work();
      if (status[language] !== 'ready') setStatus(language, 'ready');
    } catch (error) {
      setStatus(language, 'error', error);
      throw error;
    }
  };

  const pythonReady = (): Promise<void> =>
    track('python', async () => {
      const f = await sandbox();
      await f.loadPythonAssets();
      await f.api.warmUp('python');
    });

  const bindSession = (f: SandboxFrame, id: number, compile: CompileResult): JudgeSession => ({
    compile,
    run: async (input, limits, signal) => {
      signal?.throwIfAborted();
      const onAbort = (): void => void f.api.close(id, true);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const outcome = await f.api.run(id, input, limits);
        signal?.throwIfAborted();
        return outcome;
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
    close: () => void f.api.close(id),
  });

  const openPython: OpenSession = async (submission, _limits, signal) => {
    const f = await sandbox();
    await f.loadPythonAssets();
    signal?.throwIfAborted();
    const { id, compile } = await f.api.openPython(submission.source);
    if (status.python !== 'ready') setStatus('python', 'ready');
    return bindSession(f, id, compile);
  };

  const compileCpp = async (source: string, memoryBytes: number, signal?: AbortSignal): Promise<{ compile: CompileResult; binary?: Uint8Array }> => {
    const key = await cacheKey(CPP_FLAGS.join(' '), String(memoryBytes), source);
    const cached = binaries.get(key);
    if (cached) return { compile: { ok: true, stderr: '', ms: 0, cached: true }, binary: cached };
    const run = compileQueue.then(async () => {
      signal?.throwIfAborted();
      return getCompiler().compile(source, memoryBytes);
    });
    compileQueue = run.catch(() => undefined);
    const outcome = await run;
    if (status.cpp !== 'ready') setStatus('cpp', 'ready');
    const compile = { ok: outcome.ok, stderr: outcome.stderr, ms: Math.round(outcome.ms) };
    if (outcome.wasm) binaries.set(key, outcome.wasm);
    return { compile, ...(outcome.wasm ? { binary: outcome.wasm } : {}) };
  };

  const openCpp: OpenSession = async (submission, limits, signal) => {
    const [{ compile, binary }, f] = await Promise.all([compileCpp(submission.source, limits.memoryBytes, signal), sandbox()]);
    if (!binary) return { compile, run: () => Promise.reject(new Error('not compiled')), close: () => {} };
    signal?.throwIfAborted();
    const { id } = await f.api.openWasm(binary, compile);
    return bindSession(f, id, compile);
  };

  return {
    status,
    judge(problem: Problem, submission: Submission, judgeOptions?: JudgeOptions): Promise<JudgeResult> {
      return judgeSubmission(submission.language === 'cpp' ? openCpp : openPython, problem, submission, judgeOptions);
    },
    warmUp(language) {
      if (language === 'python') return pythonReady();
      return track('cpp', async () => {
        await Promise.all([getCompiler().warmUp(), sandbox().then((f) => f.api.warmUp('wasm'))]);
      });
    },
    async dispose() {
      compiler?.[Comlink.releaseProxy]();
      compilerWorker?.terminate();
      compiler = undefined;
      const f = await frame?.catch(() => undefined);
      f?.destroy();
      frame = undefined;
    },
  };
}
