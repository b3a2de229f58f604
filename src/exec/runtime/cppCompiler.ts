/**
 * Compiles C++17 to a wasm32-wasi command module with @yowasp/clang (real clang + lld compiled to
 * wasm). The same code runs in a browser worker and a Node worker thread: the caller passes
 * clang's entry point in. Two inputs are built once and reused (kept in a PrebuiltStore; the site
 * ships both, built at `npm run build`): a precompiled header of our <bits/stdc++.h> shim, which
 * cuts a warm compile from ~3.5 s to ~1 s, the memory guard's object file, which spares every
 * compile a second translation unit (~0.3 s of a page's first compile), and the stdio streams'
 * object file (optimised iostreams over C stdio: stdioStreams.ts), linked into every program.
 */
import { MEMORY_GUARD_LINK_FLAGS, MEMORY_GUARD_NAME, MEMORY_GUARD_OBJECT_NAME, MEMORY_GUARD_SOURCE } from './memoryGuard';
import { GCC_EXTENSION_HEADERS } from './gccExtensionHeaders';
import { STDCPP_SHIM, STDCPP_SHIM_PATH } from './stdcppShim';
import { STDIO_STREAMS_LINK_FLAGS, STDIO_STREAMS_NAME, STDIO_STREAMS_OBJECT_NAME, STDIO_STREAMS_SOURCE } from './stdioStreams';

/**
 * The @yowasp/clang release the prebuilt files are built with (package.json pins it; a unit test
 * checks the two agree). It is part of every prebuilt file's key: a new clang or libc++ never
 * meets a header or object file an older one built.
 */
export const CLANG_VERSION = '22.0.0-git20542-10';

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
 * `-mllvm -replexitval=never`: clang would otherwise replace a loop by the closed form of the
 * value it leaves behind (a linear search for |a - b|, a sum of 0..i) and delete it, so a program
 * g++ runs for hours finishes here at once (docs/judging.md: where clang and g++ differ).
 */
export const CPP_FLAGS = [
  '-std=c++17',
  '-O2',
  '-fno-exceptions',
  '-fno-builtin',
  '-mllvm',
  '-replexitval=never',
  '-fno-color-diagnostics',
  '-w',
] as const;
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

/** Where files built once (the PCH, the memory guard's object) are kept, by a key that names their inputs. */
export interface PrebuiltStore {
  load(key: string): Promise<Uint8Array | undefined>;
  save(key: string, bytes: Uint8Array): Promise<void>;
}

export class CppCompiler {
  private readonly prebuilt = new Map<string, Promise<Uint8Array | undefined>>();
  private loaded: Promise<unknown> | undefined;

  constructor(
    private readonly clang: ClangCommand,
    private readonly prebuiltStore?: PrebuiltStore,
  ) {}

