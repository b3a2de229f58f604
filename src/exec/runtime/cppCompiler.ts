/**
 * Compiles C++17 to a wasm32-wasi command module with @yowasp/clang (real clang + lld compiled to
 * wasm). The same code runs in a browser worker and a Node worker thread: the caller passes
 * clang's entry point in. Sources that include <bits/stdc++.h> compile against a precompiled
 * header of our shim (built once with identical flags), which cuts a warm compile from ~3.5 s to
 * ~1 s.
 */
import { MEMORY_GUARD_LINK_FLAGS, MEMORY_GUARD_NAME, MEMORY_GUARD_SOURCE } from './memoryGuard';
import { STDCPP_SHIM, STDCPP_SHIM_PATH } from './stdcppShim';

/** The shape of @yowasp/clang's `commands['clang++']`. */
export type ClangCommand = (
  args?: string[] | null,
  files?: ClangTree,
  options?: {
    stdout?: ((bytes: Uint8Array | null) => void) | null;
    stderr?: ((bytes: Uint8Array | null) => void) | null;
    fetchProgress?: (event: { totalLength: number; doneLength: number }) => void;
  },
) => Promise<ClangTree> | ClangTree | undefined;
export type ClangTree = { [name: string]: ClangTree | string | Uint8Array };

/**
 * Flags every compile uses; the precompiled header must be built with exactly these.
 * `-fno-builtin`: a judge counts the memory a program asks for, but clang would otherwise drop a
 * `new` or `malloc` whose memory is never read, so a program over the memory limit would pass here
 * and fail on a native judge (GCC keeps such allocations).
 */
export const CPP_FLAGS = ['-std=c++17', '-O2', '-fno-exceptions', '-fno-builtin', '-fno-color-diagnostics', '-w'] as const;
/** Only for building the PCH: instantiate the header's templates once, there, not in every compile. */
const PCH_ONLY_FLAGS = ['-fpch-instantiate-templates'];

export const SOURCE_NAME = 'solution.cpp';
const PCH_NAME = `${STDCPP_SHIM_PATH}.pch`;

/** For a program of several files (an output validator with headers): its name and the others. */
export interface CppSourceFiles {
  /** The source's file name (default solution.cpp); diagnostics name it. */
  name?: string;
  /** Headers and other files beside it, by relative path. */
  companions?: Record<string, string>;
}

export interface CppCompileOutcome {
  ok: boolean;
  wasm?: Uint8Array;
  /** Compiler diagnostics, with paths as the user sees them (`solution.cpp:3:5: error: …`). */
  stderr: string;
  ms: number;
  usedPch: boolean;
}

/** Where a cold compiler is: fetching and compiling clang, then getting the precompiled header. */
export interface CppLoadProgress {
  stage: 'clang' | 'header' | 'ready';
  doneBytes: number;
  totalBytes: number;
}

export interface PchStore {
  load(key: string): Promise<Uint8Array | undefined>;
  save(key: string, bytes: Uint8Array): Promise<void>;
}

export class CppCompiler {
  private pch: Promise<Uint8Array | undefined> | undefined;
  private loaded: Promise<unknown> | undefined;

  constructor(
    private readonly clang: ClangCommand,
    private readonly pchStore?: PchStore,
  ) {}

  /**
   * Loads clang's wasm (~105 MB) and builds or loads the precompiled header, telling `onProgress`
   * the stage and, while clang is fetched, the bytes (a first visit waits several seconds here).
   */
  async warmUp(onProgress?: (progress: CppLoadProgress) => void): Promise<void> {
    await this.load((doneBytes, totalBytes) => onProgress?.({ stage: 'clang', doneBytes, totalBytes }));
    onProgress?.({ stage: 'header', doneBytes: 0, totalBytes: 0 });
    await this.precompiledHeader();
    onProgress?.({ stage: 'ready', doneBytes: 0, totalBytes: 0 });
  }

  /**
   * Fetches and compiles clang's wasm once, quietly (clang's driver makes inner calls that would
   * otherwise log download progress to the console).
   */
  load(onProgress?: (done: number, total: number) => void): Promise<unknown> {
    this.loaded ??= Promise.resolve(this.clang(null, {}, { fetchProgress: (e) => onProgress?.(e.doneLength, e.totalLength) }));
    return this.loaded;
  }

