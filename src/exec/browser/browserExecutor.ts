/**
 * The Executor in the browser. Programs run in a sandbox frame (opaque origin + CSP without
 * network, sandbox/sandboxClient.ts), each submission in fresh workers (freshWorkerPool.ts); C++
 * is compiled by clang in a worker on the page's origin (compiling runs no user code), once per
 * source (cppBuilds.ts). Safe to call `judge` for many candidates at once: the pools queue;
 * `signal` aborts a judge and kills its run.
 */
import * as Comlink from 'comlink';
import type { Executor, JudgeOptions, Submission } from '../../core/judging/executor';
import type { JudgeResult } from '../../core/judging/judgeResult';
import type { Language } from '../../core/problem/language';
import type { Problem } from '../../core/problem/problem';
import { CppBuilds } from '../cppBuilds';
import { judgeSubmission } from '../judgeSubmission';
import type { JudgeSession, OpenSession, ProgramRole, ProgramSource } from '../judgeSession';
import type { RunLimits } from '../runtime/runOutcome';
import { createSandboxFrame, type SandboxFrame } from './sandbox/sandboxClient';
import { serviceWorkerControl } from './serviceWorkerControl';
import type { CppLoadProgress } from '../runtime/cppCompiler';
import type { CppCompilerApi } from '../workerApi';

type RuntimeState = 'cold' | 'loading' | 'ready' | 'error';

export interface ExecutorStatus {
  python: RuntimeState;
  cpp: RuntimeState;
  /** The last load failure, for display. */
  error?: string;
  /** While C++ loads: the stage, and the bytes of clang fetched so far. */
  cppLoading?: CppLoadProgress;
}

interface BrowserExecutorOptions {
  /** Called whenever a runtime's readiness changes. */
  onStatus?: (status: ExecutorStatus) => void;
}

export class BrowserExecutor implements Executor {
  readonly status: ExecutorStatus = { python: 'cold', cpp: 'cold' };
  private frame: Promise<SandboxFrame> | undefined;
  private compilerWorker: Worker | undefined;
  private compiler: Comlink.Remote<CppCompilerApi> | undefined;
  private clangWarming: Promise<void> | undefined;
  /** The language the visitor turned to last: a Python warm-up overtaken by C++ stops. */
  private lastWarmed: Language | undefined;
  private readonly builds = new CppBuilds<Uint8Array>(
    async (source, memoryBytes, files) => {
      await this.clangWarm();
      return files ? this.clang().compile(source, memoryBytes, files) : this.clang().compile(source, memoryBytes);
    },
    async (wasm) => wasm,
  );

  constructor(private readonly options: BrowserExecutorOptions = {}) {}

  judge(problem: Problem, submission: Submission, options?: JudgeOptions): Promise<JudgeResult> {
    return judgeSubmission(this.open, problem, submission, options);
  }

  /** Starts loading a language's runtime (Pyodide; clang + its precompiled header) ahead of need. */
  warmUp(language: Language): Promise<void> {
    this.lastWarmed = language;
    if (language === 'python') {
      return this.track('python', async () => {
        const frame = await this.sandbox();
        await frame.loadPythonAssets();
        return this.lastWarmed === 'python' && frame.api.warmUp('python');
      });
    }
    // Two runtimes starting at once share the CPU: Python's spare waits until it is wanted again.
    void this.frame?.then((frame) => frame.api.coolDown('python')).catch(() => undefined);
    return this.track('cpp', async () => {
      await Promise.all([this.clangWarm(), this.sandbox().then((f) => f.api.warmUp('wasm'))]);
    });
  }

  async dispose(): Promise<void> {
    this.compiler?.[Comlink.releaseProxy]();
    this.compilerWorker?.terminate();
    this.compiler = undefined;
    this.clangWarming = undefined;
    const frame = await this.frame?.catch(() => undefined);
    frame?.destroy();
    this.frame = undefined;
  }

  private readonly open: OpenSession = (program, limits, signal, role) =>
    program.language === 'python' ? this.openPython(program, signal, role) : this.openCpp(program, limits, signal, role);

