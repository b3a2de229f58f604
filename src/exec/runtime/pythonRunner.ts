/**
 * Runs a Python program on one test inside Pyodide (CPython compiled to wasm). The same code runs
 * in a browser worker and a Node worker thread; the caller passes `loadPyodide` in and keeps the
 * interpreter warm between runs, so a test costs milliseconds, not Pyodide's ~2 s start-up.
 *
 * Each run gets a fresh `__main__` namespace, its own stdin/stdout/stderr (output capped: the
 * program stops with OLE when it prints too much), and afterwards the interpreter is put back:
 * modules the program imported are dropped, builtins and the recursion and int-digits limits are
 * restored. Limits:
 * - time: Pyodide's interrupt buffer (a SharedArrayBuffer the host flips at the limit) raises
 *   KeyboardInterrupt inside the program; where there is none, or the program is stuck in C code,
 *   the host kills the worker.
 * - memory: the interpreter's heap may not grow past (heap after start-up + the limit): we wrap
 *   Emscripten's `emscripten_resize_heap` import, so an allocation past the limit fails and the
 *   program gets a MemoryError, which we report as MLE.
 */
import type { loadPyodide as LoadPyodide } from 'pyodide';
import type { RunOutcome } from './runOutcome';
import { STDERR_CAP_BYTES } from './runOutcome';

type PyodideAPI = Awaited<ReturnType<typeof LoadPyodide>>;
type LoadOptions = NonNullable<Parameters<typeof LoadPyodide>[0]>;

export const PYTHON_SOURCE_NAME = 'solution.py';

const WARM_UP_PROGRAM = `import sys
a, b = map(int, sys.stdin.readline().split())
print(sum(i * i for i in range(20000)) + a + b, sorted([b, a]), {a: b}, "%.3f" % (a / b))
`;

const HARNESS = String.raw`
import sys, io, builtins, traceback, gc

_missing = object()

class _OutputLimit(BaseException):
    pass

class _CappedBytes(io.BytesIO):
    def __init__(self, cap, raise_on_cap):
        super().__init__()
        self.cap = cap
        self.raise_on_cap = raise_on_cap
        self.exceeded = False
    def write(self, b):
        room = self.cap - self.tell()
        if len(b) > room:
            self.exceeded = True
            if room > 0:
                super().write(bytes(b)[:room])
            if self.raise_on_cap:
                raise _OutputLimit()
            return len(b)
        return super().write(b)

_baseline_modules = set(sys.modules)
_module_snapshots = [(m, dict(m.__dict__)) for n, m in list(sys.modules.items())
                     if n not in ('sys', 'builtins', '__main__') and hasattr(m, '__dict__')]
_builtins_snapshot = dict(builtins.__dict__)
_recursion_limit = sys.getrecursionlimit()
_int_digits = sys.get_int_max_str_digits()

def _check_syntax(source):
    try:
        compile(source, ${JSON.stringify(PYTHON_SOURCE_NAME)}, 'exec')
        return ''
    except (SyntaxError, ValueError) as error:
        return ''.join(traceback.format_exception_only(type(error), error))

def _tail_traceback(error):
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != ${JSON.stringify(PYTHON_SOURCE_NAME)}:
        tb = tb.tb_next
    return ''.join(traceback.format_exception(type(error), error, tb))

def _run(source, stdin_js, out_cap, err_cap):
    stdin_bytes = stdin_js.to_bytes()
    out = _CappedBytes(out_cap, True)
    err = _CappedBytes(err_cap, False)
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin_bytes), encoding='utf-8', errors='replace')
    sys.stdout = io.TextIOWrapper(out, encoding='utf-8', errors='backslashreplace')
    sys.stderr = io.TextIOWrapper(err, encoding='utf-8', errors='backslashreplace', write_through=True)
    status, code, message, trace = 'ok', 0, '', ''
    try:
        program = compile(source, ${JSON.stringify(PYTHON_SOURCE_NAME)}, 'exec')
        exec(program, {'__name__': '__main__', '__builtins__': builtins, '__file__': ${JSON.stringify(PYTHON_SOURCE_NAME)}})
    except SystemExit as error:
        if error.code is None or error.code == 0:
            pass
        elif isinstance(error.code, int):
            status, code, message = 'exit', error.code, 'exit status %d' % error.code
        else:
            trace = str(error.code) + '\n'
            status, code, message = 'exit', 1, 'exit status 1'
    except _OutputLimit:
        status, message = 'output', 'printed more than %d bytes' % out_cap
    except KeyboardInterrupt:
        status, message = 'timeout', 'interrupted at the time limit'
    except MemoryError as error:
        status, message, trace = 'memory', 'MemoryError', _tail_traceback(error)
    except BaseException as error:
        status, message, trace = 'crash', type(error).__name__, _tail_traceback(error)
    try:
        sys.stdout.flush()
    except _OutputLimit:
        status, message = 'output', 'printed more than %d bytes' % out_cap
    except BaseException:
        pass
    if out.exceeded:
        status, message = 'output', 'printed more than %d bytes' % out_cap
    try:
        sys.stderr.flush()
    except BaseException:
        pass
    stdout_text = out.getvalue().decode('utf-8', 'replace')
    stderr_text = err.getvalue().decode('utf-8', 'replace') + trace
    sys.stdin, sys.stdout, sys.stderr = sys.__stdin__, sys.__stdout__, sys.__stderr__
    _restore()
    return [status, code, message, stdout_text, stderr_text]

def _restore():
    for name in list(sys.modules):
        if name not in _baseline_modules:
            del sys.modules[name]
    for module, snapshot in _module_snapshots:
        current = module.__dict__
        if len(current) != len(snapshot) or any(current.get(k, _missing) is not v for k, v in snapshot.items()):
            current.clear()
            current.update(snapshot)
    builtins.__dict__.clear()
    builtins.__dict__.update(_builtins_snapshot)
    sys.setrecursionlimit(_recursion_limit)
    sys.set_int_max_str_digits(_int_digits)
    gc.collect()
`;

