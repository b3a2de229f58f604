/**
 * Runs a compiled C++ program (a wasm32-wasi command module) on one test, with just enough of WASI
 * preview 1 for competitive programs: stdin from a byte array, stdout/stderr captured with caps,
 * clocks, random, exit status. A submission gets no file system (no preopened directories) and no
 * sockets, so it can reach nothing but its own memory; an output validator also gets its arguments
 * and an in-memory file tree (input, answer, feedback folder: wasiMemoryFiles.ts). Runs
 * synchronously: the caller puts it in a worker and terminates the worker at the hard time limit.
 *
 * We use this instead of @wasmer/sdk (see docs/execution.md): a run is ~0.1 ms of set-up instead
 * of ~20 ms, it needs no SharedArrayBuffer or cross-origin isolation, and killing a run is just
 * terminating its worker.
 */
import { MEMORY_GUARD_IMPORT } from './memoryGuard';
import { CappedBytes, STDERR_CAP_BYTES, type RunFiles, type RunOutcome } from './runOutcome';
import { WasiMemoryFiles } from './wasiMemoryFiles';
import { wasiFileCalls, type WasiMemoryAccess } from './wasiFileCalls';

const ERRNO = { SUCCESS: 0, BADF: 8, INVAL: 28, NOSYS: 52, SPIPE: 70, NOTCAPABLE: 76 } as const;

class ProcExit {
  constructor(readonly code: number) {}
}
class OutputLimit {}

export interface WasiRunOptions {
  stdin: Uint8Array;
  outputBytes: number;
  /** The program's linear memory limit (also linked in as --max-memory). */
  memoryBytes: number;
  /** Arguments and an in-memory file tree (output validators only); absent: no files at all. */
  files?: RunFiles;
}

type WasiCall = (...args: never[]) => number;

/** The program's linear memory, seen from the host's WASI calls (set once the module is instantiated). */
class GuestMemory implements WasiMemoryAccess {
  memory: WebAssembly.Memory | undefined;
  view(): DataView {
    return new DataView(this.memory!.buffer);
  }
  bytes(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.memory!.buffer as ArrayBuffer);
  }
  iovecs(iovs: number, count: number): Array<[number, number]> {
    const dv = this.view();
    const list: Array<[number, number]> = [];
    for (let i = 0; i < count; i++) list.push([dv.getUint32(iovs + i * 8, true), dv.getUint32(iovs + i * 8 + 4, true)]);
    return list;
  }
}

/** Arguments, an empty environment, clocks, randomness and exit. */
function processCalls(guest: GuestMemory, args: readonly string[]): Record<string, WasiCall> {
  const argv = ['solution', ...args].map((arg) => new TextEncoder().encode(`${arg}\0`));
  return {
    args_sizes_get: (argc: number, bufSize: number) => {
      guest.view().setUint32(argc, argv.length, true);
      guest.view().setUint32(
        bufSize,
        argv.reduce((n, a) => n + a.length, 0),
        true,
      );
      return ERRNO.SUCCESS;
    },
    args_get: (argvPtr: number, buf: number) => {
      let at = buf;
      argv.forEach((arg, i) => {
        guest.view().setUint32(argvPtr + i * 4, at, true);
        guest.bytes().set(arg, at);
        at += arg.length;
      });
      return ERRNO.SUCCESS;
    },
    environ_sizes_get: (count: number, size: number) => {
      guest.view().setUint32(count, 0, true);
      guest.view().setUint32(size, 0, true);
      return ERRNO.SUCCESS;
    },
    environ_get: () => ERRNO.SUCCESS,
    clock_res_get: (_id: number, out: number) => {
      guest.view().setBigUint64(out, 1000n, true);
      return ERRNO.SUCCESS;
    },
    clock_time_get: (id: number, _precision: bigint, out: number) => {
      const ns = id === 0 ? BigInt(Date.now()) * 1_000_000n : BigInt(Math.round(performance.now() * 1e6));
      guest.view().setBigUint64(out, ns, true);
      return ERRNO.SUCCESS;
    },
    random_get: (buf: number, len: number) => {
      for (let at = 0; at < len; at += 65536) crypto.getRandomValues(guest.bytes().subarray(buf + at, buf + Math.min(len, at + 65536)));
      return ERRNO.SUCCESS;
    },
    sched_yield: () => ERRNO.SUCCESS,
    proc_exit: (code: number) => {
      throw new ProcExit(code);
    },
    poll_oneoff: () => ERRNO.NOSYS,
  };
}

