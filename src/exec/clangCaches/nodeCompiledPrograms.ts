/**
 * Compiled programs kept on disk, keyed by everything that decides their bytes (the source and its
 * companion files, the memory limit linked in, the flags, the shim header and the memory guard),
 * for the Node judge when CRITIQUE_LAB_COMPILED_DIR names a folder. The test run sets one for its
 * own duration, so a program several test files judge (the A+B fixtures, the bundled submissions)
 * is compiled once per run rather than once per file. Off otherwise: nothing bounds the folder.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../../core/problem/sha256Hex';
import { CPP_FLAGS, CppCompiler, type CppCompileOutcome, type CppSourceFiles } from '../runtime/cppCompiler';

export const COMPILED_DIR_ENV = 'CRITIQUE_LAB_COMPILED_DIR';

type Compile = (source: string, memoryBytes: number, files?: CppSourceFiles) => Promise<CppCompileOutcome>;

interface KeptOutcome {
  ok: boolean;
  stderr: string;
  usedPch: boolean;
  hasWasm: boolean;
}

function programKey(source: string, memoryBytes: number, files: CppSourceFiles | undefined): Promise<string> {
  const inputs = [
    CppCompiler.pchKey(),
    CppCompiler.memoryGuardKey(),
    ...CPP_FLAGS,
    String(memoryBytes),
    source,
    JSON.stringify(files ?? {}),
  ];
  return sha256Hex(inputs.join('\u0000'));
}

/** Writes by rename, so a judge in another process never reads half a file. */
async function writeWhole(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temp, data);
  await rename(temp, path);
}

/** `compile`, answered from `dir` when the same program was compiled before (diagnostics included, in 0 ms). */
export function keptCompiles(compile: Compile, dir: string): Compile {
  return async (source, memoryBytes, files) => {
    const key = await programKey(source, memoryBytes, files);
    const meta = join(dir, `${key}.json`);
    const wasmPath = join(dir, `${key}.wasm`);
    const kept = await readFile(meta, 'utf8').then(
      (text) => JSON.parse(text) as KeptOutcome,
      () => undefined,
    );
    if (kept) {
      const wasm = kept.hasWasm
        ? await readFile(wasmPath).then(
            (b) => new Uint8Array(b),
            () => undefined,
          )
        : undefined;
      if (!kept.hasWasm || wasm) return { ok: kept.ok, stderr: kept.stderr, usedPch: kept.usedPch, ms: 0, ...(wasm ? { wasm } : {}) };
    }
    const outcome = await compile(source, memoryBytes, files);
    await mkdir(dir, { recursive: true });
    if (outcome.wasm) await writeWhole(wasmPath, outcome.wasm);
    const record: KeptOutcome = { ok: outcome.ok, stderr: outcome.stderr, usedPch: outcome.usedPch, hasWasm: Boolean(outcome.wasm) };
    await writeWhole(meta, JSON.stringify(record));
    return outcome;
  };
}