  /**
   * Loads clang's wasm (~105 MB) and builds or loads the precompiled header, telling `onProgress`
   * the stage and, while clang is fetched, the bytes (a first visit waits several seconds here).
   */
  async warmUp(onProgress?: (progress: CppLoadProgress) => void): Promise<void> {
    // Prebuilt files download while clang does (ones built here wait for clang anyway).
    const prebuilt = Promise.all([this.precompiledHeader(), this.memoryGuardObject(), this.stdioStreamsObject()]);
    await this.load((doneBytes, totalBytes) => onProgress?.({ stage: 'clang', doneBytes, totalBytes }));
    onProgress?.({ stage: 'header', doneBytes: 0, totalBytes: 0 });
    await prebuilt;
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

  /** A key that changes whenever the PCH would: clang's release, compiler flags and every header of ours it may include. */
  static pchKey(): string {
    return `stdcpp-pch-${fnv1a(`${CLANG_VERSION}\n${[...CPP_FLAGS, ...PCH_ONLY_FLAGS].join(' ')}\n${STDCPP_SHIM}\n${JSON.stringify(GCC_EXTENSION_HEADERS)}`)}`;
  }

  /** A key that changes whenever the memory guard's object would: clang's release, compiler flags and its source. */
  static memoryGuardKey(): string {
    return `memory-guard-o-${fnv1a(`${CLANG_VERSION}\n${CPP_FLAGS.join(' ')}\n${MEMORY_GUARD_SOURCE}`)}`;
  }

  /** A key that changes whenever the stdio streams' object would: clang's release, compiler flags and its source. */
  static stdioStreamsKey(): string {
    return `stdio-streams-o-${fnv1a(`${CLANG_VERSION}\n${CPP_FLAGS.join(' ')}\n${STDIO_STREAMS_SOURCE}`)}`;
  }

  precompiledHeader(): Promise<Uint8Array | undefined> {
    return this.prebuiltFile(CppCompiler.pchKey(), async () => {
      const out = await this.clang(
        [...CPP_FLAGS, ...PCH_ONLY_FLAGS, '-I', 'inc', '-x', 'c++-header', `inc/${STDCPP_SHIM_PATH}`, '-o', `inc/${PCH_NAME}`],
        { inc: includeTree() },
        QUIET,
      );
      return (((out as ClangTree).inc as ClangTree).bits as ClangTree)['stdc++.h.pch'];
    });
  }

  memoryGuardObject(): Promise<Uint8Array | undefined> {
    return this.prebuiltFile(CppCompiler.memoryGuardKey(), async () => {
      const out = await this.clang(
        [...CPP_FLAGS, '-c', MEMORY_GUARD_NAME, '-o', MEMORY_GUARD_OBJECT_NAME],
        { [MEMORY_GUARD_NAME]: MEMORY_GUARD_SOURCE },
        QUIET,
      );
      return (out as ClangTree)[MEMORY_GUARD_OBJECT_NAME];
    });
  }

  stdioStreamsObject(): Promise<Uint8Array | undefined> {
    return this.prebuiltFile(CppCompiler.stdioStreamsKey(), async () => {
      const out = await this.clang(
        [...CPP_FLAGS, '-c', STDIO_STREAMS_NAME, '-o', STDIO_STREAMS_OBJECT_NAME],
        { [STDIO_STREAMS_NAME]: STDIO_STREAMS_SOURCE },
        QUIET,
      );
      return (out as ClangTree)[STDIO_STREAMS_OBJECT_NAME];
    });
  }

  /** A file from the store, else built here once (and stored); undefined if it cannot be built — compiles then do without it. */
  private prebuiltFile(key: string, build: () => Promise<ClangTree[string] | undefined>): Promise<Uint8Array | undefined> {
    let file = this.prebuilt.get(key);
    if (!file) {
      file = (async () => {
        const stored = await this.prebuiltStore?.load(key).catch(() => undefined);
        if (stored) return stored;
        await this.load();
        const built = await build().catch(() => undefined);
        if (!(built instanceof Uint8Array)) return undefined;
        await this.prebuiltStore?.save(key, built).catch(() => undefined);
        return built;
      })();
      this.prebuilt.set(key, file);
    }
    return file;
  }

  async compile(source: string, memoryBytes: number, files: CppSourceFiles = {}): Promise<CppCompileOutcome> {
    const sourceName = safeSourceName(files.name);
    const began = performance.now();
    await this.load();
    const [pch, guardObject, streamsObject] = await Promise.all([
      usesStdcppShim(source) ? this.precompiledHeader() : undefined,
      this.memoryGuardObject(),
      this.stdioStreamsObject(),
    ]);
    const guard: ClangTree = guardObject ? { [MEMORY_GUARD_OBJECT_NAME]: guardObject } : { [MEMORY_GUARD_NAME]: MEMORY_GUARD_SOURCE };
    // Without its object (it could not be built) a program still links, with libc++'s slow iostreams.
    const streams: ClangTree = streamsObject ? { [STDIO_STREAMS_OBJECT_NAME]: streamsObject } : {};
    const inc = includeTree();
    if (pch) (inc.bits as ClangTree)['stdc++.h.pch'] = pch;
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
      ...Object.keys(guard),
      ...Object.keys(streams),
      '-o',
      'solution.wasm',
      ...linkFlags(memoryBytes),
      ...MEMORY_GUARD_LINK_FLAGS,
      ...(streamsObject ? STDIO_STREAMS_LINK_FLAGS : []),
      ...LIBC_LINK_FLAGS,
    ];
    let wasm: Uint8Array | undefined;
    let exitMessage = '';
    try {
      const tree: ClangTree = { ...companionTree(files.companions), [sourceName]: source, ...guard, ...streams, inc };
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
 * preprocessor directive includes <bits/stdc++.h> (nothing before it can change its meaning), or
 * <bits/extc++.h>, whose own first line includes <bits/stdc++.h>.
 */
export function usesStdcppShim(source: string): boolean {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
  const first = /^[ \t]*#[ \t]*(?!pragma\b)(\w+)(.*)$/m.exec(withoutComments);
  return first !== null && first[1] === 'include' && /^\s*<bits\/(stdc|extc)\+\+\.h>/.test(first[2]!);
}

/** Our headers as clang's file tree, rooted at the include folder: the shim and the GCC extensions. */
function includeTree(): ClangTree {
  const tree: ClangTree = { bits: { 'stdc++.h': STDCPP_SHIM } };
  for (const [path, text] of Object.entries(GCC_EXTENSION_HEADERS)) {
    const parts = path.split('/');
    let dir = tree;
    for (const part of parts.slice(0, -1)) dir = (dir[part] ??= {}) as ClangTree;
    dir[parts.at(-1)!] = text;
  }
  return tree;
}

/** A plain file name of a C++ source, else solution.cpp (names come from packages: trust none). */
function safeSourceName(name: string | undefined): string {
  return name && /^[\w.-]+\.(cpp|cc|cxx)$/i.test(name) && name !== MEMORY_GUARD_NAME && name !== STDIO_STREAMS_NAME ? name : SOURCE_NAME;
}

/** Companion files as clang's file tree; paths leaving the tree or clashing with ours are dropped. */
function companionTree(companions: Record<string, string> = {}): ClangTree {
  const tree: ClangTree = {};
  for (const [path, text] of Object.entries(companions)) {
    const parts = path.split('/').filter((p) => p && p !== '.');
    if (
      parts.length === 0 ||
      parts.includes('..') ||
      ['inc', MEMORY_GUARD_NAME, MEMORY_GUARD_OBJECT_NAME, STDIO_STREAMS_OBJECT_NAME, 'solution.wasm'].includes(parts[0]!)
    )
      continue;
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

/** Builds of prebuilt files print nothing (clang's inner calls would log download progress). */
const QUIET = { stdout: null, stderr: null, fetchProgress: () => {} };

/** FNV-1a of a text, in hex: short keys that change whenever their inputs do. */
function fnv1a(text: string): string {
  let hash = 2166136261;
  for (const ch of text) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return hash.toString(16);
}

function cleanDiagnostics(text: string): string {
  return text
    .replace(/\binc\/(bits|ext)\//g, '$1/')
    .replace(/\binc\/algorithm\b/g, 'algorithm')
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
