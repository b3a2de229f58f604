/**
 * The run's folder of compiled programs (nodeCompiledPrograms.ts): the second compile of the same
 * program is answered from disk with the same bytes and diagnostics; anything that changes the
 * binary (source, memory limit, companion files) compiles again. The compiler here counts its calls
 * and returns fixed bytes: what is under test is the keeping, which every C++ test file exercises
 * with real clang besides.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keptCompiles } from '../../../../src/exec/clangCaches/nodeCompiledPrograms';
import type { CppCompileOutcome } from '../../../../src/exec/runtime/cppCompiler';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function counted(): { calls: string[]; compile: (source: string, memoryBytes: number) => Promise<CppCompileOutcome> } {
  const calls: string[] = [];
  return {
    calls,
    compile: async (source) => {
      calls.push(source);
      if (source.includes('error')) return { ok: false, stderr: 'solution.cpp:1:1: error: nope', ms: 40, usedPch: true };
      return { ok: true, stderr: '', ms: 900, usedPch: true, wasm: new TextEncoder().encode(`wasm of ${source}`) };
    },
  };
}

describe('compiled programs kept for a run', () => {
  it('compiles a program once and answers again from disk, bytes and diagnostics alike', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compiled-'));
    dirs.push(dir);
    const { calls, compile } = counted();
    const first = await keptCompiles(compile, dir)('int main(){}', 256 << 20);
    const again = await keptCompiles(compile, dir)('int main(){}', 256 << 20);
    expect(calls).toEqual(['int main(){}']);
    expect(again.wasm).toEqual(first.wasm);
    expect(again).toMatchObject({ ok: true, ms: 0 });

    await keptCompiles(compile, dir)('error here', 256 << 20);
    const failed = await keptCompiles(compile, dir)('error here', 256 << 20);
    expect(failed).toMatchObject({ ok: false, stderr: 'solution.cpp:1:1: error: nope' });
    expect(failed.wasm).toBeUndefined();
    expect(calls).toHaveLength(2);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('compiles again when the memory limit or the companion files differ', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compiled-'));
    dirs.push(dir);
    const { calls, compile } = counted();
    const kept = keptCompiles(compile, dir);
    await kept('int main(){}', 256 << 20);
    await kept('int main(){}', 64 << 20);
    await kept('int main(){}', 256 << 20, { companions: { 'a.h': '' } });
    expect(calls).toHaveLength(3);
  });
});
