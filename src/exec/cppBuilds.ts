/**
 * Compile-once for C++, shared by the browser and Node executors: a candidate is compiled once and
 * its binary run on every test; the same source (and memory limit, which is linked in) judged again
 * — "run again", two identical candidates — is not compiled again. Compiles run one at a time
 * (clang in one worker uses a whole core and hundreds of MB).
 */
import type { CompileResult } from '../core/judging/judgeResult';
import { sha256Hex } from '../core/problem/sha256Hex';
import { CompileCache } from './compileCache';
import { CPP_FLAGS, type CppCompileOutcome, type CppSourceFiles } from './runtime/cppCompiler';

interface CppBuild<B> {
  compile: CompileResult;
  /** The program to run; absent when compilation failed. */
  binary?: B;
}

export class CppBuilds<B extends { byteLength: number }> {
  private readonly binaries = new CompileCache<B>();
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * `compile` runs clang (in a worker); `load` turns its wasm bytes into what the runner takes
   * (the bytes themselves, or a compiled WebAssembly.Module).
   */
  constructor(
    private readonly compile: (source: string, memoryBytes: number, files?: CppSourceFiles) => Promise<CppCompileOutcome>,
    private readonly load: (wasm: Uint8Array) => Promise<B>,
  ) {}

  async build(source: string, memoryBytes: number, signal?: AbortSignal, files?: CppSourceFiles): Promise<CppBuild<B>> {
    const key = await sha256Hex([...CPP_FLAGS, String(memoryBytes), source, ...(files ? [JSON.stringify(files)] : [])].join('\u0000'));
    const cached = this.binaries.get(key);
    if (cached) return { compile: { ok: true, stderr: '', ms: 0, cached: true }, binary: cached };
    const compiled = this.queue.then(() => {
      signal?.throwIfAborted();
      return files ? this.compile(source, memoryBytes, files) : this.compile(source, memoryBytes);
    });
    this.queue = compiled.catch(() => undefined);
    const outcome = await compiled;
    const compile: CompileResult = { ok: outcome.ok, stderr: outcome.stderr, ms: Math.round(outcome.ms) };
    if (!outcome.wasm) return { compile };
    const binary = await this.load(outcome.wasm);
    this.binaries.set(key, binary);
    return { compile, binary };
  }
}
