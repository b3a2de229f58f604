/**
 * The Executor for Node (the CLI's `judge` and `eval`, tests, benchmarks): the same runtimes as
 * the browser — Pyodide for Python, @yowasp/clang + our WASI runner for C++ — and the same judge
 * loop and limits. Every submission runs in a fresh sandbox child process (sandboxProcess.ts:
 * permission model, its own network namespace), never reused; a spare is started ahead of need.
 * clang stays in this process, in a worker thread: it compiles untrusted source but runs none of it.
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import type { Executor, JudgeOptions, Submission } from '../../core/judging/executor';
import type { JudgeResult } from '../../core/judging/judgeResult';
import type { Language } from '../../core/problem/language';
import type { Problem } from '../../core/problem/problem';
import { CppBuilds } from '../cppBuilds';
import { FreshWorkerPool } from '../freshWorkerPool';
import { judgeSubmission } from '../judgeSubmission';
import type { OpenSession } from '../judgeSession';
import { openPythonSession, openWasmSession } from '../languageSessions';
import { PythonStartSnapshot } from '../pyodideSnapshot/pythonStartSnapshot';
import { readSnapshotFile, SNAPSHOT_DIR_ENV, writeSnapshotFile } from '../pyodideSnapshot/nodeSnapshotFile';
import type { CppCompileOutcome, CppSourceFiles } from '../runtime/cppCompiler';
import type { CppCompilerApi, PythonWorkerStart } from '../workerApi';
import { networkNamespaceAvailable, NetworkIsolationUnavailableError } from './networkIsolation';
import { nodeEndpoint } from './nodeEndpoint';
import { pyodideIndexUrl, readPythonHarness } from './pythonFiles';
import type { PythonChildStart } from './sandboxChildApi';
import { bundleSandboxChild, type SandboxChildBundle } from './sandboxChildBundle';
import { startSandboxProcess, stopSandboxProcess, type NetworkPolicy, type SandboxProcess } from './sandboxProcess';
import { startTsThread } from './tsThread';

export interface NodeExecutorOptions {
  /** Submissions judged at once; default: cores − 1, at least 1. */
  concurrency?: number;
  /**
   * `isolated` (default): candidate programs get no network, or the executor refuses to start
   * (NetworkIsolationUnavailableError). `open`: the user accepted that they may reach the network.
   */
  network?: NetworkPolicy;
}

interface CompilerThread {
  api: Comlink.Remote<CppCompilerApi>;
  thread: Worker;
  died: Promise<never>;
}

function startCompiler(): CompilerThread {
  const thread = startTsThread(new URL('../../../workers/node/clangThread.ts', import.meta.url));
  const died = new Promise<never>((_, reject) => {
    thread.on('error', (error) => reject(error));
    thread.on('exit', (code) => reject(new Error(`clang thread exited (${code})`)));
  });
  died.catch(() => undefined);
  return { api: Comlink.wrap<CppCompilerApi>(nodeEndpoint(thread)), thread, died };
}

function stopCompiler(compiler: CompilerThread): void {
  compiler.api[Comlink.releaseProxy]();
  void compiler.thread.terminate();
}

export class NodeExecutor implements Executor {
  private readonly network: NetworkPolicy;
  private readonly python: FreshWorkerPool<SandboxProcess>;
  private readonly runners: FreshWorkerPool<SandboxProcess>;
  /** Output validators run on pools of their own (see ProgramRole); they start only when needed. */
  private readonly validatorPython: FreshWorkerPool<SandboxProcess>;
  private readonly validatorRunners: FreshWorkerPool<SandboxProcess>;
  /** Pyodide's start-up snapshot, taken by the first Python process (or kept in a file: nodeSnapshotFile.ts): later ones start in ~0.2 s. */
  private readonly startSnapshot = new PythonStartSnapshot({ copies: false });
  /** The snapshot as the children read it: a file in the bundle's folder, written when a child first needs it. */
  private snapshotFile: { of: ArrayBuffer; path: Promise<string> } | undefined;
  private snapshotFiles = 0;
  private bundle: Promise<SandboxChildBundle> | undefined;
  /** clang compiles, runs nothing: one thread, kept, restarted if it dies. */
  private compiler: CompilerThread | undefined;
  private readonly builds = new CppBuilds<Uint8Array>(
    (source, memoryBytes, files) => this.compile(source, memoryBytes, files),
    async (wasm) => wasm,
  );

  constructor(options: NodeExecutorOptions = {}) {
    this.network = options.network ?? 'isolated';
    if (this.network === 'isolated' && !networkNamespaceAvailable()) throw new NetworkIsolationUnavailableError();
    const size = options.concurrency ?? Math.max(1, availableParallelism() - 1);
    this.python = new FreshWorkerPool(() => this.startPython(), stopSandboxProcess, { size, spares: 1 });
    this.runners = new FreshWorkerPool(() => this.startRunner(), stopSandboxProcess, { size, spares: 1 });
    this.validatorPython = new FreshWorkerPool(() => this.startPython(), stopSandboxProcess, { size, spares: 1 });
    this.validatorRunners = new FreshWorkerPool(() => this.startRunner(), stopSandboxProcess, { size, spares: 1 });
    const snapshotDir = process.env[SNAPSHOT_DIR_ENV];
    if (snapshotDir) this.startSnapshot.receive(readSnapshotFile(snapshotDir), (snapshot) => writeSnapshotFile(snapshotDir, snapshot));
  }