export interface PythonRunnerOptions {
  /** Int32Array over a SharedArrayBuffer the host writes 2 (SIGINT) into at the time limit. */
  interruptBuffer?: Int32Array;
  /** Extra loadPyodide options (indexURL, createPyodideModule, lockFileContents, …). */
  load?: LoadOptions;
}

interface EmscriptenModule {
  HEAPU8: Uint8Array;
}

export class PythonRunner {
  private heapCap = Number.POSITIVE_INFINITY;
  private baselineHeap = 0;
  private runFn!: (source: string, stdin: Uint8Array, outCap: number, errCap: number) => { toJs(): unknown[]; destroy(): void };
  private checkSyntaxFn!: (source: string) => string;

  private constructor(
    private readonly pyodide: PyodideAPI,
    private readonly interruptBuffer: Int32Array | undefined,
  ) {}

  static async create(loadPyodide: typeof LoadPyodide, options: PythonRunnerOptions = {}): Promise<PythonRunner> {
    let runner: PythonRunner | undefined;
    const cap = { get: () => runner?.heapCap ?? Number.POSITIVE_INFINITY };
    const pyodide = await withHeapCap(cap, () =>
      loadPyodide({ ...options.load, stdout: () => {}, stderr: () => {}, env: { PYTHONHASHSEED: '0', ...options.load?.env } }),
    );
    runner = new PythonRunner(pyodide, options.interruptBuffer);
    pyodide.runPython(HARNESS);
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

  run(source: string, stdin: Uint8Array, limits: { outputBytes: number; memoryBytes: number }): RunOutcome {
    if (this.interruptBuffer) Atomics.store(this.interruptBuffer, 0, 0);
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
    try {
      const proxy = this.runFn(source, stdin, limits.outputBytes, STDERR_CAP_BYTES);
      result = proxy.toJs();
      proxy.destroy();
    } finally {
      this.heapCap = Number.POSITIVE_INFINITY;
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
      env.emscripten_resize_heap = (requested: number) => ((requested >>> 0) > cap.get() ? 0 : (resize as (n: number) => number)(requested));
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
