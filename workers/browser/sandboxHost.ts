/**
 * Runs inside the sandbox frame (opaque origin, no network by CSP): hosts the pools of Python and
 * wasm-runner workers, which it starts from blob: URLs of code the page handed over, and serves
 * SandboxApi to the page. Each worker talks to this frame only over a private MessagePort, so a
 * program calling `postMessage` on its worker's global scope reaches no one.
 */
import * as Comlink from 'comlink';
import type { CompileResult } from '../../src/core/judging/judgeResult';
import { openPythonSession, openWasmSession, type PythonHandle, type WasmHandle } from '../../src/exec/languageSessions';
import type { JudgeSession } from '../../src/exec/judgeSubmission';
import type { PythonAssets, SandboxApi, SandboxBoot } from '../../src/exec/sandbox/sandboxProtocol';
import type { PythonWorkerApi, WasmRunnerApi } from '../../src/exec/workerApi';
import { WorkerPool } from '../../src/exec/workerPool';

interface Started<T> {
  api: Comlink.Remote<T>;
  worker: Worker;
  /** Rejects if the worker's script fails (load error, uncaught exception). */
  failed: Promise<never>;
}

function startWorker<T>(codeUrl: string): Started<T> {
  const worker = new Worker(codeUrl); // classic: see sandboxBundlePlugin
  const failed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (event) => reject(new Error(`sandbox worker failed: ${event.message || 'script error'}`))),
  );
  failed.catch(() => undefined);
  const channel = new MessageChannel();
  worker.postMessage({ port: channel.port2 }, [channel.port2]);
  return { api: Comlink.wrap<T>(channel.port1), worker, failed };
}

function stopWorker(handle: { worker: Worker }): void {
  handle.worker.terminate();
}

export function start(port: MessagePort): void {
  let pythonCodeUrl = '';
  let wasmCodeUrl = '';
  let pythonAssets: PythonAssets | undefined;
  let assetsArrived: () => void = () => {};
  const assetsReady = new Promise<void>((resolve) => (assetsArrived = resolve));
  const size = Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
  const sharedMemory = typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true;

  const python = new WorkerPool<PythonHandle & Started<PythonWorkerApi>>(
    async () => {
      await assetsReady;
      const handle = startWorker<PythonWorkerApi>(pythonCodeUrl);
      const interrupt = sharedMemory ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
      const assets = pythonAssets!;
      try {
        await Promise.race([handle.failed, handle.api.init({
          ...(interrupt ? { interrupt } : {}),
          assets: { 'pyodide.asm.wasm': assets.wasm.slice(0), 'python_stdlib.zip': assets.stdlib.slice(0), lock: new TextEncoder().encode(assets.lock).buffer },
        })]);
      } catch (error) {
        stopWorker(handle);
        throw error;
      }
      return { ...handle, ...(interrupt ? { interrupt } : {}) };
    },
    stopWorker,
    size,
  );
  const runners = new WorkerPool<WasmHandle & Started<WasmRunnerApi>>(async () => startWorker<WasmRunnerApi>(wasmCodeUrl), stopWorker, size);

  const sessions = new Map<number, { session: JudgeSession; abort: AbortController }>();
  let nextId = 1;
  const register = (session: JudgeSession, abort: AbortController): number => {
    const id = nextId++;
    sessions.set(id, { session, abort });
    return id;
  };

  const api: SandboxApi = {
    async boot(config: SandboxBoot) {
      pythonCodeUrl = URL.createObjectURL(new Blob([config.pythonWorkerCode], { type: 'text/javascript' }));
      wasmCodeUrl = URL.createObjectURL(new Blob([config.wasmWorkerCode], { type: 'text/javascript' }));
      return { crossOriginIsolated: sharedMemory, poolSize: size };
    },
    setPythonAssets(assets) {
      pythonAssets = assets;
      assetsArrived();
    },
    warmUp: (kind) => (kind === 'python' ? python.warmUp() : runners.warmUp()),
    async openPython(source) {
      const abort = new AbortController();
      const session = await openPythonSession(python, source, abort.signal);
      return { id: register(session, abort), compile: session.compile };
    },
    async openWasm(binary, compile: CompileResult) {
      const abort = new AbortController();
      const program = await WebAssembly.compile(binary as Uint8Array<ArrayBuffer>);
      const session = await openWasmSession(runners, program, compile, abort.signal);
      return { id: register(session, abort) };
    },
    run(id, input, limits) {
      const entry = sessions.get(id);
      if (!entry) return Promise.reject(new Error(`no sandbox session ${id}`));
      return entry.session.run(input, limits, entry.abort.signal);
    },
    close(id, abort) {
      const entry = sessions.get(id);
      if (!entry) return;
      sessions.delete(id);
      if (abort) entry.abort.abort(new DOMException('judging was aborted', 'AbortError'));
      entry.session.close();
    },
  };
  Comlink.expose(api, port);
}
