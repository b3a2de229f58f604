/**
 * The test run's shared clang (nodeSharedClang.ts) over its Unix socket: a compile's bytes, diagnostics
 * and companion files arrive intact both ways, compiles run one at a time in the order asked, and a
 * compiler that throws fails the caller's compile instead of hanging it. The compiler here records
 * its calls and returns fixed bytes: what is under test is the wire; every C++ test file compiles
 * through it with real clang besides.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveClang, sharedClang } from '../../../../src/exec/clangCaches/nodeSharedClang';
import type { CppSourceFiles } from '../../../../src/exec/runtime/cppCompiler';

const dir = mkdtempSync(join(tmpdir(), 'shared-clang-'));
const socket = join(dir, 'clang.sock');
const log: string[] = [];
let server: Server;

beforeAll(async () => {
  server = await serveClang(
    {
      warmUp: async () => void log.push('warm-up'),
      compile: async (source: string, memoryBytes: number, files?: CppSourceFiles) => {
        log.push(`start ${source}`);
        await new Promise((resolve) => setTimeout(resolve, source === 'slow' ? 30 : 0));
        log.push(`end ${source}`);
        if (source === 'throws') throw new Error('clang died');
        if (source.includes('error')) return { ok: false, stderr: 'solution.cpp:1:1: error: nope', ms: 40, usedPch: false };
        const bytes = new Uint8Array([0, 97, 115, 109, 255, memoryBytes >>> 24]);
        return { ok: true, stderr: JSON.stringify(files ?? null), ms: 900, usedPch: true, wasm: bytes };
      },
    },
    socket,
  );
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('the shared clang', () => {
  it('brings back the binary byte for byte, the diagnostics, and the companion files it was sent', async () => {
    const clang = sharedClang(socket);
    await clang.warmUp();
    const files = { name: 'check.cpp', companions: { 'lib/a.h': 'int f();' } };
    expect(await clang.compile('int main(){}', 256 << 20, files)).toEqual({
      ok: true,
      stderr: JSON.stringify(files),
      ms: 900,
      usedPch: true,
      wasm: new Uint8Array([0, 97, 115, 109, 255, 16]),
    });
    const failed = await clang.compile('error here', 256 << 20);
    expect(failed).toEqual({ ok: false, stderr: 'solution.cpp:1:1: error: nope', ms: 40, usedPch: false });
    expect(log.slice(0, 1)).toEqual(['warm-up']);
  });

  it('compiles one program at a time, in the order asked, and reports a compiler that throws', async () => {
    log.length = 0;
    const clang = sharedClang(socket);
    const [slow, fast, broken] = await Promise.allSettled([
      clang.compile('slow', 1 << 20),
      clang.compile('fast', 1 << 20),
      clang.compile('throws', 1 << 20),
    ]);
    expect(log).toEqual(['start slow', 'end slow', 'start fast', 'end fast', 'start throws', 'end throws']);
    expect(slow.status).toBe('fulfilled');
    expect(fast.status).toBe('fulfilled');
    expect(broken).toMatchObject({ status: 'rejected', reason: { message: expect.stringContaining('clang died') } });
    expect((await clang.compile('after', 1 << 20)).ok).toBe(true);
  });
});