  /** A key that changes whenever the PCH would: compiler flags and the shim's text. */
  static pchKey(): string {
    let hash = 2166136261;
    for (const ch of `${[...CPP_FLAGS, ...PCH_ONLY_FLAGS].join(' ')}\n${STDCPP_SHIM}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
    return `stdcpp-pch-${hash.toString(16)}`;
  }

  precompiledHeader(): Promise<Uint8Array | undefined> {
    this.pch ??= (async () => {
      const key = CppCompiler.pchKey();
      const stored = await this.pchStore?.load(key).catch(() => undefined);
      if (stored) return stored;
      await this.load();
      const stderr: Uint8Array[] = [];
      try {
        const out = await this.clang(
          [...CPP_FLAGS, ...PCH_ONLY_FLAGS, '-x', 'c++-header', `inc/${STDCPP_SHIM_PATH}`, '-o', `inc/${PCH_NAME}`],
          { inc: { bits: { 'stdc++.h': STDCPP_SHIM } } },
          { stdout: null, stderr: (b) => b && stderr.push(b), fetchProgress: () => {} },
        );
        const pch = (((out as ClangTree).inc as ClangTree).bits as ClangTree)['stdc++.h.pch'];
        if (!(pch instanceof Uint8Array)) return undefined;
        await this.pchStore?.save(key, pch).catch(() => undefined);
        return pch;
      } catch {
        return undefined; // compile without it: slower, same result
      }
    })();
    return this.pch;
  }

  async compile(source: string, memoryBytes: number, files: CppSourceFiles = {}): Promise<CppCompileOutcome> {
    const sourceName = safeSourceName(files.name);
    const began = performance.now();
    await this.load();
    const pch = usesStdcppShim(source) ? await this.precompiledHeader() : undefined;
    const bits: ClangTree = { 'stdc++.h': STDCPP_SHIM };
    if (pch) bits['stdc++.h.pch'] = pch;
    const stderrChunks: Uint8Array[] = [];
    const capture = (b: Uint8Array | null): void => {
      if (b) stderrChunks.push(b.slice());
    };
    const args = [
      ...CPP_FLAGS,
      '-I',
      'inc',
      ...(pch ? ['-include-pch', `inc/${PCH_NAME}`] : []),
      sourceName,
      MEMORY_GUARD_NAME,
      '-o',
      'solution.wasm',
      ...linkFlags(memoryBytes),
      ...MEMORY_GUARD_LINK_FLAGS,
      ...LIBC_LINK_FLAGS,
    ];
    let wasm: Uint8Array | undefined;
    let exitMessage = '';
    try {
      const tree: ClangTree = { ...companionTree(files.companions), [sourceName]: source, [MEMORY_GUARD_NAME]: MEMORY_GUARD_SOURCE, inc: { bits } };
      const out = (await this.clang(args, tree, { stdout: capture, stderr: capture, fetchProgress: () => {} })) as ClangTree;
      const binary = out['solution.wasm'];
      if (binary instanceof Uint8Array) wasm = binary;
    } catch (error) {
      // @yowasp's Exit error: clang returned non-zero (the diagnostics are in stderr).
      const code = (error as { code?: number }).code;
      if (typeof code !== 'number') exitMessage = `compiler failed: ${(error as Error).message}`;
    }
    const stderr = cleanDiagnostics(new TextDecoder().decode(concat(stderrChunks))) + exitMessage;
    return { ok: wasm !== undefined, ...(wasm ? { wasm } : {}), stderr, ms: performance.now() - began, usedPch: pch !== undefined };
  }
}

/**
 * wasi-libc leaves `long double` out of printf/scanf unless asked (a program printing one traps
 * as if it had crashed); competitive programs print `long double` often, and a judge accepts them.
 */
const LIBC_LINK_FLAGS = ['-lc-printscan-long-double'] as const;

/**
 * Link flags: the memory limit becomes the module's maximum memory, so the program cannot grow
 * past it; the stack (part of that memory, as on a judge) gets a quarter of it, at most 64 MiB.
 */
export function linkFlags(memoryBytes: number): string[] {
  const page = 65536;
  const max = Math.max(16 * page, Math.floor(memoryBytes / page) * page);
  const stack = Math.min(64 * 2 ** 20, Math.max(page, Math.floor(max / 4 / page) * page));
  return [`-Wl,--max-memory=${max}`, `-Wl,-z,stack-size=${stack}`];
}

/**
 * The PCH is a prefix of the translation unit, so it is used only when the source's first
 * preprocessor directive includes <bits/stdc++.h> (nothing before it can change its meaning).
 */
export function usesStdcppShim(source: string): boolean {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
  const first = /^[ \t]*#[ \t]*(?!pragma\b)(\w+)(.*)$/m.exec(withoutComments);
  return first !== null && first[1] === 'include' && /^\s*<bits\/stdc\+\+\.h>/.test(first[2]!);
}

/** A plain file name of a C++ source, else solution.cpp (names come from packages: trust none). */
function safeSourceName(name: string | undefined): string {
  return name && /^[\w.-]+\.(cpp|cc|cxx)$/i.test(name) && name !== MEMORY_GUARD_NAME ? name : SOURCE_NAME;
}

/** Companion files as clang's file tree; paths leaving the tree or clashing with ours are dropped. */
function companionTree(companions: Record<string, string> = {}): ClangTree {
  const tree: ClangTree = {};
  for (const [path, text] of Object.entries(companions)) {
    const parts = path.split('/').filter((p) => p && p !== '.');
    if (parts.length === 0 || parts.includes('..') || ['inc', MEMORY_GUARD_NAME, 'solution.wasm'].includes(parts[0]!)) continue;
    let dir = tree;
    for (const part of parts.slice(0, -1)) {
      const next = dir[part];
      if (next instanceof Uint8Array || typeof next === 'string') break;
      dir = (dir[part] = next ?? {}) as ClangTree;
    }
    dir[parts.at(-1)!] = text;
  }
  return tree;
}

function cleanDiagnostics(text: string): string {
  return text.replace(/inc\/bits\/stdc\+\+\.h/g, 'bits/stdc++.h')
    .trim();
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
