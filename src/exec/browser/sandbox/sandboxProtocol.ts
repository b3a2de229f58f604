/**
 * The API the sandbox frame exposes to the page (over comlink, on a MessagePort handed over at
 * start-up). The frame has an opaque origin and a CSP without network access; it owns the pools of
 * Python and wasm-runner workers, and the page's judge loop drives it one test at a time.
 */
import type { CompileResult } from '../../../core/judging/judgeResult';
import type { RunFiles, RunLimits, RunOutcome } from '../../runtime/runOutcome';
import type { ProgramRole } from '../../judgeSession';

export interface PythonAssets {
  wasm: ArrayBuffer;
  stdlib: ArrayBuffer;
  lock: string;
  /** Pyodide's start-up snapshot from an earlier visit, if the page kept one. */
  snapshot?: ArrayBuffer;
}

export interface SandboxBoot {
  pythonWorkerCode: string;
  wasmWorkerCode: string;
}

export interface SandboxInfo {
  /** Whether SharedArrayBuffer is available in the frame (then Python is interrupted, not killed). */
  crossOriginIsolated: boolean;
  poolSize: number;
}

export interface SandboxApi {
  boot(config: SandboxBoot): Promise<SandboxInfo>;
  /** `onSnapshot` receives a start-up snapshot when a worker here takes one (the page keeps it). */
  setPythonAssets(assets: PythonAssets, onSnapshot?: (snapshot: ArrayBuffer) => void): void;
  /** Starts a spare worker; true once one is ready, false if `coolDown` stopped it first. */
  warmUp(kind: 'python' | 'wasm'): Promise<boolean>;
  /** Stops Python spares still starting: the visitor turned to C++, and they would slow clang. */
  coolDown(kind: 'python'): void;
  /** `role` picks the pool: submissions and output validators never wait on each other. */
  openPython(source: string, role: ProgramRole): Promise<{ id: number; compile: CompileResult }>;
  openWasm(binary: Uint8Array, compile: CompileResult, role: ProgramRole): Promise<{ id: number }>;
  run(id: number, input: Uint8Array, limits: RunLimits, files?: RunFiles): Promise<RunOutcome>;
  /** Ends a session; with `abort`, a run in flight is killed. */
  close(id: number, abort?: boolean): void;
}

/** The first message the page posts to the frame (with a MessagePort). */
export const SANDBOX_START = 'critique-lab-sandbox-start';
