/**
 * What the sandbox frame serves to the page (SandboxApi): fresh Python and wasm-runner workers per
 * submission, started from blob: URLs of code the page handed over, and the judge sessions on
 * them. Each worker talks to the frame only over a private MessagePort, so a program calling
 * `postMessage` on its worker's global scope reaches no one.
 */
import * as Comlink from 'comlink';
import type { CompileResult } from '../../../core/judging/judgeResult';
import { FreshWorkerPool } from '../../freshWorkerPool';
import type { JudgeSession, ProgramRole } from '../../judgeSession';
import type { RunFiles } from '../../runtime/runOutcome';
import { openPythonSession, openWasmSession, type PythonHandle, type WasmHandle } from '../../languageSessions';
import { PythonStartSnapshot } from '../../pyodideSnapshot/pythonStartSnapshot';
import type { PythonWorkerApi, WasmRunnerApi } from '../../workerApi';
import type { PythonAssets, SandboxApi, SandboxBoot, SandboxInfo } from './sandboxProtocol';

interface Started<T> {
  api: Comlink.Remote<T>;
  worker: Worker;
  /** Rejects if the worker fails (load error, an uncaught exception — a program that escaped and threw): its run becomes RTE, not a hang. */
  died: Promise<never>;
}

function startWorker<T>(codeUrl: string): Started<T> {
  const worker = new Worker(codeUrl); // classic: see build/sandboxBundlePlugin.ts
  const died = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (event) => reject(new Error(`sandbox worker failed: ${event.message || 'script error'}`))),
  );
  died.catch(() => undefined);
  const channel = new MessageChannel();
  worker.postMessage({ port: channel.port2 }, [channel.port2]);
  return { api: Comlink.wrap<T>(channel.port1), worker, died };
}

/** Rejects when `signal` aborts: a start raced against it is abandoned (and its worker stopped). */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function stopWorker(handle: Started<unknown>): void {
  handle.api[Comlink.releaseProxy]();
  handle.worker.terminate();
}

type PythonWorker = PythonHandle & Started<PythonWorkerApi>;
type WasmWorker = WasmHandle & Started<WasmRunnerApi>;

export class SandboxService implements SandboxApi {
  private pythonCodeUrl = '';
  private wasmCodeUrl = '';
  private pythonAssets: PythonAssets | undefined;
  private readonly startSnapshot = new PythonStartSnapshot();
  private assetsArrived: () => void = () => {};
  private readonly assetsReady = new Promise<void>((resolve) => (this.assetsArrived = resolve));
  private readonly size = Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
  private readonly sharedMemory = typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true;
  private readonly python = new FreshWorkerPool<PythonWorker>((signal) => this.startPython(signal), stopWorker, {
    size: this.size,
    spares: 1,
  });
  private readonly runners = new FreshWorkerPool<WasmWorker>((signal) => this.startRunner(signal), stopWorker, {
    size: this.size,
    spares: 1,
  });
  /** Output validators' pools: they start workers only once a problem with a validator is judged. */
  private readonly validatorPython = new FreshWorkerPool<PythonWorker>((signal) => this.startPython(signal), stopWorker, {
    size: this.size,
    spares: 1,
  });
  private readonly validatorRunners = new FreshWorkerPool<WasmWorker>((signal) => this.startRunner(signal), stopWorker, {
    size: this.size,
    spares: 1,
  });
  private readonly sessions = new Map<number, { session: JudgeSession; abort: AbortController }>();
  private nextId = 1;

  async boot(config: SandboxBoot): Promise<SandboxInfo> {
    this.pythonCodeUrl = URL.createObjectURL(new Blob([config.pythonWorkerCode], { type: 'text/javascript' }));
    this.wasmCodeUrl = URL.createObjectURL(new Blob([config.wasmWorkerCode], { type: 'text/javascript' }));
    return { crossOriginIsolated: this.sharedMemory, poolSize: this.size };
  }

  setPythonAssets(assets: PythonAssets, onSnapshot?: (snapshot: ArrayBuffer) => void): void {
    this.pythonAssets = assets;
    this.startSnapshot.receive(assets.snapshot, onSnapshot);
    this.assetsArrived();
  }

  warmUp(kind: 'python' | 'wasm'): Promise<boolean> {
    return kind === 'python' ? this.python.warmUp() : this.runners.warmUp();
  }

  coolDown(kind: 'python'): void {
    if (kind === 'python') this.python.coolDown();
  }

  async openPython(source: string, role: ProgramRole): Promise<{ id: number; compile: CompileResult }> {
    const abort = new AbortController();
    const session = await openPythonSession(role === 'validator' ? this.validatorPython : this.python, source, abort.signal);
    return { id: this.register(session, abort), compile: session.compile };
  }

  async openWasm(binary: Uint8Array, compile: CompileResult, role: ProgramRole): Promise<{ id: number }> {
    const abort = new AbortController();
    const program = await WebAssembly.compile(binary as Uint8Array<ArrayBuffer>);
    const session = await openWasmSession(role === 'validator' ? this.validatorRunners : this.runners, program, compile, abort.signal);
    return { id: this.register(session, abort) };
  }

  run(id: number, input: Uint8Array, limits: Parameters<SandboxApi['run']>[2], files?: RunFiles): ReturnType<SandboxApi['run']> {
    const entry = this.sessions.get(id);
    if (!entry) return Promise.reject(new Error(`no sandbox session ${id}`));
    return entry.session.run(input, limits, entry.abort.signal, files);
  }

  close(id: number, abort?: boolean): void {
    const entry = this.sessions.get(id);
    if (!entry) return;
    this.sessions.delete(id);
    if (abort) entry.abort.abort(new DOMException('judging was aborted', 'AbortError'));
    entry.session.close();
  }

  private register(session: JudgeSession, abort: AbortController): number {
    const id = this.nextId++;
    this.sessions.set(id, { session, abort });
    return id;
  }

  /** A fresh wasm-runner worker, once its code has loaded. */
  private async startRunner(signal: AbortSignal): Promise<WasmWorker> {
    const handle = startWorker<WasmRunnerApi>(this.wasmCodeUrl);
    try {
      await Promise.race([handle.died, handle.api.ready(), aborted(signal)]);
    } catch (error) {
      stopWorker(handle);
      throw error;
    }
    return handle;
  }

  /** A fresh Pyodide worker: started, handed Pyodide's files, warmed up. */
  private async startPython(signal: AbortSignal): Promise<PythonWorker> {
    await Promise.race([this.assetsReady, aborted(signal)]);
    const handle = startWorker<PythonWorkerApi>(this.pythonCodeUrl);
    const interrupt = this.sharedMemory ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    const assets = this.pythonAssets!;
    const { start, settle } = this.startSnapshot.nextStart();
    try {
      const files = {
        'pyodide.asm.wasm': assets.wasm.slice(0),
        'python_stdlib.zip': assets.stdlib.slice(0),
        lock: new TextEncoder().encode(assets.lock).buffer,
      };
      // Each worker gets its own copies, moved rather than copied again on the way.
      const moved = [...Object.values(files), ...(start.snapshot ? [start.snapshot] : [])];
      const init = handle.api.init(Comlink.transfer({ ...(interrupt ? { interrupt } : {}), assets: files, start }, moved));
      settle(await Promise.race([handle.died, init, aborted(signal)]));
    } catch (error) {
      settle();
      stopWorker(handle);
      throw error;
    }
    return { ...handle, ...(interrupt ? { interrupt } : {}) };
  }
}
