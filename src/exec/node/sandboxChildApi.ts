/** What one sandbox child process (workers/node/sandboxChild.ts) serves its parent over IPC. */
import type { PythonWorkerStarted, RunRequestLimits, WasmProgram } from '../workerApi';
import type { RunFiles, RunOutcome } from '../runtime/runOutcome';

export interface PythonChildOptions {
  /** pythonHarness.py's text. */
  harness: string;
  /** file: URL of pyodide.mjs (the child has no node_modules of its own to resolve it from). */
  pyodideModuleUrl: string;
  indexURL: string;
  /** From a start-up snapshot, or taking one (see pyodideSnapshot/pyodideStart.ts). */
  start?: PythonChildStart;
}

/**
 * A snapshot reaches the child as a file in its bundle folder, not over IPC: sending its 30 MB to
 * every child cost the two sides ~0.1 s of CPU, reading it from the page cache costs the child
 * ~0.04 s (a Python judgement of A+B: 0.83 s of CPU before, 0.78 s after).
 */
export interface PythonChildStart {
  snapshotFile?: string;
  makeSnapshot?: boolean;
}

export interface SandboxChildApi {
  /** Answers once the child's code has loaded. */
  ready(): boolean;
  /** Loads Pyodide and the harness (a Python child). */
  initPython(options: PythonChildOptions): Promise<PythonWorkerStarted>;
  checkSyntax(source: string): string;
  /** Runs a Python program (its source) or a compiled C++ program (its wasm bytes) on one input. */
  run(program: string | WasmProgram, stdin: Uint8Array, limits: RunRequestLimits, files?: RunFiles): RunOutcome;
}