  judge(problem: Problem, submission: Submission, options?: JudgeOptions): Promise<JudgeResult> {
    return judgeSubmission(this.open, problem, submission, options);
  }

  /** Loads a language's runtime ahead of the first judge (Pyodide; clang and its PCH). */
  async warmUp(language: Language): Promise<void> {
    if (language === 'python') {
      await this.python.warmUp();
      return;
    }
    const compiler = this.clang();
    await Promise.all([Promise.race([compiler.api.warmUp(), compiler.died]), this.runners.warmUp()]);
  }

  async dispose(): Promise<void> {
    for (const pool of [this.python, this.runners, this.validatorPython, this.validatorRunners]) pool.dispose();
    if (this.compiler) stopCompiler(this.compiler);
    this.compiler = undefined;
    await (await this.bundle?.catch(() => undefined))?.remove();
  }

  private readonly open: OpenSession = async (program, limits, signal, role) => {
    const validator = role === 'validator';
    if (program.language === 'python') return openPythonSession(validator ? this.validatorPython : this.python, program.source, signal);
    const files = program.sourceName || program.companions ? { name: program.sourceName, companions: program.companions } : undefined;
    const { compile, binary } = await this.builds.build(program.source, limits.memoryBytes, signal, files);
    if (!binary) return { compile, run: () => Promise.reject(new Error('not compiled')), close: () => {} };
    return openWasmSession(validator ? this.validatorRunners : this.runners, binary, compile, signal);
  };

  /** A child process that may read only the bundle (and, for Python, Pyodide's folder). */
  private async startSandbox(readable: string[]): Promise<SandboxProcess> {
    this.bundle ??= bundleSandboxChild();
    const bundle = await this.bundle;
    const sandbox = startSandboxProcess(bundle.entry, [bundle.dir, ...readable], this.network);
    try {
      await Promise.race([sandbox.api.ready(), sandbox.died]);
    } catch (error) {
      stopSandboxProcess(sandbox);
      throw error;
    }
    return sandbox;
  }

  private async startRunner(): Promise<SandboxProcess> {
    return this.startSandbox([]);
  }

  private async startPython(): Promise<SandboxProcess> {
    const indexURL = pyodideIndexUrl();
    const sandbox = await this.startSandbox([indexURL]);
    const { start, settle } = this.startSnapshot.nextStart();
    try {
      const pyodideModuleUrl = pathToFileURL(join(indexURL, 'pyodide.mjs')).href;
      const options = { harness: readPythonHarness(), pyodideModuleUrl, indexURL, start: await this.childStart(start) };
      settle(await Promise.race([sandbox.api.initPython(options), sandbox.died]));
    } catch (error) {
      settle();
      stopSandboxProcess(sandbox);
      throw error;
    }
    return sandbox;
  }

  /**
   * A start with the snapshot names its file, written once per snapshot (the keeper hands out the
   * one it holds, uncopied); where the file could not be written, the child starts from scratch.
   */
  private async childStart({ snapshot, makeSnapshot }: PythonWorkerStart): Promise<PythonChildStart> {
    if (!snapshot) return makeSnapshot ? { makeSnapshot } : {};
    if (this.snapshotFile?.of !== snapshot) this.snapshotFile = { of: snapshot, path: this.writeChildSnapshot(snapshot) };
    const snapshotFile = await this.snapshotFile.path.catch(() => undefined);
    return snapshotFile ? { snapshotFile } : {};
  }

  /** Writes `snapshot` into the bundle's folder, which the children may read, under a name of its own. */
  private async writeChildSnapshot(snapshot: ArrayBuffer): Promise<string> {
    const path = join((await this.bundle!).dir, `pyodide-start-${++this.snapshotFiles}.snapshot`);
    await writeFile(path, new Uint8Array(snapshot));
    return path;
  }

  private clang(): CompilerThread {
    this.compiler ??= startCompiler();
    return this.compiler;
  }

  private async compile(source: string, memoryBytes: number, files?: CppSourceFiles): Promise<CppCompileOutcome> {
    const compiler = this.clang();
    try {
      return await Promise.race([
        files ? compiler.api.compile(source, memoryBytes, files) : compiler.api.compile(source, memoryBytes),
        compiler.died,
      ]);
    } catch (error) {
      if (this.compiler === compiler) this.compiler = undefined;
      stopCompiler(compiler);
      throw error;
    }
  }
}

export function createNodeExecutor(options: NodeExecutorOptions = {}): NodeExecutor {
  return new NodeExecutor(options);
}