  private async openPython(program: ProgramSource, signal: AbortSignal | undefined, role: ProgramRole): Promise<JudgeSession> {
    const frame = await this.sandbox();
    await frame.loadPythonAssets();
    signal?.throwIfAborted();
    const { id, compile } = await frame.api.openPython(program.source, role);
    this.setStatus('python', 'ready');
    return this.bindSession(frame, id, compile);
  }

  private async openCpp(
    program: ProgramSource,
    limits: RunLimits,
    signal: AbortSignal | undefined,
    role: ProgramRole,
  ): Promise<JudgeSession> {
    const files = program.sourceName || program.companions ? { name: program.sourceName, companions: program.companions } : undefined;
    const [{ compile, binary }, frame] = await Promise.all([
      this.builds.build(program.source, limits.memoryBytes, signal, files),
      this.sandbox(),
    ]);
    this.setStatus('cpp', 'ready');
    if (!binary) return { compile, run: () => Promise.reject(new Error('not compiled')), close: () => {} };
    signal?.throwIfAborted();
    const { id } = await frame.api.openWasm(binary, compile, role);
    return this.bindSession(frame, id, compile);
  }

  /** A session whose runs go to the frame; aborting a run kills its worker there. */
  private bindSession(frame: SandboxFrame, id: number, compile: JudgeSession['compile']): JudgeSession {
    return {
      compile,
      run: async (input, limits, signal, files) => {
        signal?.throwIfAborted();
        const onAbort = (): void => void frame.api.close(id, true);
        signal?.addEventListener('abort', onAbort, { once: true });
        try {
          const outcome = await frame.api.run(id, input, limits, files);
          signal?.throwIfAborted();
          return outcome;
        } finally {
          signal?.removeEventListener('abort', onAbort);
        }
      },
      close: () => void frame.api.close(id),
    };
  }

  private sandbox(): Promise<SandboxFrame> {
    if (!this.frame) {
      const frame = createSandboxFrame();
      this.frame = frame;
      frame.catch(() => {
        if (this.frame === frame) this.frame = undefined;
      });
    }
    return this.frame;
  }

  private clang(): Comlink.Remote<CppCompilerApi> {
    if (!this.compiler) {
      this.compilerWorker = new Worker(new URL('../../../workers/browser/clang.worker.ts', import.meta.url), {
        type: 'module',
        name: 'clang',
      });
      this.compiler = Comlink.wrap<CppCompilerApi>(this.compilerWorker);
    }
    return this.compiler;
  }

  /**
   * Warms clang once per worker with a progress callback, so whichever comes first — a warm-up
   * or a compile — the page sees the stage and bytes of the cold start.
   */
  private clangWarm(): Promise<void> {
    // The worker fetches clang under the service worker that controls the page when it starts.
    this.clangWarming ??= serviceWorkerControl().then(() =>
      this.clang().warmUp(
        Comlink.proxy((progress: CppLoadProgress) => {
          this.status.cppLoading = progress.stage === 'ready' ? undefined : progress;
          this.options.onStatus?.({ ...this.status });
        }),
      ),
    );
    this.clangWarming.catch(() => (this.clangWarming = undefined));
    return this.clangWarming;
  }

  /** Runs a warm-up under the language's status; `work` resolving false means it was called off. */
  private async track(language: Language, work: () => Promise<boolean | void>): Promise<void> {
    if (this.status[language] !== 'ready') this.setStatus(language, 'loading');
    try {
      const done = await work();
      // Called off (the visitor turned to C++): nothing is loading, unless it was ready meanwhile.
      this.setStatus(language, done !== false || this.status[language] === 'ready' ? 'ready' : 'cold');
    } catch (error) {
      this.setStatus(language, 'error', error);
      throw error;
    }
  }

  private setStatus(language: Language, state: RuntimeState, error?: unknown): void {
    if (this.status[language] === state && error === undefined) return;
    this.status[language] = state;
    if (error !== undefined) this.status.error = error instanceof Error ? error.message : String(error);
    this.options.onStatus?.({ ...this.status });
  }
}
