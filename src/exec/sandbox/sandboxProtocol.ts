/**
 * The API the sandbox frame exposes to the page (over comlink, on a MessagePort handed over at
 * start-up). The frame has an opaque origin and a CSP without network access; it owns the pools of
 * Python and wasm-runner workers, and the page's judge loop drives it one test at a time.
 */
import type { CompileResult } from '../../core/judging/judgeResult';
import type { RunFiles, RunLimits, RunOutcome } from '../runtime/runOutcome';
import type { ProgramRole } from '../judgeSubmission';

export interface PythonAssets {
  wasm: ArrayBuffer;
  stdlib: ArrayBuffer;
  lock: string;
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
  setPythonAssets(assets: PythonAssets): void;
  warmUp(kind: 'python' | 'wasm'): Promise<void>;
  /** `role` picks the pool: submissions and output validators never wait on each other. */
  openPython(source: string, role: ProgramRole): Promise<{ id: number; compile: CompileResult }>;
  openWasm(binary: Uint8Array, compile: CompileResult, role: ProgramRole): Promise<{ id: number }>;
  run(id: number, input: Uint8Array, limits: RunLimits, files?: RunFiles): Promise<RunOutcome>;
  /** Ends a session; with `abort`, a run in flight is killed. */
  close(id: number, abort?: boolean): void;
}

/** The first message the page posts to the frame (with a MessagePort). */
export const SANDBOX_START = 'critique-lab-sandbox-start';