/** stdin from bytes, stdout/stderr into capped buffers; no other descriptor, no paths. */
function stdioCalls(guest: GuestMemory, stdin: Uint8Array, stdout: CappedBytes, stderr: CappedBytes): Record<string, WasiCall> {
  let stdinAt = 0;
  return {
    fd_fdstat_get: (fd: number, out: number) => {
      if (fd > 2) return ERRNO.BADF;
      const dv = guest.view();
      dv.setUint8(out, 0); // filetype unknown: not a tty, so stdout is fully buffered as on a judge
      dv.setUint16(out + 2, 0, true);
      dv.setBigUint64(out + 8, fd === 0 ? 2n : 64n, true); // fd_read / fd_write rights
      dv.setBigUint64(out + 16, 0n, true);
      return ERRNO.SUCCESS;
    },
    fd_fdstat_set_flags: () => ERRNO.SUCCESS,
    fd_prestat_get: () => ERRNO.BADF, // no preopened directories: no file system at all
    fd_prestat_dir_name: () => ERRNO.BADF,
    fd_close: (fd: number) => (fd <= 2 ? ERRNO.SUCCESS : ERRNO.BADF),
    fd_seek: (fd: number) => (fd <= 2 ? ERRNO.SPIPE : ERRNO.BADF),
    fd_sync: () => ERRNO.SUCCESS,
    fd_read: (fd: number, iovs: number, count: number, nread: number) => {
      if (fd !== 0) return ERRNO.BADF;
      let total = 0;
      for (const [ptr, len] of guest.iovecs(iovs, count)) {
        const n = Math.min(len, stdin.length - stdinAt);
        guest.bytes().set(stdin.subarray(stdinAt, stdinAt + n), ptr);
        stdinAt += n;
        total += n;
        if (n < len) break;
      }
      guest.view().setUint32(nread, total, true);
      return ERRNO.SUCCESS;
    },
    fd_write: (fd: number, iovs: number, count: number, nwritten: number) => {
      if (fd !== 1 && fd !== 2) return ERRNO.BADF;
      const sink = fd === 1 ? stdout : stderr;
      let total = 0;
      for (const [ptr, len] of guest.iovecs(iovs, count)) {
        if (!sink.push(guest.bytes().subarray(ptr, ptr + len)) && fd === 1) throw new OutputLimit();
        total += len;
      }
      guest.view().setUint32(nwritten, total, true);
      return ERRNO.SUCCESS;
    },
    path_open: () => ERRNO.NOTCAPABLE,
    path_filestat_get: () => ERRNO.NOTCAPABLE,
  };
}

/** The module's imports from what we provide, or the name of one we do not. */
function linkImports(
  module: WebAssembly.Module,
  wasi: Record<string, WasiCall>,
  guard: Record<string, () => void>,
): WebAssembly.Imports | string {
  const imports: Record<string, Record<string, unknown>> = { wasi_snapshot_preview1: {}, [MEMORY_GUARD_IMPORT.module]: {} };
  for (const entry of WebAssembly.Module.imports(module)) {
    const provided =
      entry.module === 'wasi_snapshot_preview1'
        ? (wasi[entry.name] ?? (() => ERRNO.NOSYS))
        : entry.module === MEMORY_GUARD_IMPORT.module
          ? guard[entry.name]
          : undefined;
    if (entry.kind !== 'function' || !provided)
      return `the program imports ${entry.module}.${entry.name}, which this runtime does not provide`;
    imports[entry.module]![entry.name] = provided;
  }
  return imports as WebAssembly.Imports;
}

