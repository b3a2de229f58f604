/**
 * Runs a Python program on one test inside Pyodide (CPython compiled to wasm). The same code runs
 * in a browser worker and a Node worker thread; the caller passes `loadPyodide` in and keeps the
 * interpreter warm between runs, so a test costs milliseconds, not Pyodide's ~2 s start-up.
 *
 * What a run does inside the interpreter, and how the interpreter is put back afterwards, is
 * pythonHarness.py. Limits:
 * - time: Pyodide's interrupt buffer (a SharedArrayBuffer the host flips at the limit) raises
 *   KeyboardInterrupt inside the program; where there is none, or the program is stuck in C code,
 *   the host kills the worker.
 * - memory: the interpreter's heap may not grow past (heap after start-up + the limit): we wrap
 *   Emscripten's `emscripten_resize_heap` import, so an allocation past the limit fails and the
 *   program gets a MemoryError, which we report as MLE.
 */
import type { loadPyodide as LoadPyodide } from 'pyodide';
import type { RunFiles, RunOutcome } from './runOutcome';
import { STDERR_CAP_BYTES } from './runOutcome';
import { PyodideFiles, type PyodideFs } from './pyodideFiles';
import { startPyodide, type PyodideLoadOptions, type PyodideStartInfo, type PyodideStartOptions } from '../pyodideSnapshot/pyodideStart';

type PyodideAPI = Awaited<ReturnType<typeof LoadPyodide>>;

const WARM_UP_PROGRAM = `import sys
a, b = map(int, sys.stdin.readline().split())
print(sum(i * i for i in range(20000)) + a + b, sorted([b, a]), {a: b}, "%.3f" % (a / b))
`;

export interface PythonRunnerOptions {
  /** The text of pythonHarness.py (the entry point reads it: a raw import in the browser, the file in Node). */
  harness: string;
  /** Int32Array over a SharedArrayBuffer the host writes 2 (SIGINT) into at the time limit. */
  interruptBuffer?: Int32Array;
  /** Extra loadPyodide options (indexURL, createPyodideModule, lockFileContents, …). */
  load?: PyodideLoadOptions;
  /** Start from a memory snapshot, or take one (see pyodideStart.ts). */
  start?: PyodideStartOptions;
}

interface EmscriptenModule {
  HEAPU8: Uint8Array;
}

export class PythonRunner {
  private heapCap = Number.POSITIVE_INFINITY;
  private baselineHeap = 0;
  private runFn!: (
    source: string,
    stdin: Uint8Array,
    outCap: number,
    errCap: number,
    argv?: string[],
    importDir?: string,
  ) => { toJs(): unknown[]; destroy(): void };
  private checkSyntaxFn!: (source: string) => string;
  /** How the interpreter started, and the snapshot it took if asked (before any program ran). */
  start!: PyodideStartInfo;

  private constructor(
    private readonly pyodide: PyodideAPI,
    private readonly interruptBuffer: Int32Array | undefined,
  ) {}

  static async create(loadPyodide: typeof LoadPyodide, options: PythonRunnerOptions): Promise<PythonRunner> {
    let runner: PythonRunner | undefined;
    const cap = { get: () => runner?.heapCap ?? Number.POSITIVE_INFINITY };
    const { pyodide, ...start } = await withHeapCap(cap, () =>
      startPyodide(
        loadPyodide,
        { ...options.load, stdout: () => {}, stderr: () => {}, env: { PYTHONHASHSEED: '0', ...options.load?.env } },
        options.start ?? {},
      ),
    );
    runner = new PythonRunner(pyodide, options.interruptBuffer);
    runner.start = start;
    pyodide.runPython(options.harness);
    runner.runFn = pyodide.globals.get('_run');
    runner.checkSyntaxFn = pyodide.globals.get('_check_syntax');
    if (options.interruptBuffer) pyodide.setInterruptBuffer(options.interruptBuffer);
    // Low-level writes (os.write(1, …), open(1, 'w')) go to Emscripten's streams; keep them quiet.
    pyodide.setStdout({ write: (b: Uint8Array) => b.length });
    pyodide.setStderr({ write: (b: Uint8Array) => b.length });
    runner.baselineHeap = runner.heapBytes();
    // The first runs of a fresh interpreter are slow (wasm tier-up, first imports): do them now,
    // not on a candidate's clock.
    const warm = new TextEncoder().encode('1 2\n');
    for (let i = 0; i < 3; i++) runner.run(WARM_UP_PROGRAM, warm, { outputBytes: 1 << 20, memoryBytes: 64 << 20 });
    return runner;
  }

