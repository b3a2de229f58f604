/**
 * What each kind of executor worker exposes (over comlink), in the browser and in Node alike.
 * Interfaces only: the implementations are the entry points in workers/.
 */
import type { CppCompileOutcome, CppLoadProgress, CppSourceFiles } from './runtime/cppCompiler';
import type { RunFiles, RunOutcome } from './runtime/runOutcome';

export interface RunRequestLimits {
  memoryBytes: number;
  outputBytes: number;
}

/** How a Python worker should start: from a snapshot of an earlier start-up, or taking one. */
export interface PythonWorkerStart {
  snapshot?: ArrayBuffer;
  makeSnapshot?: boolean;
}

/** How it did start; `snapshot` is the one it took (transferred), if any. */
export interface PythonWorkerStarted {
  from: 'snapshot' | 'scratch';
  snapshot?: ArrayBuffer;
  snapshotError?: string;
}

/** A warm Pyodide interpreter. */
export interface PythonWorkerApi {
  /** Loads Pyodide; `interrupt` is the SharedArrayBuffer-backed interrupt flag, where available. */
  init(options: { interrupt?: Int32Array; assets?: Record<string, ArrayBuffer>; start?: PythonWorkerStart }): Promise<PythonWorkerStarted>;
  checkSyntax(source: string): string;
  /** `files`: arguments and an in-memory file tree, for output validators only. */
  run(source: string, stdin: Uint8Array, limits: RunRequestLimits, files?: RunFiles): RunOutcome;
}

/** A compiled C++ program: a module where it can be handed over, else its wasm bytes. */
export type WasmProgram = WebAssembly.Module | Uint8Array;

/** Runs compiled wasm32-wasi programs. */
export interface WasmRunnerApi {
  /** Answers once the worker's code has loaded, so a program's clock never counts that. */
  ready(): boolean;
  run(program: WasmProgram, stdin: Uint8Array, limits: RunRequestLimits, files?: RunFiles): RunOutcome;
}

/** clang. */
export interface CppCompilerApi {
  /** `onProgress` is a comlink proxy in the browser: the stage and bytes of a cold start. */
  warmUp(onProgress?: (progress: CppLoadProgress) => void): Promise<void>;
  compile(source: string, memoryBytes: number, files?: CppSourceFiles): Promise<CppCompileOutcome>;
}