type Ending = Pick<RunOutcome, 'status' | 'exitCode' | 'message'>;

/** Runs `_start` and says how the program ended. */
function runStart(start: () => void, stderr: CappedBytes, guest: GuestMemory, options: WasiRunOptions): Ending {
  try {
    start();
    return { status: 'ok', exitCode: 0 };
  } catch (error) {
    if (error instanceof ProcExit)
      return error.code === 0
        ? { status: 'ok', exitCode: 0 }
        : { status: 'exit', exitCode: error.code, message: `exit status ${error.code}` };
    if (error instanceof OutputLimit) return { status: 'output', message: `printed more than ${options.outputBytes} bytes` };
    return classifyTrap(error, stderr.text(), guest.memory!.buffer.byteLength, options.memoryBytes);
  }
}

export function runWasiProgram(module: WebAssembly.Module, options: WasiRunOptions): RunOutcome {
  const stdout = new CappedBytes(options.outputBytes);
  const stderr = new CappedBytes(STDERR_CAP_BYTES);
  const guest = new GuestMemory();
  const tree = options.files ? new WasiMemoryFiles(options.files, options.outputBytes) : undefined;
  const baseCalls = { ...processCalls(guest, options.files?.args ?? []), ...stdioCalls(guest, options.stdin, stdout, stderr) };
  const wasi = tree ? { ...baseCalls, ...wasiFileCalls(tree, guest, baseCalls) } : baseCalls;
  let memoryLimitReached = false;
  const imports = linkImports(module, wasi, { [MEMORY_GUARD_IMPORT.name]: () => void (memoryLimitReached = true) });
  if (typeof imports === 'string') return { status: 'crash', stdout: '', stderr: '', ms: 0, message: imports };

  let instance: WebAssembly.Instance;
  try {
    instance = new WebAssembly.Instance(module, imports);
  } catch (error) {
    // Instantiation fails when the initial memory (stack + static data) exceeds the limit.
    return { status: 'memory', stdout: '', stderr: '', ms: 0, message: `cannot start: ${(error as Error).message}` };
  }
  guest.memory = instance.exports.memory as WebAssembly.Memory;
  const began = performance.now();
  let ending = runStart(instance.exports._start as () => void, stderr, guest, options);
  const ms = performance.now() - began;
  // The heap could not grow and the program did not end well: that is the memory limit's doing.
  if (memoryLimitReached && ending.status !== 'ok' && ending.status !== 'output') {
    ending = { status: 'memory', message: `memory limit (${Math.round(options.memoryBytes / 2 ** 20)} MiB) reached: an allocation failed` };
  }
  return {
    ...ending,
    stdout: stdout.text(),
    stderr: stderr.text(),
    ms,
    memoryBytes: guest.memory.buffer.byteLength,
    ...(tree ? { written: tree.written() } : {}),
  };
}

/**
 * A trap is a memory-limit hit when the program died allocating (`operator new` with no exceptions
 * aborts) or its memory had grown to within 10% of the limit; otherwise it is a run-time error.
 */
function classifyTrap(error: unknown, stderr: string, usedBytes: number, limitBytes: number): Pick<RunOutcome, 'status' | 'message'> {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const allocating = /bad_alloc/.test(stderr) || /operator new|__throw_bad_alloc|std::bad_alloc|\bmalloc\b|\bsbrk\b/.test(stack);
  if (error instanceof RangeError && /call stack|stack size/i.test(message)) {
    return { status: 'crash', message: 'stack overflow' };
  }
  if (allocating || usedBytes >= limitBytes * 0.9) {
    return { status: 'memory', message: `memory limit (${Math.round(limitBytes / 2 ** 20)} MiB) reached: ${message}` };
  }
  return { status: 'crash', message: `${message}${message === 'unreachable' ? ' (abort or failed assertion)' : ''}` };
}