  private heapBytes(): number {
    return (this.pyodide as unknown as { _module: EmscriptenModule })._module.HEAPU8.length;
  }

  /** The Python "compile" step: a syntax error is a compile error, as on Kattis. */
  checkSyntax(source: string): string {
    return this.checkSyntaxFn(source);
  }

  run(source: string, stdin: Uint8Array, limits: { outputBytes: number; memoryBytes: number }, files?: RunFiles): RunOutcome {
    if (this.interruptBuffer) Atomics.store(this.interruptBuffer, 0, 0);
    const tree = files ? new PyodideFiles((this.pyodide as unknown as { FS: PyodideFs }).FS, files) : undefined;
    this.heapCap = this.baselineHeap + limits.memoryBytes;
    // `open(0).read()` reads Emscripten's fd 0: serve the same bytes there.
    let at = 0;
    this.pyodide.setStdin({
      read: (buffer: Uint8Array) => {
        const n = Math.min(buffer.length, stdin.length - at);
        buffer.set(stdin.subarray(at, at + n));
        at += n;
        return n;
      },
    });
    const began = performance.now();
    let result: unknown[];
    let written: Record<string, string> | undefined;
    try {
      const proxy = files
        ? this.runFn(source, stdin, limits.outputBytes, STDERR_CAP_BYTES, files.args, tree!.importDir)
        : this.runFn(source, stdin, limits.outputBytes, STDERR_CAP_BYTES);
      result = proxy.toJs();
      proxy.destroy();
    } finally {
      this.heapCap = Number.POSITIVE_INFINITY;
      written = tree?.collectAndRemove(limits.outputBytes);
    }
    const ms = performance.now() - began;
    const [status, exitCode, message, stdout, stderr] = result as [RunOutcome['status'], number, string, string, string];
    return {
      status,
      exitCode,
      stdout,
      stderr,
      ms,
      ...(message ? { message } : {}),
      memoryBytes: this.heapBytes() - this.baselineHeap,
      ...(written ? { written } : {}),
    };
  }
}

/**
 * Loads Pyodide with its heap growth routed through `cap`: WebAssembly instantiation is wrapped
 * for the duration of the load so that Emscripten's `emscripten_resize_heap` import refuses to grow
 * past the current cap.
 */
async function withHeapCap<T>(cap: { get(): number }, load: () => Promise<T>): Promise<T> {
  const wasm = WebAssembly as unknown as {
    instantiate: (source: unknown, imports?: WebAssembly.Imports) => Promise<unknown>;
    instantiateStreaming?: (source: unknown, imports?: WebAssembly.Imports) => Promise<unknown>;
  };
  const originalInstantiate = wasm.instantiate;
  const originalStreaming = wasm.instantiateStreaming;
  const wrap = (imports: WebAssembly.Imports | undefined): WebAssembly.Imports | undefined => {
    const env = imports?.env as Record<string, unknown> | undefined;
    const resize = env?.emscripten_resize_heap;
    if (env && typeof resize === 'function') {
      env.emscripten_resize_heap = (requested: number) => (requested >>> 0 > cap.get() ? 0 : (resize as (n: number) => number)(requested));
    }
    return imports;
  };
  wasm.instantiate = (source, imports) => originalInstantiate.call(WebAssembly, source, wrap(imports));
  if (originalStreaming) wasm.instantiateStreaming = (source, imports) => originalStreaming.call(WebAssembly, source, wrap(imports));
  try {
    return await load();
  } finally {
    wasm.instantiate = originalInstantiate;
    if (originalStreaming) wasm.instantiateStreaming = originalStreaming;
  }
}
